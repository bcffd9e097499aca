/**
 * A rebuild's index written over the last build's (search-index.ts, `writeOverlay`), with real Pagefind indexes in a
 * temporary folder: the overlay with its vocabulary records, and the index written whole when an id would name two
 * records. The search results themselves are compared in the browser (tests/browser/search-overlay.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../../helpers/temporary.ts';
import { fragmentIds, readFragment } from '../../../src/lib/pagefind-files.ts';
import type { SearchIndexBase } from '../../../src/lib/search-index-base.ts';
import { SHARD_CHARACTERS, SHARD_MANIFEST, writeSearchIndex, type DocumentRecords, type ShardManifest } from '../../../src/lib/search-index.ts';
import { vocabularyRecord, VOCABULARY_URLS } from '../../../src/lib/search-index-vocabulary.ts';
import type { SearchRecord } from '../../../src/lib/search-records.ts';

const temporary = temporaryFolders('dispatch-overlay-unit-');

const record = (slug: string, content: string, speaker = 'Wang Yi'): SearchRecord => ({
  url: `/documents/${slug}/#p1`,
  content,
  language: 'en',
  meta: { title: slug, kind: 'statement' },
  filters: { speaker: [speaker], kind: ['statement'] },
});

const BEFORE: DocumentRecords[] = [
  [record('summit', 'The ministers met at the anchorages of the north')],
  [record('talks', 'Talks in Moscow on trade', 'Sergey Lavrov')],
  [record('removed', 'A statement on quokkas')],
];
/** The talks edited, the removed document gone. */
const AFTER: DocumentRecords[] = [BEFORE[0]!, [record('talks', 'Talks in Beijing on trade', 'Sergey Lavrov')]];
const LIMITS = { contentShare: 1, records: 250 };

/** A whole index of `before` as the base, and `after` written over it. */
async function rebuildOver(before: readonly DocumentRecords[], after: readonly DocumentRecords[], { shardCharacters = SHARD_CHARACTERS, alterBase = (base: SearchIndexBase) => base } = {}) {
  const baseDir = temporary();
  const outDir = temporary();
  const { base } = await writeSearchIndex(before, baseDir, { shardCharacters, incremental: { key: 'k', base: undefined, dir: '' } });
  const report = await writeSearchIndex(after, outDir, { shardCharacters, incremental: { key: 'k', base: alterBase(base!), dir: baseDir, limits: LIMITS } });
  return { report, outDir };
}

describe('vocabularyRecord', () => {
  it('holds each word of the content and the metadata once, split at spaces only', () => {
    const vocabulary = vocabularyRecord('/v/', [record('a', 'one two  one\nthree'), record('b', 'two U.S.-China')]);
    expect(vocabulary.content.split(' ').sort()).toEqual(['U.S.-China', 'a', 'b', 'one', 'statement', 'three', 'two']);
    expect(vocabulary.filters).toEqual({});
  });
});

describe('writeSearchIndex over a base', () => {
  it('indexes the changed record and the vocabulary records into the overlay, the latter listed as superseded with no filters', async () => {
    const { report, outDir } = await rebuildOver(BEFORE, AFTER);
    expect(report.overlay).toEqual({ reused: 1, changed: 1, superseded: 2 });
    const manifest = JSON.parse(readFileSync(join(outDir, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.merge).toEqual(['/pagefind-changes/']);
    const ids = fragmentIds(join(outDir, 'pagefind-changes'));
    expect([...ids.keys()].sort()).toEqual(['/documents/talks/#p1', VOCABULARY_URLS.kept, VOCABULARY_URLS.superseded]);
    expect(Object.values(VOCABULARY_URLS).map((url) => manifest.superseded?.[ids.get(url)!])).toEqual([{}, {}]);
    expect(Object.values(manifest.superseded ?? {})).toContainEqual({ speaker: ['Wang Yi'], kind: ['statement'] });
    // The kept record's words ("anchorages") and the superseded ones' ("quokkas", "Moscow"): the overlay holds the base's words.
    const words = (url: string) => readFragment(join(outDir, 'pagefind-changes', 'fragment', `${ids.get(url)}.pf_fragment`)).content.split(' ');
    expect(words(VOCABULARY_URLS.kept)).toContain('anchorages');
    expect(words(VOCABULARY_URLS.kept)).not.toContain('quokkas');
    expect(words(VOCABULARY_URLS.superseded)).toEqual(expect.arrayContaining(['quokkas', 'Moscow', 'removed']));
  }, 60_000);

  it('writes no overlay when records were only removed', async () => {
    const { report, outDir } = await rebuildOver(BEFORE, BEFORE.slice(0, 2));
    expect(report.overlay).toEqual({ reused: 2, changed: 0, superseded: 1 });
    const manifest = JSON.parse(readFileSync(join(outDir, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.merge).toEqual([]);
    expect(Object.keys(manifest.superseded ?? {})).toHaveLength(1);
  }, 60_000);

  it('writes the index whole when a superseded record’s id is another record’s in another shard', async () => {
    // One document per shard. Pagefind's ids are seven hex digits of a hash: a clash is made here, not waited for.
    const { report } = await rebuildOver(BEFORE, AFTER, {
      shardCharacters: 10,
      alterBase: (base) => {
        const records = structuredClone(base.records);
        records['/documents/summit/#p1']!.id = records['/documents/talks/#p1']!.id;
        return { ...base, records };
      },
    });
    expect(report.overlay).toBeUndefined();
    expect(report.wholeReason).toBe('the id of superseded /documents/talks/#p1 is also another record’s in the last build’s index');
    expect(report.shards).toBe(2);
  }, 60_000);
});
