/**
 * Search records: one per statement, built from the open dataset (/data/*.json)
 * so that search and data can never disagree. Pagefind indexes them as custom
 * records (its sub-results follow headings only, and a speaker filter must
 * select passages, not pages). Documents are indexed from their pages, with
 * their statements excluded, so every word is in exactly one record.
 *
 * The filter keys and their values are part of the site's public contract:
 * `/search/?speaker=…` links are shared and bookmarked.
 */
/** Filter keys, in the order the search page shows them. */
import { joinNames } from './citations.ts';

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
  /** Site path with the statement's `#fragment`. */
  url: string;
  /** The statement's words as printed. */
  content: string;
  language: 'en';
  /** Shown with each result. */
  meta: Record<string, string>;
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: { date: string };
}

/** The parts of /data/statements.json, documents.json and speakers.json that search needs. */
export interface SearchDataset {
  statements: readonly { url: string; document: string; speakers: readonly string[]; kind: string; text: string }[];
  documents: readonly { slug: string; title: string; date: string; outlet: string }[];
  speakers: readonly { id: string; name: string }[];
}

export function statementSearchRecords(dataset: SearchDataset): SearchRecord[] {
  const names = new Map(dataset.speakers.map((speaker) => [speaker.id, speaker.name]));
  const documents = new Map(dataset.documents.map((document) => [document.slug, document]));
  const nameOf = (id: string) => {
    const name = names.get(id);
    if (name === undefined) throw new Error(`search records: unknown speaker id \`${id}\` in /data/statements.json`);
    return name;
  };
  return dataset.statements.map((statement) => {
    const document = documents.get(statement.document);
    if (!document) throw new Error(`search records: unknown document \`${statement.document}\` in /data/statements.json`);
    const speakers = statement.speakers.map(nameOf);
    const outlet = nameOf(document.outlet);
    const kind = KIND_LABELS[statement.kind] ?? statement.kind;
    const filters: SearchRecord['filters'] = { outlet: [outlet], year: [document.date.slice(0, 4)], kind: [kind], document: [document.title] };
    // An unattributed statement has no speaker value: a speaker filter never returns a passage the rules could not attribute.
    if (speakers.length > 0) filters.speaker = speakers;
    return {
      url: statement.url,
      content: statement.text,
      language: 'en',
      meta: {
        title: document.title,
        speaker: speakers.length > 0 ? joinNames(speakers, { serialComma: false }) : 'Unattributed',
        outlet,
        date: document.date,
        kind,
      },
      filters,
      sort: { date: document.date },
    };
  });
}

/** The filters of a document's own record (set on its page by `data-pagefind-filter`). */
export function documentSearchFilters(document: { title: string; date: string; outletName: string }): SearchRecord['filters'] {
  return { outlet: [document.outletName], year: [document.date.slice(0, 4)], kind: [KIND_LABELS['document']!], document: [document.title] };
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
