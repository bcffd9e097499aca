/**
 * Astro's content layer caches each document's rendered HTML and keeps it
 * while the document is unchanged, even when our plugins or the speaker
 * registry change (both change every page). The content check therefore
 * fingerprints what the rendering depends on and drops Astro's data store
 * when that changes; an unchanged pipeline keeps the cache and rebuilds fast.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles } from './file-hash.ts';

/** What every rendered page depends on besides its own Markdown. */
export const RENDER_INPUTS = ['src/pipeline', 'src/lib', 'content/speakers.yaml', 'astro.config.mjs', 'package-lock.json'] as const;

const DATA_STORE = 'node_modules/.astro/data-store.json';
const FINGERPRINT = 'node_modules/.astro/render-inputs.sha256';

export function renderInputsFingerprint(root: string): string {
  return hashFiles(root, RENDER_INPUTS).digest('hex');
}

/** Drops Astro's cached renders if the pipeline or registry changed since the last build. Returns whether it did. */
export function invalidateStaleRenders(root: string): boolean {
  const fingerprint = renderInputsFingerprint(root);
  const fingerprintFile = join(root, FINGERPRINT);
  const previous = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8') : '';
  if (previous === fingerprint) return false;
  rmSync(join(root, DATA_STORE), { force: true });
  mkdirSync(join(root, 'node_modules/.astro'), { recursive: true });
  writeFileSync(fingerprintFile, fingerprint);
  return previous !== '';
}
