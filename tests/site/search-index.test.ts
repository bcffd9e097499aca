/**
 * The search index in dist/: one record per speaker in a document plus one per
 * document, passages whose word offsets match Pagefind's own numbering, and
 * a record per document made of its title, masthead, narration and notes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';

const statements = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')).statements as { url: string; document: string; speakers: string[]; kind: string; text: string }[];
const documents = JSON.parse(readFileSync(join(DIST, 'data/documents.json'), 'utf8')).documents as { slug: string; title: string; date: string; outlet: string }[];
const speakers = JSON.parse(readFileSync(join(DIST, 'data/speakers.json'), 'utf8')).speakers as { id: string; name: string }[];

describe('the Pagefind index', () => {
  const fragments = readdirSync(join(DIST, 'pagefind/fragment')).map(
    // A Pagefind fragment: gzip, a 12-byte signature, then JSON.
    (file) => JSON.parse(gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', file))).subarray(12).toString('utf8')) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> },
  );
  const passageRecords = fragments.filter((fragment) => fragment.meta['kind'] !== 'document');

  it('holds a record for every speaker in a document, of each kind, and one for every document', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en']);
    const groups = new Set(statements.map((statement) => `${statement.document}|${statement.speakers.join(',')}|${statement.kind}`));
    expect(groups.size).toBeLessThan(statements.length);
    expect(entry.languages.en.page_count).toBe(groups.size + documents.length);
    expect(passageRecords).toHaveLength(groups.size);
  });

  it('holds every statement once, and its passage offsets point at its own words in Pagefind’s numbering', () => {
    const byUrl = new Map(statements.map((statement) => [statement.url, statement]));
    const seen: string[] = [];
    for (const record of passageRecords) {
      const words = record.content.split(' ');
      const spans = record.meta['passages']!.split(' ').map((entry) => entry.split('@') as [string, string]);
      spans.forEach(([anchor, start], index) => {
        const url = `${record.url.split('#')[0]}#${anchor}`;
        const statement = byUrl.get(url);
        expect(statement, url).toBeDefined();
        seen.push(url);
        const end = index + 1 < spans.length ? Number(spans[index + 1]![1]) : words.length;
        expect(words.slice(Number(start), end).join(' ')).toBe(statement!.text.trim().split(/\s+/u).join(' '));
      });
    }
    expect(seen.sort()).toEqual(statements.map((statement) => statement.url).sort());
  });

  it('ships only what the search page loads (no unused Pagefind UI bundles)', () => {
    const files = readdirSync(join(DIST, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((file) => /ui\.(js|css)$|highlight/u.test(file))).toEqual([]);
  });

  it('gives each document a record of its own: its title, masthead, narration and notes, with its filters, and none of its statements', () => {
    const documentRecords = fragments.filter((fragment) => fragment.meta['kind'] === 'document');
    expect(documentRecords.map((record) => record.url).sort()).toEqual(documents.map((document) => `/documents/${document.slug}/`).sort());
    for (const document of documents) {
      const record = documentRecords.find((candidate) => candidate.url === `/documents/${document.slug}/`)! as (typeof documentRecords)[number] & { filters: Record<string, string[]> };
      const outlet = speakers.find((speaker) => speaker.id === document.outlet)!.name;
      expect(record.content.startsWith(document.title)).toBe(true);
      expect(record.meta).toMatchObject({ title: document.title, outlet, date: document.date });
      expect(record.filters).toEqual({ outlet: [outlet], year: [document.date.slice(0, 4)], kind: ['document'], document: [document.title] });
      // Statements are records of their own: none of a statement's words appear as a whole in its document's record.
      for (const statement of statements.filter((candidate) => candidate.document === document.slug && candidate.text.length > 40)) {
        expect(record.content, statement.url).not.toContain(statement.text.replace(/\s+/gu, ' ').trim());
      }
    }
    const phoneCall = documentRecords.find((record) => record.url.includes('phone-call'))!;
    expect(phoneCall.content).toContain('had a phone conversation with Russian Foreign Minister Sergey Lavrov');
    const memri = documentRecords.find((record) => record.url.includes('memri'))!;
    // A note, and the masthead line above the text.
    expect(memri.content).toContain('See MEMRI Inquiry and Analysis No. 1536');
    expect(memri.content).toContain('Special Dispatch No. 9252');
    // What the page adds around the text is not in it.
    expect(memri.content).not.toMatch(/Cite this document|Printed from|Link to this statement/u);
  });

  it('offers a search form on every page that works as a plain GET form', () => {
    const pages = ['index.html', 'speakers/index.html', 'timeline/index.html', `documents/${documents[0]!.slug}/index.html`];
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html).toMatch(/<form class="site-search" action="\/search\/" method="get" role="search"/u);
      expect(html).toMatch(/<input id="site-search" type="search" name="q"/u);
    }
    expect(existsSync(join(DIST, 'search/index.html'))).toBe(true);
  });

  it('lists every speaker with statements as a facet on the search page, with its count', () => {
    const html = readFileSync(join(DIST, 'search/index.html'), 'utf8');
    expect(html).toMatch(/<input type="checkbox" name="speaker" value="Wang Yi"\s*\/?>/u);
    expect(html).toMatch(/value="Sergey Lavrov"/u);
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/u)?.[1] ?? '';
    expect(noscript).toContain('href="/speakers/"');
    expect(noscript).toContain('href="/"');
  });
});
