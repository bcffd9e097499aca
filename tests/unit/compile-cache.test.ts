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
  it('is on in the process and in the worker threads it starts', () => {
    const result = run({ NODE_COMPILE_CACHE: cacheDir });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.startsWith(cacheDir)).toBe(true);
  });

  it('is turned on without NODE_COMPILE_CACHE too, and handed to the worker through it', () => {
    const result = run({});
    expect(result.status).toBe(0);
    const [main, worker] = result.stdout.trim().split('\n');
    expect(main).not.toBe('undefined');
    expect(worker).toBe(main);
  });

  it('is no error where it cannot be used: the program runs without it', () => {
    const result = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['undefined', 'undefined']);
  });
});
