/**
 * The search index written in a worker thread (src/lib/search-index-thread.ts),
 * as `npm run build` starts it: the same index as in the calling thread, and a
 * thread a failed build can stop without waiting for it. Reads the annotation
 * cache the build has filled (`npm test` builds first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../src/lib/corpus.ts';
import { startSearchIndexThread } from '../../../src/lib/search-index-thread.ts';
import { ROOT } from '../../helpers/paths.ts';

const folders: string[] = [];
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'search-thread-'));
  folders.push(path);
  return path;
};
afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

describe('startSearchIndexThread', () => {
  it('writes the index of every record and reports it', async () => {
    const out = folder();
    const report = await startSearchIndexThread(readCorpus(resolve(ROOT)), out).report;
    // The five documents: one record each, and one per speaker in each (the build prints the same 29).
    expect(report).toMatchObject({ records: 29, shards: 1 });
    expect(report.bytes).toBeGreaterThan(100_000);
    expect(JSON.parse(readFileSync(join(out, 'pagefind/shards.json'), 'utf8'))).toEqual({ merge: [] });
    expect(existsSync(join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
  }, 60_000);

  it('stops when asked, and its report then rejects instead of hanging', async () => {
    const thread = startSearchIndexThread(readCorpus(resolve(ROOT)), folder());
    await thread.stop();
    await expect(thread.report).rejects.toThrow(/stopped .* before it finished/u);
  }, 60_000);
});
