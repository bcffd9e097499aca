/**
 * The compile cache `npm run build` preloads (scripts/compile-cache.ts): on in the build's process and in the worker
 * threads it starts (the annotation workers load the whole pipeline), and never a reason to fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'dispatch-compile-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// Prints the cache folder of the process, then of a worker thread it starts.
const PROGRAM = `
const { getCompileCacheDir } = require('node:module');
const { Worker } = require('node:worker_threads');
console.log(String(getCompileCacheDir()));
new Worker("console.log(String(require('node:module').getCompileCacheDir()))", { eval: true });
`;

function run(env: Record<string, string | undefined>) {
  const { NODE_COMPILE_CACHE: _unset, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', './scripts/compile-cache.ts', '-e', PROGRAM], { cwd: ROOT, encoding: 'utf8', env: { ...inherited, ...env } });
}

describe('the build’s compile cache', () => {
  it('is turned on in the process, in the system’s temporary folder, and handed to its worker threads', () => {
    // No NODE_COMPILE_CACHE given: only the preloaded module can turn the cache on, and only the variable it sets
    // can reach the worker. TMPDIR keeps the cache in this test's folder.
    const result = run({ TMPDIR: cacheDir });
    expect(result.status).toBe(0);
    const [main, worker] = result.stdout.trim().split('\n');
    expect(main!.startsWith(join(cacheDir, 'node-compile-cache'))).toBe(true);
    expect(worker).toBe(main);
  });

  it('keeps a folder given in NODE_COMPILE_CACHE', () => {
    const given = join(cacheDir, 'given');
    const result = run({ NODE_COMPILE_CACHE: given, TMPDIR: cacheDir });
    expect(result.status).toBe(0);
    for (const line of result.stdout.trim().split('\n')) expect(line.startsWith(given)).toBe(true);
  });

  it('is no error where it cannot be used: the program runs without it', () => {
    const result = run({ NODE_DISABLE_COMPILE_CACHE: '1', TMPDIR: cacheDir });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['undefined', 'undefined']);
  });
});
