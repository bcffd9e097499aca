/**
 * A corpus past the five documents (60 synthetic documents, as the benchmark
 * makes them): the lists that grow with the corpus are cut into pages, every
 * item still on exactly one of them, and the feeds carry the newest entries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/bench/synthetic-corpus.ts';
import { FEED_ENTRIES } from '../../src/lib/feeds.ts';
import { DOCUMENT_PAGE_SIZE, SPEAKER_PAGE_SIZE } from '../../src/lib/pagination.ts';
import { TIMELINE_INLINE } from '../../src/lib/timeline.ts';
import { byTag, findAll, hasClass, parseHtml, sourceText } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const SIZE = 60;
let project: ProjectCopy;
let build: { status: number | null; output: string };

const file = (path: string) => join(project.root, 'dist', path, /\.(xml|json)$/u.test(path) ? '' : 'index.html');
const page = (path: string) => parseHtml(readFileSync(file(path), 'utf8'));
const links = (path: string) => findAll(page(path), byTag('a')).map((link) => String(link.properties['href']));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url'].includes(name) });

beforeAll(() => {
  project = copyProject();
  for (const folder of ['content/documents', 'content/sources']) rmSync(join(project.root, folder), { recursive: true, force: true });
  writeSyntheticCorpus({ size: SIZE, from: ROOT, to: project.root, seed: 7 });
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  build = { status: result.status, output: `${result.stdout}${result.stderr}` };
}, 240_000);
afterAll(() => project?.remove());

describe(`a corpus of ${SIZE} documents`, () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it('lists the documents on the home page in pages, newest first, each document once', () => {
    const first = findAll(page('/'), (element) => hasClass(element, 'document-list'))[0]!;
    const second = findAll(page('/page/2/'), (element) => hasClass(element, 'document-list'))[0]!;
    const hrefs = [first, second].flatMap((list) => findAll(list, byTag('h2')).flatMap((heading) => findAll(heading, byTag('a')).map((link) => String(link.properties['href']))));
    expect(findAll(first, byTag('h2'))).toHaveLength(DOCUMENT_PAGE_SIZE);
    expect(new Set(hrefs).size).toBe(SIZE);
    expect(existsSync(file('/page/3/'))).toBe(false);
    const pagerLink = (path: string, rel: string) =>
      findAll(page(path), (element) => element.tagName === 'nav' && hasClass(element, 'pager'))
        .flatMap((nav) => findAll(nav, byTag('a')))
        .filter((link) => String(link.properties['rel']) === rel)
        .map((link) => String(link.properties['href']));
    expect(pagerLink('/', 'next')).toEqual(['/page/2/']);
    expect(pagerLink('/page/2/', 'prev')).toEqual(['/']);
    expect(pagerLink('/page/2/', 'next')).toEqual([]);
  });

  it('cuts a speaker’s statements into pages of the page size, all of them there once, linked in order', () => {
    const dataset = JSON.parse(readFileSync(file('/data/statements.json'), 'utf8')) as { statements: { url: string; speakers: string[] }[] };
    const lavrov = dataset.statements.filter((statement) => statement.speakers.includes('sergey-lavrov')).map((statement) => statement.url);
    const pages = Math.ceil(lavrov.length / SPEAKER_PAGE_SIZE);
    expect(pages).toBeGreaterThan(2);
    const seen: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const path = number === 1 ? '/speakers/sergey-lavrov/' : `/speakers/sergey-lavrov/${number}/`;
      const quotes = findAll(page(path), byTag('blockquote')).map((quote) => String(quote.properties['cite']));
      expect(quotes.length).toBeLessThanOrEqual(SPEAKER_PAGE_SIZE);
      seen.push(...quotes);
      if (number < pages) expect(links(path)).toContain(`/speakers/sergey-lavrov/${number + 1}/`);
    }
    expect(seen.sort()).toEqual([...lavrov].sort());
    expect(existsSync(file(`/speakers/sergey-lavrov/${pages + 1}/`))).toBe(false);
  });

  it('feeds the newest entries only', () => {
    const speakerFeed = xml.parse(readFileSync(file('/speakers/sergey-lavrov/feed.xml'), 'utf8')).feed.entry as unknown[];
    const documentsFeed = xml.parse(readFileSync(file('/feed.xml'), 'utf8')).feed.entry as { published: string }[];
    expect(speakerFeed).toHaveLength(FEED_ENTRIES);
    expect(documentsFeed).toHaveLength(FEED_ENTRIES);
    const dates = documentsFeed.map((entry) => entry.published);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('lists at most the inline share of an entry on the timeline, and all of it on the entry’s own page', () => {
    const timeline = page('/timeline/');
    const entries = findAll(timeline, (element) => element.tagName === 'li' && typeof element.properties['id'] === 'string');
    const cut = entries.filter((entry) => findAll(entry, byTag('a')).some((link) => String(link.properties['href']) === `/timeline/${String(entry.properties['id'])}/`));
    expect(cut.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const mentions = findAll(entry, (element) => hasClass(element, 'mentions')).flatMap((list) => findAll(list, byTag('li')));
      expect(mentions.length).toBeLessThanOrEqual(TIMELINE_INLINE);
    }
    for (const entry of cut) {
      const key = String(entry.properties['id']);
      const summary = findAll(entry, byTag('summary')).map((element) => sourceText(element)).join(' ');
      const total = Number(/Mentioned in (\d+) passage/u.exec(summary)?.[1] ?? 0);
      const own = findAll(page(`/timeline/${key}/`), (element) => hasClass(element, 'mentions')).flatMap((list) => findAll(list, byTag('li')));
      expect(own.length, key).toBe(total);
      expect(links(`/timeline/${key}/`)).toContain(`/timeline/#${key}`);
    }
  });

  it('lists every page in the sitemap', () => {
    const sitemap = (xml.parse(readFileSync(file('/sitemap.xml'), 'utf8')).urlset.url as { loc: string }[]).map((entry) => new URL(entry.loc).pathname);
    for (const path of ['/page/2/', '/speakers/sergey-lavrov/2/', '/timeline/']) expect(sitemap).toContain(path);
    expect(sitemap.filter((path) => /^\/timeline\/.+\//u.test(path)).length).toBeGreaterThan(0);
  });
});
