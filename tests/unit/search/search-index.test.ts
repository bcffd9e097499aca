import { describe, expect, it } from 'vitest';
import { planShards, shardFolder, SHARD_CHARACTERS } from '../../../src/lib/search-index.ts';
import type { SearchRecord } from '../../../src/lib/search-records.ts';

const record = (url: string, characters: number): SearchRecord => ({ url, content: 'x'.repeat(characters), language: 'en', meta: {}, filters: {} });
/** A document's records: its own, then `passages` passage records of `characters` each. */
const documentRecords = (slug: string, passages: number, characters: number) => [
  record(`/documents/${slug}/`, 10),
  ...Array.from({ length: passages }, (_, index) => record(`/documents/${slug}/#s-${index}`, characters)),
];

describe('planShards', () => {
  it('keeps a corpus under the limit in one shard, as a small site always is', () => {
    const documents = [documentRecords('a', 3, 100), documentRecords('b', 2, 100)];
    expect(planShards(documents, 10_000)).toEqual([[...documents[0]!, ...documents[1]!]]);
    // 1,000 typical documents hold about 9.4 million characters: one shard.
    expect(SHARD_CHARACTERS).toBeGreaterThan(9_400_000);
  });

  it('starts a new shard before the limit would be passed, and never splits a document', () => {
    const documents = ['a', 'b', 'c', 'd', 'e'].map((slug) => documentRecords(slug, 4, 100)); // 410 characters each
    const shards = planShards(documents, 1000);
    expect(shards.map((shard) => shard.length)).toEqual([10, 10, 5]);
    for (const shard of shards) {
      expect(shard.reduce((sum, item) => sum + item.content.length, 0)).toBeLessThanOrEqual(1000);
      // Every shard begins with a document's own record, so no document's records are cut in two.
      expect(shard[0]!.url).toMatch(/^\/documents\/[a-e]\/$/u);
    }
    expect(shards.flat()).toEqual(documents.flat());
  });

  it('gives a document larger than the limit a shard of its own', () => {
    const documents = [documentRecords('small', 1, 100), documentRecords('huge', 10, 500), documentRecords('after', 1, 100)];
    expect(planShards(documents, 1000).map((shard) => shard.map((item) => item.url.split('#')[0]))).toEqual([
      ['/documents/small/', '/documents/small/'],
      Array(11).fill('/documents/huge/'),
      ['/documents/after/', '/documents/after/'],
    ]);
  });

  it('gives an empty corpus one empty shard, so the search page still finds an index', () => {
    expect(planShards([], 1000)).toEqual([[]]);
  });
});

describe('shardFolder', () => {
  it('names the first shard as the bundle and numbers the others from 2', () => {
    expect([0, 1, 2].map((index) => shardFolder('pagefind', index))).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
  });
});
