/** Speaker pages and the timeline, read from dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEAKER_PAGE_SIZE } from '../../src/lib/pagination.ts';
import { readContent } from '../../src/lib/read-content.ts';
import { byTag, findAll, hasClass, readPage, sourceText } from '../helpers/html.ts';
import { DIST, ROOT } from '../helpers/paths.ts';

const { speakers } = readContent(ROOT);
const dataset = JSON.parse(readFileSync(join(DIST, 'data/statements.json'), 'utf8')) as { statements: { id: string; url: string; speakers: string[]; document: string }[] };
const documentDates = new Map(
  (JSON.parse(readFileSync(join(DIST, 'data/documents.json'), 'utf8')) as { documents: { slug: string; date: string }[] }).documents.map((document) => [document.slug, document.date]),
);

describe('speaker pages', () => {
  it('the index links to a page for every registry entry', () => {
    const links = findAll(readPage('/speakers/'), byTag('a')).map((link) => String(link.properties['href']));
    for (const speaker of speakers) expect(links).toContain(`/speakers/${speaker.id}/`);
  });

  it.each(['sergey-lavrov', 'wang-yi', 'hua-chunying', 'cctv', 'unidentified-questioner'])('%s: every statement attributed to them, newest first, each linking to its passage', (id) => {
    const expected = dataset.statements.filter((statement) => statement.speakers.includes(id));
    // Pages of SPEAKER_PAGE_SIZE: /speakers/<id>/, then /speakers/<id>/2/, … each linking to the next.
    const pages = Math.max(1, Math.ceil(expected.length / SPEAKER_PAGE_SIZE));
    const hrefs: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const path = number === 1 ? `/speakers/${id}/` : `/speakers/${id}/${number}/`;
      const page = readPage(path);
      const items = findAll(page, (element) => element.tagName === 'li' && findAll(element, byTag('blockquote')).length > 0);
      expect(items.length, path).toBe(number < pages ? SPEAKER_PAGE_SIZE : expected.length - (pages - 1) * SPEAKER_PAGE_SIZE);
      hrefs.push(...items.map((item) => String(findAll(item, byTag('blockquote'))[0]!.properties['cite'])));
      const pager = findAll(page, (element) => element.tagName === 'nav' && hasClass(element, 'pager'));
      const links = pager.flatMap((nav) => findAll(nav, byTag('a')).map((link) => String(link.properties['href'])));
      if (pages === 1) expect(pager).toEqual([]);
      if (number > 1) expect(links).toContain(number === 2 ? `/speakers/${id}/` : `/speakers/${id}/${number - 1}/`);
      if (number < pages) expect(links).toContain(`/speakers/${id}/${number + 1}/`);
    }
    expect(hrefs).toHaveLength(expected.length);
    expect(new Set(hrefs)).toEqual(new Set(expected.map((statement) => statement.url)));
    const dates = hrefs.map((href) => documentDates.get(href.split('/')[2]!)!);
    expect([...dates].sort().reverse()).toEqual(dates);
    // No page past the last.
    expect(existsSync(join(DIST, 'speakers', id, String(pages + 1)))).toBe(false);
  });

  it('splits a speaker with more statements than a page holds (Sergey Lavrov, 58 in the five documents)', () => {
    const lavrov = dataset.statements.filter((statement) => statement.speakers.includes('sergey-lavrov')).length;
    expect(lavrov).toBeGreaterThan(SPEAKER_PAGE_SIZE);
    const second = sourceText(readPage('/speakers/sergey-lavrov/2/')).replace(/\s+/g, ' ');
    expect(second).toContain(`Statements (${lavrov})`);
    expect(second).toContain(`${SPEAKER_PAGE_SIZE + 1}–${lavrov} of ${lavrov}, newest first.`);
    expect(second).toContain('Page 2 of 2');
  });

  it('shows roles with their dates', () => {
    const text = sourceText(readPage('/speakers/wang-yi/')).replace(/\s+/g, ' ');
    expect(text).toContain('State Councilor and Foreign Minister (March 19, 2018 – December 30, 2022)');
    expect(text).toContain('Member of the Political Bureau of the CPC Central Committee and Foreign Minister (since July 25, 2023)');
  });

  it('statement labels on document pages link to the speaker pages', () => {
    const page = readPage('/documents/2023-09-19-mfa-wang-yi-meets-lavrov/');
    const labels = findAll(page, (element) => hasClass(element, 'speaker-label'));
    const hrefs = labels.flatMap((label) => findAll(label, byTag('a')).map((link) => link.properties['href']));
    expect(hrefs).toEqual(expect.arrayContaining(['/speakers/wang-yi/', '/speakers/sergey-lavrov/']));
  });
});

describe('the timeline', () => {
  const page = readPage('/timeline/');
  const entries = findAll(page, (element) => element.tagName === 'li' && typeof element.properties['id'] === 'string');
  const startOf = (datetime: string) => (datetime.length === 4 ? `${datetime}-01-01` : datetime.length === 7 ? `${datetime}-01` : datetime);

  it('is in chronological order, each entry a <time datetime>', () => {
    const datetimes = entries.map((entry) => String(findAll(entry, byTag('time'))[0]!.properties['dateTime']));
    expect(datetimes.length).toBeGreaterThan(10);
    expect([...datetimes].sort((a, b) => startOf(a).localeCompare(startOf(b)))).toEqual(datetimes);
  });

  it.each([
    ['treaty-good-neighborliness-2001', '2001-07-16'],
    ['wang-yi-visit-russia-2020', '2020-09'],
    ['phone-call-2021-02-04', '2021-02-04'],
    ['anchorage-talks-2021', '2021-03-18'],
    ['guilin-talks-2021', '2021-03-22'],
    ['moscow-meeting-2023', '2023-09-18'],
  ])('has %s on %s, with links to the passages that mention it', (key, datetime) => {
    const entry = entries.find((element) => element.properties['id'] === key);
    expect(entry).toBeDefined();
    expect(findAll(entry!, byTag('time'))[0]!.properties['dateTime']).toBe(datetime);
    const links = findAll(entry!, byTag('a')).map((link) => String(link.properties['href']));
    expect(links.some((href) => href.startsWith('/documents/'))).toBe(true);
  });

  it('lists every document on its publication date', () => {
    const links = findAll(page, byTag('a')).map((link) => String(link.properties['href']));
    for (const slug of documentDates.keys()) expect(links).toContain(`/documents/${slug}/`);
  });
});
