/**
 * The search index in dist/: one record per statement plus one per document,
 * and document pages that give their own record the same filters.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';

const statements = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')).statements as unknown[];
const documents = JSON.parse(readFileSync(join(DIST, 'data/documents.json'), 'utf8')).documents as { slug: string; title: string; date: string; outlet: string }[];
const speakers = JSON.parse(readFileSync(join(DIST, 'data/speakers.json'), 'utf8')).speakers as { id: string; name: string }[];

describe('the Pagefind index', () => {
  it('holds a record for every statement and every document', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en.page_count).toBe(statements.length + documents.length);
  });

  it('ships only what the search page loads (no unused Pagefind UI bundles)', () => {
    const files = readdirSync(join(DIST, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((file) => /ui\.(js|css)$|highlight/u.test(file))).toEqual([]);
  });

  it('gives each document page the filters of its own record', () => {
    for (const document of documents) {
      const html = readFileSync(join(DIST, 'documents', document.slug, 'index.html'), 'utf8').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
      const outlet = speakers.find((speaker) => speaker.id === document.outlet)!.name;
      expect(html).toContain('data-pagefind-filter="kind:document"');
      expect(html).toContain(`data-pagefind-filter="year:${document.date.slice(0, 4)}"`);
      expect(html).toMatch(new RegExp(`data-pagefind-filter="outlet"[^>]*>${outlet.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}<`, 'u'));
      expect(html).toContain('data-pagefind-filter="document"');
    }
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
