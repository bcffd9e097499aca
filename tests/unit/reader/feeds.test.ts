/**
 * Atom feeds, read back with a real XML parser (fast-xml-parser): well formed,
 * the elements RFC 4287 requires, escaping, RFC 3339 dates and entry order.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_AUTHOR, FEED_ENTRIES, atomFeed, newestForFeed, rfc3339, xmlText, type AtomEntry, type AtomFeed } from '../../../src/lib/feeds.ts';

const SITE = 'https://dispatch-reader.example.org';

const memri: AtomEntry = {
  id: `${SITE}/documents/2021-03-24-memri-special-dispatch-9252/`,
  title: 'Following U.S.-China Meeting, Chinese Foreign Minister Wang Yi Meets With His Russian Counterpart Lavrov In China',
  url: `${SITE}/documents/2021-03-24-memri-special-dispatch-9252/`,
  published: '2021-03-24',
  authorNames: ['MEMRI'],
  summary: 'MEMRI’s dispatch on the Guilin meeting.',
  content: 'The whole text, as printed.',
};

const diplomat: AtomEntry = {
  id: `${SITE}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`,
  title: 'China and Russia Show Solidarity at Meeting of Foreign Ministers',
  url: `${SITE}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`,
  published: '2021-03-23',
  updated: '2021-03-25T08:30:00+03:00',
  authorNames: [],
  summary: 'The Diplomat on the Guilin meeting.',
};

const readout: AtomEntry = {
  id: `${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/`,
  title: 'Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone',
  url: `${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/`,
  published: '2021-02-04',
  authorNames: ["Ministry of Foreign Affairs of the People's Republic of China", 'Wang Yi'],
  summary: 'The Chinese Foreign Ministry’s readout.',
};

const feed: AtomFeed = {
  id: `${SITE}/feed.xml`,
  title: 'Dispatch Reader: documents',
  subtitle: 'Diplomatic statements, annotated',
  selfUrl: `${SITE}/feed.xml`,
  pageUrl: `${SITE}/`,
  updated: '2021-03-24',
  entries: [memri, diplomat, readout],
};

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  isArray: (name) => ['entry', 'author', 'link'].includes(name),
});

/** The feed parsed, after checking it is well-formed XML. */
function parseFeed(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  const document = parser.parse(xml) as { feed: Node };
  expect(document.feed).toBeDefined();
  return document.feed;
}

const text = (node: unknown): string => (node as { '#text': string })['#text'];
const children = (node: Node, name: string): Node[] => (node[name] as Node[] | undefined) ?? [];

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

describe('atomFeed', () => {
  const xml = atomFeed(feed);
  const parsed = parseFeed(xml);
  const entries = children(parsed, 'entry');

  it('is an Atom document: XML declaration, the Atom namespace on <feed>', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(parsed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  });

  it('has the feed-level elements RFC 4287 requires: id, title, updated, an author, and a self link', () => {
    expect(text(parsed['id'])).toBe(`${SITE}/feed.xml`);
    expect(text(parsed['title'])).toBe('Dispatch Reader: documents');
    expect((parsed['title'] as Node)['@type']).toBe('text');
    expect(text(parsed['subtitle'])).toBe('Diplomatic statements, annotated');
    expect(text(parsed['updated'])).toBe('2021-03-24T00:00:00Z');
    expect(children(parsed, 'author').map((author) => text(author['name']))).toEqual([DEFAULT_FEED_AUTHOR]);
    expect(children(parsed, 'link')).toEqual([
      { '#text': '', '@rel': 'self', '@type': 'application/atom+xml', '@href': `${SITE}/feed.xml` },
      { '#text': '', '@rel': 'alternate', '@type': 'text/html', '@href': `${SITE}/` },
    ]);
  });

  it('keeps the entries in the order given', () => {
    expect(entries.map((entry) => text(entry['id']))).toEqual([memri.id, diplomat.id, readout.id]);
    const reordered = parseFeed(atomFeed({ ...feed, entries: [readout, memri, diplomat] }));
    expect(children(reordered, 'entry').map((entry) => text(entry['id']))).toEqual([readout.id, memri.id, diplomat.id]);
  });

  it('gives every entry an id, a title, an updated date and an alternate link', () => {
    for (const [index, entry] of entries.entries()) {
      const source = feed.entries[index]!;
      expect(text(entry['id'])).toBe(source.id);
      expect(text(entry['title'])).toBe(source.title);
      expect(text(entry['updated'])).toMatch(RFC3339);
      expect(children(entry, 'link')).toEqual([{ '#text': '', '@rel': 'alternate', '@type': 'text/html', '@href': source.url }]);
    }
  });

  it('writes every date as RFC 3339: a bare date is midnight UTC, updated defaults to published', () => {
    const dates = [...xml.matchAll(/<(published|updated)>([^<]*)<\/\1>/gu)].map((match) => match[2]);
    expect(dates).toHaveLength(7);
    for (const date of dates) expect(date).toMatch(RFC3339);
    expect(text(entries[0]!['published'])).toBe('2021-03-24T00:00:00Z');
    expect(text(entries[0]!['updated'])).toBe('2021-03-24T00:00:00Z');
    expect(text(entries[1]!['published'])).toBe('2021-03-23T00:00:00Z');
    expect(text(entries[1]!['updated'])).toBe('2021-03-25T08:30:00+03:00');
  });

  it('names each entry’s authors, and leaves an entry with none to inherit the feed’s author', () => {
    expect(children(entries[0]!, 'author').map((author) => text(author['name']))).toEqual(['MEMRI']);
    expect(children(entries[1]!, 'author')).toEqual([]);
    expect(children(entries[2]!, 'author').map((author) => text(author['name']))).toEqual([
      "Ministry of Foreign Affairs of the People's Republic of China",
      'Wang Yi',
    ]);
    // RFC 4287 §4.1.1: without entry authors, the feed must have one.
    expect(children(parsed, 'author')).toHaveLength(1);
  });

  it('lets the feed-level author be named', () => {
    const named = parseFeed(atomFeed({ ...feed, authorName: 'The editors' }));
    expect(children(named, 'author').map((author) => text(author['name']))).toEqual(['The editors']);
  });

  it('marks summary and content as plain text, and writes content only when given', () => {
    expect(entries[0]!['summary']).toEqual({ '#text': memri.summary, '@type': 'text' });
    expect(entries[0]!['content']).toEqual({ '#text': 'The whole text, as printed.', '@type': 'text' });
    expect(entries[1]!['content']).toBeUndefined();
    expect(xml.match(/<content /gu)).toHaveLength(1);
  });

  it('escapes &, <, >, " and \' so a title with all of them comes back exactly', () => {
    const title = `Lavrov & Wang: <b>"no limits"</b> & 'true multilateralism' > bloc politics`;
    const summary = '</summary><script>alert(1)</script>';
    const url = `${SITE}/documents/x/?a=1&b=<2>"'`;
    const escaped = atomFeed({ ...feed, title, entries: [{ ...readout, title, summary, url }] });
    expect(escaped).toContain('Lavrov &amp; Wang: &lt;b&gt;&quot;no limits&quot;&lt;/b&gt; &amp; &apos;true multilateralism&apos; &gt; bloc politics');
    expect(escaped).not.toContain('<script>');
    expect(escaped).not.toContain('<b>');
    const back = parseFeed(escaped);
    const [entry] = children(back, 'entry');
    expect(text(back['title'])).toBe(title);
    expect(text(entry!['title'])).toBe(title);
    expect(text(entry!['summary'])).toBe(summary);
    expect(children(entry!, 'link')[0]!['@href']).toBe(url);
  });

  it('drops characters XML 1.0 forbids and keeps the rest, tabs, newlines and astral characters included', () => {
    const summary = 'a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh\u0085i\ud800j\uffffk\tl\nm 😀 “n”';
    const xmlWithControls = atomFeed({ ...feed, entries: [{ ...readout, summary }] });
    const [entry] = children(parseFeed(xmlWithControls), 'entry');
    expect(text(entry!['summary'])).toBe('abcdefghijk\tl\nm 😀 “n”');
  });

  it('refuses what would make the feed invalid: relative URLs, duplicate ids, dates that are not dates', () => {
    expect(() => atomFeed({ ...feed, id: '/feed.xml' })).toThrow(/absolute URL/u);
    expect(() => atomFeed({ ...feed, entries: [{ ...memri, id: '/documents/x/' }] })).toThrow(/absolute URL/u);
    expect(() => atomFeed({ ...feed, entries: [{ ...memri, url: 'documents/x/' }] })).toThrow(/absolute URL/u);
    expect(() => atomFeed({ ...feed, entries: [memri, { ...diplomat, id: memri.id }] })).toThrow(/two entries/u);
    expect(() => atomFeed({ ...feed, entries: [{ ...memri, published: '2021-02-30' }] })).toThrow(/does not exist/u);
    expect(() => atomFeed({ ...feed, updated: 'yesterday' })).toThrow(RangeError);
  });

  it('makes a valid feed with no entries', () => {
    const empty = parseFeed(atomFeed({ ...feed, entries: [] }));
    expect(children(empty, 'entry')).toEqual([]);
    expect(text(empty['updated'])).toBe('2021-03-24T00:00:00Z');
  });
});

describe('rfc3339', () => {
  it.each([
    ['2021-03-24', '2021-03-24T00:00:00Z'],
    ['2020-09', '2020-09-01T00:00:00Z'],
    ['2016', '2016-01-01T00:00:00Z'],
    ['2026-11-23T11:08:42.986Z', '2026-11-23T11:08:42.986Z'],
    ['2021-03-25T08:30:00+03:00', '2021-03-25T08:30:00+03:00'],
    ['2021-03-25T08:30-05:00', '2021-03-25T08:30:00-05:00'],
    ['2021-03-25t08:30:00z', '2021-03-25T08:30:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(rfc3339(input)).toBe(expected);
  });

  it.each([
    ['no UTC offset', '2021-03-25T08:30:00'],
    ['an impossible day', '2021-02-29'],
    ['an impossible hour', '2021-03-25T24:00:00Z'],
    ['a slash date', '2021/03/25'],
    ['an empty string', ''],
  ])('refuses %s', (_case, input) => {
    expect(() => rfc3339(input)).toThrow(RangeError);
  });
});

describe('xmlText', () => {
  it('escapes the five XML specials, ampersand first so nothing is escaped twice', () => {
    expect(xmlText(`&amp; <a href="x">'</a>`)).toBe('&amp;amp; &lt;a href=&quot;x&quot;&gt;&apos;&lt;/a&gt;');
  });
});

describe('newestForFeed', () => {
  it('keeps the first FEED_ENTRIES of a newest-first list, and a shorter list whole', () => {
    const list = Array.from({ length: FEED_ENTRIES + 7 }, (_, index) => index);
    expect(newestForFeed(list)).toEqual(list.slice(0, FEED_ENTRIES));
    expect(newestForFeed([3, 2, 1])).toEqual([3, 2, 1]);
    expect(FEED_ENTRIES).toBe(50);
  });
});
