/**
 * The reader features as built into dist/: citation downloads parsed by real
 * parsers, feeds, JSON-LD, citation meta tags, the sitemap, social meta,
 * previous/next, and the 404 page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES } from '../../src/lib/feeds.ts';
import type { Element, Root } from 'hast';
import { byTag, findAll, findOne, hasClass, parseHtml } from '../helpers/html.ts';
import { DIST } from '../helpers/paths.ts';

const SITE = 'https://dispatch-reader.example.org';
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const documents = JSON.parse(read('data/documents.json')).documents as { slug: string; title: string; date: string; statements: number; kind: string }[];
const statements = JSON.parse(read('data/statements.json')).statements as { id: string; document: string; speakers: string[]; url: string }[];
const documentDate = new Map(documents.map((document) => [document.slug, document.date]));
const speakers = JSON.parse(read('data/speakers.json')).speakers as { id: string; name: string; kind: string; statements: number }[];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url', 'author'].includes(name) });
const decode = (text: string) => text.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
const meta = (html: string, name: string) => decode(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`, 'u').exec(html)?.[1] ?? '');
const jsonLdBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/gu)].map((match) => ({ at: match.index, data: JSON.parse(match[1]!) }));
const jsonLd = (html: string) => jsonLdBlocks(html)[0]!.data;

describe('citation downloads', () => {
  it.each(documents.map((document) => [document.slug, document]))('%s.bib parses: the document, then each statement', (slug, document) => {
    const library = parseBibtex(read(`cite/${slug}.bib`), { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1 + document.statements);
    expect(library.entries[0]!.key).toBe(slug);
    expect(library.entries[0]!.fields['title']).toBe(document.title);
    const keys = library.entries.slice(1).map((entry) => entry.key);
    expect(keys).toEqual(statements.filter((statement) => statement.document === slug).map((statement) => statement.id.replace('/', ':')));
  });

  it.each(documents.map((document) => [document.slug, document]))('%s.ris is one record per item, TY first and ER last', (slug, document) => {
    const records = read(`cite/${slug}.ris`).split(/\r?\nER {2}- ?\r?\n?/u).filter((record) => record.trim() !== '');
    expect(records).toHaveLength(1 + document.statements);
    for (const record of records) {
      const lines = record.split(/\r?\n/u).filter(Boolean);
      expect(lines[0]).toMatch(/^TY {2}- [A-Z]+$/u);
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /u);
    }
    expect(records[0]).toContain(`TI  - ${document.title}`);
  });

  it.each(documents.map((document) => [document.slug, document]))('%s.json is CSL-JSON with the document and its statements', (slug, document) => {
    const items = JSON.parse(read(`cite/${slug}.json`)) as { id: string; type: string; title: string; issued: { 'date-parts': number[][] }; URL: string }[];
    expect(items).toHaveLength(1 + document.statements);
    expect(items[0]!.title).toBe(document.title);
    expect(items[0]!.issued['date-parts'][0]![0]).toBe(Number(document.date.slice(0, 4)));
    expect(items.slice(1).map((item) => item.URL)).toEqual(statements.filter((statement) => statement.document === slug).map((statement) => `${SITE}${statement.url}`));
  });
});

describe('feeds', () => {
  it('the documents feed is valid Atom, newest first, linked from every page', () => {
    const text = read('feed.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = feed.entry as { id: string; published: string; link: { '@href': string }[] }[];
    expect(entries).toHaveLength(documents.length);
    const dates = entries.map((entry) => entry.published);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(read('index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="Dispatch Reader: documents" href="/feed.xml">');
  });

  it('each speaker with statements has a feed of them, linked from the speaker page', () => {
    for (const speaker of speakers.filter((candidate) => candidate.statements > 0)) {
      const text = read(`speakers/${speaker.id}/feed.xml`);
      expect(XMLValidator.validate(text)).toBe(true);
      const entries = xml.parse(text).feed.entry as { link: { '@href': string }[]; published: string }[];
      // Their newest FEED_ENTRIES: Sergey Lavrov's 58 statements are cut to 50.
      expect(entries).toHaveLength(Math.min(speaker.statements, FEED_ENTRIES));
      const dates = entries.map((entry) => entry.published);
      expect([...dates].sort().reverse()).toEqual(dates);
      const newest = statements.filter((statement) => statement.speakers.includes(speaker.id)).map((statement) => documentDate.get(statement.document)!).sort().reverse();
      expect(dates.map((date) => date.slice(0, 10))).toEqual(newest.slice(0, FEED_ENTRIES));
      for (const entry of entries) expect(entry.link[0]!['@href']).toMatch(new RegExp(`^${SITE}/documents/[^/]+/#p[1-9]\\d*(-\\d+)?$`, 'u'));
      expect(read(`speakers/${speaker.id}/index.html`)).toContain(`href="/speakers/${speaker.id}/feed.xml"`);
    }
  });
});

describe('structured data and meta', () => {
  it.each(documents.map((document) => [document.slug, document]))('%s: JSON-LD with a Quotation per statement, and citation_* tags', (slug, document) => {
    const html = read(`documents/${slug}/index.html`);
    const pageUrl = `${SITE}/documents/${slug}/`;
    const resolve = (id: string) => new URL(id, pageUrl).href;
    const [head, ...blocks] = jsonLdBlocks(html);
    const data = head!.data;
    expect(data['@context']).toBe('https://schema.org');
    expect(['Report', 'NewsArticle', 'BlogPosting']).toContain(data['@type']);
    expect(data['@id']).toBe(pageUrl);
    expect(data.datePublished).toBe(document.date);
    expect(data.publisher['@type']).toBe('Organization');
    // The quotations are in blocks in the body, each naming the document's node, so JSON-LD merges them into it.
    expect(data).not.toHaveProperty('hasPart');
    for (const block of blocks) {
      expect(block.data['@context']).toBe('https://schema.org');
      expect(block.data['@id']).toBe(pageUrl);
    }
    type Quotation = { '@type': string; '@id': string; creator?: { '@id': string }[]; citation?: { '@id': string }[]; isBasedOn: string };
    const quotations = blocks.flatMap((block) => block.data.hasPart as Quotation[]);
    const described = new Map((data.mentions as { '@id': string; name: string }[]).map((speaker) => [resolve(speaker['@id']), speaker.name]));
    const own = statements.filter((statement) => statement.document === slug);
    const urls = new Set(statements.map((statement) => `${SITE}${statement.url}`));
    expect(quotations.map((quotation) => resolve(quotation['@id']))).toEqual(own.map((statement) => `${SITE}${statement.url}`));
    // The same ids read at the URL a search result links to (a query, `?hl=`): the page's own ids do not move.
    expect(quotations.map((quotation) => new URL(quotation['@id'], `${pageUrl}?hl=word`).href)).toEqual(own.map((statement) => `${SITE}${statement.url}`));
    quotations.forEach((quotation, index) => {
      expect(quotation['@type']).toBe('Quotation');
      expect(quotation.isBasedOn).toBe(pageUrl);
      const creators = (quotation.creator ?? []).map((creator) => resolve(creator['@id']));
      expect(creators).toEqual(own[index]!.speakers.map((id) => `${SITE}/speakers/${id}/#speaker`));
      expect(creators.map((creator) => described.get(creator))).toEqual(own[index]!.speakers.map((id) => speakers.find((speaker) => speaker.id === id)!.name));
      for (const cited of quotation.citation ?? []) expect(urls).toContain(resolve(cited['@id']));
    });
    // Each block follows the block element (paragraph, list item, heading) that holds its last statement, with only
    // related lists and other blocks between; none is inside a statement, whose text the Cite button and previews read.
    const tree = parseHtml(html);
    const parents = new Map<Element, Element | Root>();
    const link = (node: Element | Root) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        parents.set(child, node);
        link(child);
      }
    };
    link(tree);
    const bodyBlocks = findAll(findOne(tree, byTag('body'))!, (element) => element.tagName === 'script' && element.properties['type'] === 'application/ld+json');
    expect(bodyBlocks).toHaveLength(blocks.length);
    let first = 0;
    for (const [index, script] of bodyBlocks.entries()) {
      for (let up = parents.get(script); up && up.type === 'element'; up = parents.get(up)) expect(hasClass(up, 'statement')).toBe(false);
      const last = own[first + (blocks[index]!.data.hasPart as Quotation[]).length - 1]!.url.split('#')[1]!;
      const siblings: Element[] = [];
      for (const child of parents.get(script)!.children) if (child.type === 'element') siblings.push(child);
      const before = siblings.slice(0, siblings.indexOf(script)).reverse().find((sibling) => !(sibling.tagName === 'script' || hasClass(sibling, 'related')));
      expect(before && (before.properties['id'] === last || findOne(before, (element) => element.properties['id'] === last))).toBeTruthy();
      first += (blocks[index]!.data.hasPart as Quotation[]).length;
    }
    expect(meta(html, 'citation_title')).toBe(document.title);
    expect(meta(html, 'citation_publication_date')).toBe(document.date.replaceAll('-', '/'));
    expect(meta(html, 'citation_public_url')).toBe(`${SITE}/documents/${slug}/`);
  });

  it('speaker pages describe a Person or an Organization', () => {
    expect(jsonLd(read('speakers/wang-yi/index.html'))['@type']).toBe('Person');
    expect(jsonLd(read('speakers/china-mfa/index.html'))['@type']).toBe('Organization');
    expect(jsonLd(read('speakers/wang-yi/index.html')).name).toBe('Wang Yi');
  });
});

const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'));

describe('every page', () => {
  it('is listed in the sitemap (the 404 page aside), and the sitemap lists nothing else', () => {
    const text = read('sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const listed = (xml.parse(text).urlset.url as { loc: string }[]).map((entry) => entry.loc).sort();
    const expected = pages
      .filter((page) => page !== '404.html')
      .map((page) => `${SITE}/${page.replace(/index\.html$/u, '')}`)
      .sort();
    expect(listed).toEqual(expected);
  });

  it.each(pages)('%s has a canonical URL and Open Graph and Twitter meta', (page) => {
    const html = read(page);
    const path = page === '404.html' ? '/404/' : `/${page.replace(/index\.html$/u, '')}`;
    if (page !== '404.html') expect(html).toContain(`<link rel="canonical" href="${SITE}${path}">`);
    expect(meta(html, 'og:title')).not.toBe('');
    expect(meta(html, 'og:url')).toMatch(new RegExp(`^${SITE}/`, 'u'));
    expect(meta(html, 'twitter:card')).toBe('summary');
  });
});

describe('navigation', () => {
  it('links each document to the older and the newer one by date', () => {
    const byDate = [...documents].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    byDate.forEach((document, index) => {
      const html = read(`documents/${document.slug}/index.html`);
      const previous = /<a href="([^"]+)" rel="prev">/u.exec(html)?.[1];
      const next = /<a href="([^"]+)" rel="next">/u.exec(html)?.[1];
      expect(previous).toBe(index > 0 ? `/documents/${byDate[index - 1]!.slug}/` : undefined);
      expect(next).toBe(index < byDate.length - 1 ? `/documents/${byDate[index + 1]!.slug}/` : undefined);
    });
  });

  it('the 404 page offers search and the ways in', () => {
    const html = read('404.html');
    expect(html).toMatch(/<form[^>]*action="\/search\/"[^>]*role="search"/u);
    expect(html).toContain('href="/speakers/"');
  });

  it('the Data page links every dataset file and every source as received', () => {
    const html = read('data/index.html');
    for (const file of ['statements', 'documents', 'speakers', 'relations']) expect(html).toContain(`href="/data/${file}.json"`);
    expect(html.match(/href="\/sources\/[^"]+\.txt"/gu)).toHaveLength(documents.length);
  });
});
