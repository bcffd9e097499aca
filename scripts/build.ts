/**
 * `npm run build`: the content check, then `astro build` into a staging folder
 * that replaces dist/ only when every step succeeded. A failed build exits
 * non-zero and leaves dist/ as the last good build: nothing half-built is ever
 * in dist/ to be published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OUT_DIR = 'dist';
/** Read by astro.config.mjs (`outDir`). */
const STAGING_DIR = 'dist.staging';

function run(args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const check = run(['scripts/check-content.ts']);
if (check !== 0) process.exit(check);

rmSync(STAGING_DIR, { recursive: true, force: true });
const astro = join(process.cwd(), 'node_modules/astro/bin/astro.mjs');
const status = run([astro, 'build'], { DISPATCH_OUT_DIR: STAGING_DIR });
if (status !== 0) {
  rmSync(STAGING_DIR, { recursive: true, force: true });
  console.error(`\nBuild failed (exit ${status}). ${existsSync(OUT_DIR) ? `${OUT_DIR}/ still holds the last good build.` : `No ${OUT_DIR}/ was written.`}`);
  process.exit(status);
}
rmSync(OUT_DIR, { recursive: true, force: true });
renameSync(STAGING_DIR, OUT_DIR);
console.log(`Build complete: ${OUT_DIR}/ replaced.`);
