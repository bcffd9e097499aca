/**
 * Search records, built from the open dataset (/data/*.json) so that search and
 * data can never disagree. One Pagefind custom record per *speaker in a
 * document*: the passages one speaker (or one set of joint speakers) has in
 * one document, of one kind. A speaker filter must select passages, not pages,
 * so a record never mixes speakers; and records, not words, are what Pagefind's
 * memory and its first download grow with (each record costs an entry in the
 * index's metadata, which every first search fetches), so a record is not one
 * statement either: at 1,000 documents that is 5,030 records instead of 18,200.
 *
 * The record lists its passages with their word offsets (`meta.passages`), so
 * the search page can map each hit back to the passage that holds it and link
 * to that passage's own `#fragment` (see `passageExcerpts`).
 *
 * Each document has a record of its own too, made of its title, masthead and
 * the words no statement holds (`documentSearchRecords`), so every word is in
 * exactly one record.
 *
 * The filter keys and their values are part of the site's public contract:
 * `/search/?speaker=…` links are shared and bookmarked.
 */
import { joinNames } from './citations.ts';

/** Filter keys, in the order the search page shows them. */
export const SEARCH_FILTERS = ['speaker', 'outlet', 'year', 'kind', 'document'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The `kind` filter's values: what a reader calls each kind of record. */
export const KIND_LABELS: Record<string, string> = {
  statement: 'statement',
  question: 'question',
  'joint-statement': 'joint statement',
  document: 'document',
};

export interface SearchRecord {
  /** Site path with the first passage's `#fragment`. */
  url: string;
  /** The passages' words as printed, in document order, separated by spaces. */
  content: string;
  language: 'en';
  /** Shown with each result; `passages` maps word offsets to passages. */
  meta: Record<string, string>;
  filters: Partial<Record<SearchFilter, string[]>>;
}

/** The parts of /data/statements.json, documents.json and speakers.json that search needs. */
export interface SearchDataset {
  statements: readonly { url: string; document: string; speakers: readonly string[]; kind: string; text: string }[];
  documents: readonly { slug: string; title: string; date: string; outlet: string }[];
  speakers: readonly { id: string; name: string }[];
}

/**
 * Pagefind numbers a record's words by splitting its content at Unicode
 * White_Space (Rust's `split_whitespace`); JavaScript's `\s` differs from it
 * at U+0085 and U+FEFF, so the class is spelled out.
 */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** How many words Pagefind counts in a text. */
export function pagefindWordCount(text: string): number {
  return text.split(WHITE_SPACE).filter((word) => word !== '').length;
}

/** Display names by speaker id; an id that does not resolve is refused rather than indexed as a wrong name. */
function speakerNames(speakers: SearchDataset['speakers']): (id: string) => string {
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  return (id) => {
    const name = names.get(id);
    if (name === undefined) throw new Error(`search records: unknown speaker id \`${id}\` in /data/*.json`);
    return name;
  };
}

export function passageSearchRecords(dataset: SearchDataset): SearchRecord[] {
  const nameOf = speakerNames(dataset.speakers);
  const documents = new Map(dataset.documents.map((document) => [document.slug, document]));
  const groups = new Map<string, SearchDataset['statements'][number][]>();
  for (const statement of dataset.statements) {
    const key = `${statement.document}\u0000${statement.speakers.join(',')}\u0000${statement.kind}`;
    const group = groups.get(key);
    if (group) group.push(statement);
    else groups.set(key, [statement]);
  }
  return [...groups.values()].map((passages) => {
    const first = passages[0]!;
    const document = documents.get(first.document);
    if (!document) throw new Error(`search records: unknown document \`${first.document}\` in /data/statements.json`);
    const speakers = first.speakers.map(nameOf);
    const outlet = nameOf(document.outlet);
    const kind = KIND_LABELS[first.kind] ?? first.kind;
    const filters: SearchRecord['filters'] = { outlet: [outlet], year: [document.date.slice(0, 4)], kind: [kind], document: [document.title] };
    // Unattributed passages have no speaker value: a speaker filter never returns a passage the rules could not attribute.
    if (speakers.length > 0) filters.speaker = speakers;
    let offset = 0;
    const spans = passages.map((statement) => {
      const span = `${fragmentOf(statement.url)}@${offset}`;
      offset += pagefindWordCount(statement.text);
      return span;
    });
    return {
      url: first.url,
      content: passages.map((statement) => statement.text).join(' '),
      language: 'en',
      meta: {
        title: document.title,
        speaker: speakers.length > 0 ? joinNames(speakers, { serialComma: false }) : 'Unattributed',
        outlet,
        date: document.date,
        kind,
        passages: spans.join(' '),
      },
      filters,
    };
  });
}

function fragmentOf(url: string): string {
  const hash = url.indexOf('#');
  if (hash < 0 || hash === url.length - 1) throw new Error(`search records: statement URL \`${url}\` has no #fragment`);
  return url.slice(hash + 1);
}

/** The filters of a document's own record. */
export function documentSearchFilters(document: { title: string; date: string; outletName: string }): SearchRecord['filters'] {
  return { outlet: [document.outletName], year: [document.date.slice(0, 4)], kind: [KIND_LABELS['document']!], document: [document.title] };
}

/** What the pipeline recorded for a document beside its statements: the lines above the text, and the words no statement holds (remark-narration.ts). */
export interface DocumentText {
  masthead: readonly string[];
  narration: readonly string[];
}

/** One record per document, at the document's page: found by its title, masthead, narration and notes. */
export function documentSearchRecords(dataset: Pick<SearchDataset, 'documents' | 'speakers'>, textOf: (slug: string) => DocumentText): SearchRecord[] {
  const nameOf = speakerNames(dataset.speakers);
  return dataset.documents.map((document) => {
    const { masthead, narration } = textOf(document.slug);
    const outletName = nameOf(document.outlet);
    return {
      url: `/documents/${document.slug}/`,
      content: [document.title, ...masthead, ...narration].join(' '),
      language: 'en',
      meta: { title: document.title, outlet: outletName, date: document.date, kind: KIND_LABELS['document']! },
      filters: documentSearchFilters({ ...document, outletName }),
    };
  });
}

export interface FacetValue {
  value: string;
  /** Records with this value, before any search. */
  count: number;
}

/** Every value of each filter with its number of records, most frequent first (years: newest first), for the search form. */
export function searchFacets(filterSets: readonly SearchRecord['filters'][]): Record<SearchFilter, FacetValue[]> {
  const counts = Object.fromEntries(SEARCH_FILTERS.map((key) => [key, new Map<string, number>()])) as Record<SearchFilter, Map<string, number>>;
  for (const filters of filterSets) {
    for (const key of SEARCH_FILTERS) for (const value of filters[key] ?? []) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
  }
  return Object.fromEntries(
    SEARCH_FILTERS.map((key) => [
      key,
      [...counts[key]]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => (key === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value))),
    ]),
  ) as Record<SearchFilter, FacetValue[]>;
}
