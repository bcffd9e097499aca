/**
 * "Cite this": the expected Chicago strings were written from the Chicago
 * Manual's note and bibliography patterns, not copied from output; BibTeX, RIS
 * and CSL-JSON are read back with real parsers (@retorquere/bibtex-parser,
 * citation-js's RIS reader) and CSL-JSON is rendered by citeproc-js.
 */
import { createRequire } from 'node:module';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import {
  CITATION_MEDIA_TYPES,
  QUOTE_EXCERPT_LENGTH,
  bibtex,
  chicagoBibliography,
  chicagoNote,
  citationKey,
  cslJson,
  excerpt,
  ris,
  type CitableDocument,
  type CitableStatement,
} from '../../../src/lib/citations.ts';

const SITE = 'https://dispatch-reader.example.org';

const readout: CitableDocument = {
  title: 'Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone',
  date: '2021-02-04',
  dateBasis: 'printed',
  outletName: "Ministry of Foreign Affairs of the People's Republic of China",
  siteUrl: `${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/`,
  slug: '2021-02-04-mfa-wang-yi-lavrov-phone-call',
  accessed: '2026-11-23',
};

const dispatch: CitableDocument = {
  title:
    "Following U.S.-China Meeting, Chinese Foreign Minister Wang Yi Meets With His Russian Counterpart Lavrov In China; Chinese Foreign Ministry: 'The Two... Said The International Community Believes That The U.S. Should Reflect On The Damage It Has Done To Global Peace, Halt Unilateral Bullying, [And] Stop Meddling In Other Countries' Domestic Affairs'",
  date: '2021-03-24',
  outletName: 'MEMRI',
  reference: 'Special Dispatch No. 9252',
  siteUrl: `${SITE}/documents/2021-03-24-memri-special-dispatch-9252/`,
  slug: '2021-03-24-memri-special-dispatch-9252',
  accessed: '2026-11-23',
};

const article: CitableDocument = {
  title: 'China and Russia Show Solidarity at Meeting of Foreign Ministers',
  date: '2021-03-23',
  dateBasis: 'inferred',
  outletName: 'The Diplomat',
  section: 'China Power',
  originalUrl: 'https://thediplomat.com/2021/03/china-and-russia-show-solidarity/',
  siteUrl: `${SITE}/documents/2021-03-23-diplomat-china-russia-show-solidarity/`,
  slug: '2021-03-23-diplomat-china-russia-show-solidarity',
  accessed: '2026-11-23',
};

const WATERSHED =
  'Wang Yi said, the current international situation is at an important watershed. At such a time, it is even more important for China and Russia to strengthen strategic communication. Last week, Chinese President Xi Jinping and Russian President Vladimir Putin delivered speeches respectively at the World Economic Forum Virtual Event of the Davos Agenda.';

const wangYi: CitableStatement = {
  document: readout,
  anchor: 'p2',
  speakerNames: ['Wang Yi'],
  text: WATERSHED,
  url: `${readout.siteUrl}#p2`,
};

const bothSides: CitableStatement = {
  document: readout,
  anchor: 'p1',
  speakerNames: ['Wang Yi', 'Sergey Lavrov'],
  text: 'Both sides stressed the importance of upholding non-interference in other countries\' internal affairs.',
  url: `${readout.siteUrl}#p1`,
};

const unattributed: CitableStatement = {
  document: dispatch,
  anchor: 's-according-to-analysts',
  speakerNames: [],
  text: 'According to analysts, a setback.',
  url: `${dispatch.siteUrl}#s-according-to-analysts`,
};

describe('excerpt', () => {
  // Code points outside the BMP count as one each and are never split.
  const astral = '𝐀';
  it('keeps a quotation of at most the limit whole, counted in code points', () => {
    const text = `${astral.repeat(150)} ${'b'.repeat(49)}`; // 200 code points, 351 UTF-16 units
    expect(excerpt(`  ${text}\n`)).toBe(text);
  });
  it('cuts one code point over the limit at the last space, with an ellipsis', () => {
    const text = `${astral.repeat(150)} ${'b'.repeat(50)}`; // 201 code points
    expect(excerpt(text)).toBe(`${astral.repeat(150)}…`);
  });
  it('cuts mid-word when no space is near the limit, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(50)} ${astral.repeat(300)}`;
    const cut = excerpt(text);
    expect(cut.endsWith('…')).toBe(true);
    expect(Array.from(cut.slice(0, -1))).toHaveLength(QUOTE_EXCERPT_LENGTH);
    expect(cut.slice(0, -1)).toBe(Array.from(text).slice(0, QUOTE_EXCERPT_LENGTH).join(''));
  });
});

describe('chicagoNote', () => {
  it('cites a document as Outlet, “Title,” Date, URL.', () => {
    expect(chicagoNote(readout)).toBe(
      `Ministry of Foreign Affairs of the People's Republic of China, “Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone,” February 4, 2021, ${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/.`,
    );
  });

  it('cites a statement as the speaker quoted in the outlet, at the passage’s URL', () => {
    expect(chicagoNote(wangYi)).toBe(
      `Wang Yi, quoted in Ministry of Foreign Affairs of the People's Republic of China, “Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone,” February 4, 2021, ${SITE}/documents/2021-02-04-mfa-wang-yi-lavrov-phone-call/#p2.`,
    );
  });

  it('joins two speakers with “and” and three with a serial comma', () => {
    expect(chicagoNote(bothSides)).toMatch(/^Wang Yi and Sergey Lavrov, quoted in Ministry of Foreign Affairs/u);
    const three = { ...bothSides, speakerNames: ['Wang Yi', 'Sergey Lavrov', 'Hua Chunying'] };
    expect(chicagoNote(three)).toMatch(/^Wang Yi, Sergey Lavrov, and Hua Chunying, quoted in /u);
  });

  it('gives an unattributed statement no speaker prefix', () => {
    const note = chicagoNote(unattributed);
    expect(note).toMatch(/^MEMRI, “Following U\.S\.-China Meeting/u);
    expect(note).not.toContain('quoted in');
    expect(note.endsWith(`${dispatch.siteUrl}#s-according-to-analysts.`)).toBe(true);
  });

  it('places the outlet’s reference after the title and keeps the printed title whole, straight quotes included', () => {
    expect(chicagoNote(dispatch)).toBe(
      `MEMRI, “${dispatch.title},” Special Dispatch No. 9252, March 24, 2021, ${dispatch.siteUrl}.`,
    );
  });

  it('brackets a date the editors inferred, as Chicago marks supplied information', () => {
    expect(chicagoNote(article)).toBe(
      `The Diplomat, “China and Russia Show Solidarity at Meeting of Foreign Ministers,” [March 23, 2021], ${article.siteUrl}.`,
    );
  });

  it('writes a month-precision date as month and year', () => {
    expect(chicagoNote({ ...readout, date: '2020-09' })).toContain('Phone,” September 2020, https://');
  });

  it('drops the comma after a title that ends in a question or exclamation mark', () => {
    expect(chicagoNote({ ...readout, title: 'Is the Partnership an Alliance?' })).toContain('“Is the Partnership an Alliance?” February 4, 2021,');
    expect(chicagoNote({ ...readout, title: 'Enough!' })).toContain('“Enough!” February 4, 2021,');
  });

  it('is plain text with curly quotes: markup-like characters in a title stay characters', () => {
    const note = chicagoNote({ ...readout, title: 'Tags <b>& such</b>' });
    expect(note).toContain('“Tags <b>& such</b>,”');
    expect(note).not.toContain('&amp;');
    expect(note).not.toMatch(/"/u);
  });
});

describe('chicagoBibliography', () => {
  it('lists the outlet as corporate author: Outlet. “Title.” Reference. Date. URL.', () => {
    expect(chicagoBibliography(dispatch)).toBe(
      `MEMRI. “${dispatch.title}.” Special Dispatch No. 9252. March 24, 2021. ${dispatch.siteUrl}.`,
    );
    expect(chicagoBibliography(readout)).toBe(
      `Ministry of Foreign Affairs of the People's Republic of China. “Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone.” February 4, 2021. ${readout.siteUrl}.`,
    );
  });

  it('lists a statement as its document (a bibliography lists works, not passages)', () => {
    expect(chicagoBibliography(wangYi)).toBe(chicagoBibliography(readout));
  });

  it('brackets an inferred date and omits the period after a title ending in “?”', () => {
    expect(chicagoBibliography({ ...article, title: 'Allies?' })).toBe(`The Diplomat. “Allies?” [March 23, 2021]. ${article.siteUrl}.`);
  });
});

const bibtexOptions = { sentenceCase: false } as const;

function onlyBibtexEntry(text: string) {
  const library = parseBibtex(text, bibtexOptions);
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

describe('bibtex', () => {
  it('is one @online entry a BibTeX parser reads back with the exact title, corporate author, URL and dates', () => {
    const entry = onlyBibtexEntry(bibtex(dispatch));
    expect(entry.type).toBe('online');
    expect(entry.key).toBe('2021-03-24-memri-special-dispatch-9252');
    expect(entry.fields.title).toBe(dispatch.title);
    expect(entry.fields.author).toEqual([{ name: 'MEMRI' }]);
    expect(entry.fields['url']).toBe(dispatch.siteUrl);
    expect(entry.fields['date']).toBe('2021-03-24');
    expect(entry.fields['year']).toBe('2021');
    expect(entry.fields['month']).toBe('3');
    expect(entry.fields['urldate']).toBe('2026-11-23');
    expect(entry.fields['note']).toBe('Special Dispatch No. 9252.');
  });

  it('keeps an apostrophe in the corporate author and does not split it into first and last names', () => {
    const entry = onlyBibtexEntry(bibtex(readout));
    expect(entry.fields.author).toEqual([{ name: "Ministry of Foreign Affairs of the People's Republic of China" }]);
  });

  it('escapes every BibTeX special character so title and author come back exactly', () => {
    const title = String.raw`Wang & Lavrov: 100% of $5, #1 under_score {braces} ~tilde ^caret \backslash — “curly” 'straight'`;
    const outletName = 'Smith & Jones, Ltd. {Press} 50%';
    const text = bibtex({ ...readout, title, outletName });
    expect(text).toContain(String.raw`Wang \& Lavrov: 100\% of \$5, \#1 under\_score \{braces\}`);
    const entry = onlyBibtexEntry(text);
    expect(entry.fields.title).toBe(title);
    expect(entry.fields.author).toEqual([{ name: outletName }]);
  });

  it('protects the title’s case with double braces, so styles print it as printed', () => {
    expect(bibtex(readout)).toContain('title = {{Wang Yi Speaks with Russian Foreign Minister Sergey Lavrov on the Phone}}');
  });

  it('gives a statement its own key, the passage’s URL, and a note with the speakers and the quotation’s opening words', () => {
    const entry = onlyBibtexEntry(bibtex(wangYi));
    expect(entry.key).toBe('2021-02-04-mfa-wang-yi-lavrov-phone-call:p2');
    expect(entry.fields['url']).toBe(wangYi.url);
    const note = entry.fields['note'] ?? '';
    const match = /^Statement by Wang Yi: “(.+)…”$/u.exec(note);
    expect(match).not.toBeNull();
    const excerpt = match![1]!;
    expect(WATERSHED.startsWith(excerpt)).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(QUOTE_EXCERPT_LENGTH);
    expect(Array.from(excerpt).length).toBeGreaterThan(QUOTE_EXCERPT_LENGTH * 0.6);
    // Cut between words, not inside one.
    expect(WATERSHED[excerpt.length]).toBe(' ');
  });

  it('cuts a long quotation between words even when the limit falls inside one', () => {
    // Seven-character words: the 200th character is the fifth letter of a word.
    const text = 'abcdef '.repeat(40).trim();
    const note = onlyBibtexEntry(bibtex({ ...unattributed, text })).fields['note'] ?? '';
    const excerpt = /“(.+)…”$/u.exec(note)?.[1] ?? '';
    expect(excerpt).toBe('abcdef '.repeat(28).trim());
  });

  it('quotes a short statement whole, with no ellipsis, and names every speaker', () => {
    const entry = onlyBibtexEntry(bibtex(bothSides));
    expect(entry.fields['note']).toBe(`Statement by Wang Yi and Sergey Lavrov: “${bothSides.text}”`);
  });

  it('says an unattributed statement is unattributed, after the outlet’s reference', () => {
    const entry = onlyBibtexEntry(bibtex(unattributed));
    expect(entry.fields['note']).toBe('Special Dispatch No. 9252. Unattributed statement: “According to analysts, a setback.”');
  });

  it('never splits a character outside the Basic Multilingual Plane when cutting a quotation', () => {
    const text = '😀'.repeat(QUOTE_EXCERPT_LENGTH + 10);
    const entry = onlyBibtexEntry(bibtex({ ...unattributed, text }));
    expect(entry.fields['note']).toBe(`Special Dispatch No. 9252. Unattributed statement: “${'😀'.repeat(QUOTE_EXCERPT_LENGTH)}…”`);
  });

  it('records an inferred date and the original URL in the note, and has only year and month for a month-precision date', () => {
    const entry = onlyBibtexEntry(bibtex({ ...article, date: '2020-09' }));
    expect(entry.fields['note']).toBe(
      'Publication date inferred by the editors (not printed in the source). Original: https://thediplomat.com/2021/03/china-and-russia-show-solidarity/',
    );
    expect(entry.fields['year']).toBe('2020');
    expect(entry.fields['month']).toBe('9');
    expect(entry.fields['date']).toBe('2020-09');
  });

  it('keeps a URL verbatim and percent-encodes only what would break the entry', () => {
    const url = `${SITE}/documents/x/#s-a_b%20{c}`;
    const entry = onlyBibtexEntry(bibtex({ ...readout, siteUrl: url }));
    expect(entry.fields['url']).toBe(`${SITE}/documents/x/#s-a_b%20%7Bc%7D`);
  });
});

describe('citationKey', () => {
  it('is stable, ASCII-only and free of characters BibTeX stops at', () => {
    expect(citationKey(readout)).toBe(citationKey({ ...readout }));
    for (const item of [readout, dispatch, wangYi, unattributed]) expect(citationKey(item)).toMatch(/^[A-Za-z0-9_.:-]+$/u);
    expect(citationKey({ ...readout, slug: 'déjà vu, {x}%#"=' })).toBe('deja-vu-x');
  });

  it('differs between a document and each of its statements', () => {
    const keys = new Set([citationKey(readout), citationKey(wangYi), citationKey(bothSides)]);
    expect(keys.size).toBe(3);
  });
});

interface RisLine {
  tag: string;
  value: string;
}

/** The RIS grammar, strictly: `XX  - value` lines, CRLF, `TY` first, `ER  - ` last. */
function risLines(text: string): RisLine[] {
  expect(text.endsWith('ER  - \r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /u);
  expect(lines[0]).toMatch(/^TY {2}- [A-Z]+$/u);
  expect(lines.at(-1)).toBe('ER  - ');
  expect(lines.filter((line) => line.startsWith('TY  - '))).toHaveLength(1);
  return lines.map((line) => ({ tag: line.slice(0, 2), value: line.slice(6) }));
}

function risValues(text: string, tag: string): string[] {
  return risLines(text)
    .filter((line) => line.tag === tag)
    .map((line) => line.value);
}

const require = createRequire(import.meta.url);

interface CitationJsCite {
  data: Record<string, unknown>[];
  format(kind: 'bibliography', options: { template: string; format: 'text'; lang?: string }): string;
}
const { Cite } = require('@citation-js/core') as { Cite: new (input: unknown) => CitationJsCite };
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');

describe('ris', () => {
  it('follows the RIS grammar with CRLF line endings', () => {
    for (const item of [readout, dispatch, article, wangYi, unattributed]) risLines(ris(item));
  });

  it('is a web page (ELEC) with title, corporate author, dates, publisher, URL and access date', () => {
    const text = ris(dispatch);
    expect(risValues(text, 'TY')).toEqual(['ELEC']);
    expect(risValues(text, 'TI')).toEqual([dispatch.title]);
    expect(risValues(text, 'AU')).toEqual(['MEMRI']);
    expect(risValues(text, 'PY')).toEqual(['2021']);
    expect(risValues(text, 'DA')).toEqual(['2021/03/24/']);
    expect(risValues(text, 'PB')).toEqual(['MEMRI']);
    expect(risValues(text, 'UR')).toEqual([dispatch.siteUrl]);
    expect(risValues(text, 'Y2')).toEqual(['2026/11/23/']);
    expect(risValues(text, 'N1')).toEqual(['Special Dispatch No. 9252']);
    expect(risValues(text, 'AB')).toEqual([]);
  });

  it('leaves the unknown parts of a month- or year-precision date empty', () => {
    expect(risValues(ris({ ...readout, date: '2020-09' }), 'DA')).toEqual(['2020/09//']);
    expect(risValues(ris({ ...readout, date: '2016' }), 'DA')).toEqual(['2016///']);
    expect(risValues(ris({ ...readout, date: '2016' }), 'PY')).toEqual(['2016']);
  });

  it('carries a statement’s speakers in N1, the whole quotation in AB, and the passage’s URL', () => {
    const text = ris(wangYi);
    expect(risValues(text, 'UR')).toEqual([wangYi.url]);
    expect(risValues(text, 'AB')).toEqual([WATERSHED]);
    const [note] = risValues(text, 'N1');
    expect(note).toMatch(/^Statement by Wang Yi: “Wang Yi said, the current international situation/u);
    expect(risValues(ris(unattributed), 'N1')).toEqual(['Special Dispatch No. 9252', 'Unattributed statement: “According to analysts, a setback.”']);
  });

  it('keeps each value on one line when the quotation has line breaks', () => {
    const text = ris({ ...bothSides, text: 'First line.\nSecond line.\r\n\r\nThird.' });
    expect(risValues(text, 'AB')).toEqual(['First line. Second line. Third.']);
  });

  it('is read by citation-js’s RIS parser as a web page with the same title, author, date and URL', () => {
    const [item] = new Cite(ris(wangYi)).data;
    expect(item).toMatchObject({
      type: 'webpage',
      title: readout.title,
      author: [{ literal: readout.outletName }],
      publisher: readout.outletName,
      issued: { 'date-parts': [[2021, 2, 4]] },
      URL: wangYi.url,
      abstract: WATERSHED,
    });
  });
});

/** Every variable the CSL-JSON schema (csl-data.json, CSL 1.0.2) defines, and the item types it allows that we might use. */
const CSL_VARIABLES = new Set([
  'id', 'type', 'citation-key', 'categories', 'language', 'journalAbbreviation', 'shortTitle',
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director',
  'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator',
  'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer',
  'series-creator', 'translator', 'accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted',
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'chapter-number', 'citation-number', 'citation-label', 'collection-number', 'collection-title',
  'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'edition', 'event', 'event-title',
  'event-place', 'first-reference-note-number', 'genre', 'ISBN', 'ISSN', 'issue', 'jurisdiction', 'keyword', 'locator',
  'medium', 'note', 'number', 'number-of-pages', 'number-of-volumes', 'original-publisher', 'original-publisher-place',
  'original-title', 'page', 'page-first', 'part', 'part-title', 'PMCID', 'PMID', 'printing', 'publisher',
  'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status',
  'supplement', 'title', 'title-short', 'URL', 'version', 'volume', 'volume-title', 'volume-title-short',
  'year-suffix', 'custom',
]);
const CSL_NUMERIC_OR_STRING = ['number', 'volume', 'issue', 'edition'];

/** Checks an item against the CSL-JSON schema's rules for the fields it has, returning what is wrong. */
function cslProblems(item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(item)) if (!CSL_VARIABLES.has(key)) problems.push(`unknown variable ${key}`);
  if (typeof item['id'] !== 'string' && typeof item['id'] !== 'number') problems.push('id');
  if (item['type'] !== 'webpage') problems.push('type');
  for (const name of ['author', 'editor']) {
    const names = item[name];
    if (names === undefined) continue;
    if (!Array.isArray(names) || names.length === 0) problems.push(`${name} is not a list`);
    else
      for (const person of names as Record<string, unknown>[]) {
        const literal = typeof person['literal'] === 'string' && Object.keys(person).length === 1;
        const personal = typeof person['family'] === 'string' && Object.keys(person).every((key) => ['family', 'given'].includes(key));
        if (!literal && !personal) problems.push(`${name} entry ${JSON.stringify(person)}`);
      }
  }
  for (const name of ['issued', 'accessed']) {
    const date = item[name] as { 'date-parts'?: unknown } | undefined;
    const parts = date?.['date-parts'];
    const valid =
      date !== undefined &&
      Object.keys(date).length === 1 &&
      Array.isArray(parts) &&
      parts.length === 1 &&
      Array.isArray(parts[0]) &&
      parts[0].length >= 1 &&
      parts[0].length <= 3 &&
      parts[0].every((part: unknown) => Number.isInteger(part)) &&
      (parts[0][1] === undefined || (parts[0][1] >= 1 && parts[0][1] <= 12)) &&
      (parts[0][2] === undefined || (parts[0][2] >= 1 && parts[0][2] <= 31));
    if (!valid) problems.push(`${name} ${JSON.stringify(date)}`);
  }
  for (const name of ['title', 'URL', 'publisher', 'container-title', 'note', 'abstract', 'section']) {
    if (item[name] !== undefined && typeof item[name] !== 'string') problems.push(`${name} is not a string`);
  }
  for (const name of CSL_NUMERIC_OR_STRING) {
    if (item[name] !== undefined && typeof item[name] !== 'string' && typeof item[name] !== 'number') problems.push(name);
  }
  if (typeof item['URL'] !== 'string' || !URL.canParse(item['URL'])) problems.push('URL is not absolute');
  return problems;
}

interface CiteprocEngine {
  setOutputFormat(format: 'text'): void;
  updateItems(ids: string[]): void;
  makeCitationCluster(items: { id: string }[]): string;
}
const CSL = require('citeproc') as {
  Engine: new (
    sys: { retrieveLocale: (lang: string) => string; retrieveItem: (id: string) => unknown },
    style: string,
    lang: string,
    forceLang: boolean,
  ) => CiteprocEngine;
};
const LOCALES = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;

/**
 * The note form of the Chicago style's web-page citation (author, quoted title,
 * number, date in full, URL), as a CSL style. The official chicago-note style
 * is not packaged on npm; this subset asks citeproc-js to do the punctuation
 * (commas inside the quotation marks, en-US dates) from our item alone.
 */
const CHICAGO_NOTE_WEBPAGE_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago notes (web page subset, for tests)</title>
    <id>http://dispatch-reader.example.org/tests/chicago-note-webpage</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout suffix=".">
      <group delimiter=", ">
        <names variable="author"><name/></names>
        <text variable="title" quotes="true"/>
        <text variable="number"/>
        <date variable="issued" form="text"/>
        <text variable="URL"/>
      </group>
    </layout>
  </citation>
</style>`;

function citeprocNote(item: { id: string }): string {
  const engine = new CSL.Engine(
    { retrieveLocale: (lang) => LOCALES[lang] ?? LOCALES['en-US']!, retrieveItem: () => item },
    CHICAGO_NOTE_WEBPAGE_CSL,
    'en-US',
    true,
  );
  engine.setOutputFormat('text');
  engine.updateItems([item.id]);
  return engine.makeCitationCluster([{ id: item.id }]);
}

describe('cslJson', () => {
  it('is a CSL-JSON web page with the fields the schema defines, correctly shaped', () => {
    for (const item of [readout, dispatch, article, wangYi, unattributed]) {
      expect(cslProblems(cslJson(item) as unknown as Record<string, unknown>)).toEqual([]);
    }
  });

  it('carries the document’s metadata as printed', () => {
    expect(cslJson(dispatch)).toEqual({
      id: '2021-03-24-memri-special-dispatch-9252',
      type: 'webpage',
      title: dispatch.title,
      author: [{ literal: 'MEMRI' }],
      publisher: 'MEMRI',
      issued: { 'date-parts': [[2021, 3, 24]] },
      accessed: { 'date-parts': [[2026, 11, 23]] },
      URL: dispatch.siteUrl,
      number: 'Special Dispatch No. 9252',
      note: 'Special Dispatch No. 9252.',
    });
  });

  it('keeps the precision of the date and records section, inferred date and original URL', () => {
    const item = cslJson({ ...article, date: '2020-09' });
    expect(item.issued).toEqual({ 'date-parts': [[2020, 9]] });
    expect(item.section).toBe('China Power');
    expect(item.note).toBe(
      'Publication date inferred by the editors (not printed in the source). Original: https://thediplomat.com/2021/03/china-and-russia-show-solidarity/',
    );
  });

  it('gives a statement the dataset’s id, the passage’s URL, the whole quotation and its speakers', () => {
    const item = cslJson(bothSides);
    expect(item.id).toBe('2021-02-04-mfa-wang-yi-lavrov-phone-call/p1');
    expect(item.URL).toBe(bothSides.url);
    expect(item.abstract).toBe(bothSides.text);
    expect(item.note).toBe('Statement by Wang Yi and Sergey Lavrov.');
    expect(cslJson(unattributed).note).toBe('Special Dispatch No. 9252. Unattributed statement.');
  });

  it('survives JSON serialisation unchanged (it is plain data)', () => {
    const item = cslJson(wangYi);
    expect(JSON.parse(JSON.stringify([item]))).toEqual([item]);
  });

  it('renders in citeproc-js to the same Chicago note this module writes', () => {
    // citeproc-js curls straight single quotes and apostrophes (its typography); the data keeps them as printed.
    for (const document of [readout, dispatch]) {
      expect(citeprocNote(cslJson(document)).replace(/[‘’]/gu, "'")).toBe(chicagoNote(document));
    }
  });

  it('renders with the official APA style citation-js ships, every part in its place', () => {
    const text = new Cite([cslJson(dispatch)]).format('bibliography', { template: 'apa', format: 'text', lang: 'en-US' }).trim();
    expect(text.startsWith('MEMRI. (2021, March 24). Following U.S.-China Meeting')).toBe(true);
    expect(text).toContain('(Special Dispatch No. 9252)');
    expect(text.endsWith(dispatch.siteUrl)).toBe(true);
  });
});

describe('CITATION_MEDIA_TYPES', () => {
  it('names the registered or conventional MIME type of each format', () => {
    expect(CITATION_MEDIA_TYPES).toEqual({
      bibtex: 'application/x-bibtex',
      ris: 'application/x-research-info-systems',
      cslJson: 'application/vnd.citationstyles.csl+json',
    });
  });
});
