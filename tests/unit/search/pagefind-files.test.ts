/**
 * Reading Pagefind's fragments (pagefind-files.ts): `fragmentIds` takes each record's URL from the head of its file
 * only, and must give what reading the whole fragment gives, for fragments Pagefind wrote and for the layouts where
 * the head is not enough (a URL longer than it, `url` not first).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../../helpers/temporary.ts';
import { fragmentIds, readFragment } from '../../../src/lib/pagefind-files.ts';
import { writeSearchIndex } from '../../../src/lib/search-index.ts';
import type { SearchRecord } from '../../../src/lib/search-records.ts';

const temporary = temporaryFolders('dispatch-fragments-unit-');

/** Words that do not repeat, so that gzip's first kilobyte ends long before the fragment does. */
const noise = (seed: number, words: number) => Array.from({ length: words }, (_, index) => ((seed + index) * 2654435761 % 4294967296).toString(36)).join(' ');

/** A fragment file as Pagefind lays it out: gzip of a 12-byte signature and the JSON. */
function writeFragment(folder: string, id: string, json: string): void {
  mkdirSync(join(folder, 'fragment'), { recursive: true });
  writeFileSync(join(folder, 'fragment', `${id}.pf_fragment`), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd', 'latin1'), Buffer.from(json, 'utf8')])));
}

describe('fragmentIds', () => {
  it('gives every record of an index Pagefind wrote the id its whole fragment gives', async () => {
    const outDir = temporary();
    const records: SearchRecord[] = Array.from({ length: 40 }, (_, index) => ({
      url: `/documents/doc-${index}/#s-${index}-“quoted”-${'x'.repeat(index * 7)}`,
      content: noise(index, 400),
      language: 'en',
      meta: { title: `Document ${index}` },
      filters: { speaker: ['Wang Yi'] },
    }));
    await writeSearchIndex([records], outDir);
    const ids = fragmentIds(join(outDir, 'pagefind'));
    expect(ids.size).toBe(40);
    for (const [url, id] of ids) expect(readFragment(join(outDir, 'pagefind', 'fragment', `${id}.pf_fragment`)).url).toBe(url);
    expect([...ids.keys()].sort()).toEqual(records.map((record) => record.url).sort());
  });

  it('reads the whole fragment when the URL runs past the head, or is not the first field', () => {
    const folder = temporary();
    const long = `/documents/long/#${'a'.repeat(3000)}`;
    const escaped = '/documents/escaped/#say-\\"no\\"';
    writeFragment(folder, 'en_long', JSON.stringify({ url: long, content: noise(1, 2000), filters: {}, meta: {} }));
    writeFragment(folder, 'en_late', JSON.stringify({ content: noise(2, 2000), url: '/documents/late/', filters: {}, meta: {} }));
    writeFragment(folder, 'en_quote', `{"url":"${escaped}","content":"${noise(3, 2000)}","filters":{},"meta":{}}`);
    writeFragment(folder, 'en_short', JSON.stringify({ url: '/documents/short/', content: 'a few words', filters: {}, meta: {} }));
    expect(Object.fromEntries(fragmentIds(folder))).toEqual({
      [long]: 'en_long',
      '/documents/late/': 'en_late',
      '/documents/escaped/#say-"no"': 'en_quote',
      '/documents/short/': 'en_short',
    });
  });

  it('refuses a file that is not a Pagefind fragment', () => {
    const folder = temporary();
    mkdirSync(join(folder, 'fragment'), { recursive: true });
    writeFileSync(join(folder, 'fragment', 'en_bad.pf_fragment'), gzipSync(Buffer.from('{"url":"/x/"}')));
    expect(() => fragmentIds(folder)).toThrow(/is not a Pagefind fragment/u);
  });
});
