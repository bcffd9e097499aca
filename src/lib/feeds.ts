/**
 * Atom 1.0 feeds (RFC 4287) as XML text, from plain data. Pure: the caller
 * decides what goes in and in which order; this module only writes it well
 * formed, escaped and with the dates Atom requires.
 */
import { isoDateProblem } from './iso-date.ts';

/** Who the feed is by when an entry names no one: RFC 4287 wants an author on every entry, inherited from the feed. */
export const DEFAULT_FEED_AUTHOR = 'Dispatch Reader';

/**
 * Entries a feed carries: its newest. A feed is for following what is new; a speaker's whole record is on their pages
 * and in /data/. Uncapped, one speaker's feed of the 1,000-document benchmark corpus held 11,370 entries (12 MB), more
 * than feed readers fetch.
 */
export const FEED_ENTRIES = 50;

/** The newest `FEED_ENTRIES` of a list that is newest first. */
export function newestForFeed<T>(newestFirst: readonly T[]): T[] {
  return newestFirst.slice(0, FEED_ENTRIES);
}

export interface AtomEntry {
  /** Absolute URL, permanent and unique within the feed (readers use it to tell new entries from seen ones). */
  id: string;
  /** Plain text. */
  title: string;
  /** Absolute URL of the entry's page (`rel="alternate"`). */
  url: string;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or RFC 3339 date-time. */
  published: string;
  /** Last change, same forms as `published`; defaults to `published`. */
  updated?: string | undefined;
  /** Display names; empty: the entry inherits the feed's author. */
  authorNames: string[];
  /** Plain text. */
  summary: string;
  /** Plain text, the whole entry where a feed carries it. */
  content?: string | undefined;
}

export interface AtomFeed {
  /** Absolute URL, permanent: the feed's identity, not necessarily where it is served. */
  id: string;
  /** Plain text. */
  title: string;
  /** Plain text. */
  subtitle?: string | undefined;
  /** Absolute URL the feed itself is served at (`rel="self"`). */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed follows (`rel="alternate"`). */
  pageUrl: string;
  /** When anything in the feed last changed: ISO date or RFC 3339 date-time. */
  updated: string;
  /** Feed-level author; default {@link DEFAULT_FEED_AUTHOR}. */
  authorName?: string | undefined;
  /** In the order they are to appear: newest first. */
  entries: AtomEntry[];
}

// XML 1.0 `Char` (tab, LF, CR, and the rest from U+0020) less the C1 controls, which XML allows but feed readers
// reject. Matched by code point (the `u` flag), so an unpaired surrogate is dropped too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe as XML character data and as a quoted attribute value. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/gu, (character) => XML_ESCAPES[character] ?? character);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/iu;

/**
 * An ISO date or date-time as an RFC 3339 timestamp, which Atom requires. A
 * bare date is midnight UTC on that day; a month or a year, its first day
 * (the project keeps dates at the precision printed; Atom has no such notion).
 * A date-time without a UTC offset is refused rather than guessed.
 */
export function rfc3339(value: string): string {
  if (!value.includes('T') && !value.includes('t')) {
    const problem = isoDateProblem(value);
    if (problem) throw new RangeError(`Atom date: ${problem}`);
    const [year, month = '01', day = '01'] = value.split('-');
    return `${year}-${month}-${day}T00:00:00Z`;
  }
  const match = DATE_TIME.exec(value);
  const [, date = '', hours = '', minutes = '', seconds = '00', fraction = '', offset = ''] = match ?? [];
  if (!match || isoDateProblem(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 60) {
    throw new RangeError(`Atom date: \`${value}\` is not an ISO date or an RFC 3339 date-time with a UTC offset`);
  }
  // RFC 4287 §3.3: "T" and "Z" must be uppercase.
  return `${date}T${hours}:${minutes}:${seconds}${fraction}${offset.toUpperCase()}`;
}

function absoluteUrl(value: string, what: string): string {
  if (!URL.canParse(value)) throw new TypeError(`Atom: ${what} must be an absolute URL, got \`${value}\``);
  return value;
}

function element(indent: string, name: string, text: string, attributes = ''): string {
  return `${indent}<${name}${attributes}>${xmlText(text)}</${name}>`;
}

function link(indent: string, rel: 'self' | 'alternate', type: string, href: string): string {
  return `${indent}<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;
}

function author(indent: string, name: string): string {
  return `${indent}<author><name>${xmlText(name)}</name></author>`;
}

function entryXml(entry: AtomEntry): string[] {
  const published = rfc3339(entry.published);
  return [
    '  <entry>',
    element('    ', 'id', absoluteUrl(entry.id, 'an entry id')),
    element('    ', 'title', entry.title, ' type="text"'),
    link('    ', 'alternate', 'text/html', absoluteUrl(entry.url, 'an entry url')),
    element('    ', 'published', published),
    element('    ', 'updated', entry.updated === undefined ? published : rfc3339(entry.updated)),
    ...entry.authorNames.map((name) => author('    ', name)),
    element('    ', 'summary', entry.summary, ' type="text"'),
    ...(entry.content === undefined ? [] : [element('    ', 'content', entry.content, ' type="text"')]),
    '  </entry>',
  ];
}

/**
 * The feed as an Atom 1.0 document (serve as `application/atom+xml`). Entries
 * keep the order given. Throws on what would make the feed invalid: a relative
 * id or link, a date that is not one, two entries with one id.
 */
export function atomFeed(feed: AtomFeed): string {
  const seen = new Set<string>();
  for (const entry of feed.entries) {
    if (seen.has(entry.id)) throw new Error(`Atom: two entries have the id \`${entry.id}\``);
    seen.add(entry.id);
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('  ', 'id', absoluteUrl(feed.id, 'the feed id')),
    element('  ', 'title', feed.title, ' type="text"'),
    ...(feed.subtitle === undefined ? [] : [element('  ', 'subtitle', feed.subtitle, ' type="text"')]),
    link('  ', 'self', 'application/atom+xml', absoluteUrl(feed.selfUrl, 'selfUrl')),
    link('  ', 'alternate', 'text/html', absoluteUrl(feed.pageUrl, 'pageUrl')),
    element('  ', 'updated', rfc3339(feed.updated)),
    author('  ', feed.authorName ?? DEFAULT_FEED_AUTHOR),
    ...feed.entries.flatMap(entryXml),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
