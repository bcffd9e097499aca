/**
 * The search page. The form works as a plain GET form; this script runs the
 * search in the browser with Pagefind, keeps the query and filters in the URL
 * (shareable, bookmarkable, back/forward), and updates the facet counts.
 * Pagefind itself is fetched only when there is something to search.
 */
import { formatIsoDate } from '../lib/iso-date.ts';
import { SEARCH_FILTERS, type SearchFilter } from '../lib/search-records.ts';
import { parsePassageSpans, passageExcerpts, type PassageExcerpt } from '../lib/search-passages.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  /** Word positions of the hits in `content`. */
  locations: number[];
  meta: Record<string, string | undefined>;
}

interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch | null>;
}

/** Results per page: each loads its own fragment, so the first page sets what a first search downloads. */
const PAGE_SIZE = 10;
/** Passages shown per result; the rest are counted and reached through the document. */
const PASSAGES_SHOWN = 3;
const EXCERPT_WORDS = 36;

interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string[]>>;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = params.getAll(key).filter((value) => value !== '');
    if (values.length > 0) filters[key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

export interface UnlistedFilter {
  key: SearchFilter;
  value: string;
}

/**
 * Splits a link's filters into those the form can show and those it cannot: a value no checkbox of its facet has
 * (a mistyped or stale link, a speaker's id instead of their name) would filter out every result while nothing on the
 * page shows it or lets the reader untick it. `isListed` answers `undefined` for a facet the form does not list
 * (`document`), whose values are kept as given.
 */
export function splitUnlisted(state: SearchState, isListed: (key: SearchFilter, value: string) => boolean | undefined): { state: SearchState; unlisted: UnlistedFilter[] } {
  const filters: SearchState['filters'] = {};
  const unlisted: UnlistedFilter[] = [];
  for (const key of SEARCH_FILTERS) {
    for (const value of state.filters[key] ?? []) {
      if (isListed(key, value) === false) unlisted.push({ key, value });
      else (filters[key] ??= []).push(value);
    }
  }
  return { state: { query: state.query, filters }, unlisted };
}

/** The status line's note on the filters left out of a link. */
export function unlistedNote(unlisted: readonly UnlistedFilter[]): string {
  if (unlisted.length === 0) return '';
  const named = unlisted.map(({ key, value }) => `${key} “${value}”`).join(', ');
  return unlisted.length === 1
    ? ` The link’s filter ${named} matches no value listed here and was left out.`
    : ` The link’s filters ${named} match no value listed here and were left out.`;
}

export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of SEARCH_FILTERS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

function pagefindFilters(filters: SearchState['filters'], without?: SearchFilter) {
  const result: Record<string, { any: string[] }> = {};
  for (const key of SEARCH_FILTERS) {
    const values = filters[key];
    if (key !== without && values && values.length > 0) result[key] = { any: values };
  }
  return result;
}

/** /pagefind/shards.json (search-index.ts). */
interface ShardManifest {
  merge: string[];
  /** Records of the last build's index that a rebuild's overlay replaced or removed, by id, with their filters. */
  superseded?: Record<string, Record<string, string[]>>;
}

/** The merged index, searched with the superseded records taken out of the results and the counts. */
interface SearchIndex {
  filters(): Promise<unknown>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch | null>;
}

/**
 * A rebuild may keep the last build's index and index only the changed records beside it (search-index-base.ts).
 * The old versions are still in the kept index: each is dropped from the results, and its filter values are taken
 * off the counts, which Pagefind made with it.
 */
export function withoutSuperseded(search: PagefindSearch, superseded: ShardManifest['superseded']): PagefindSearch {
  if (!superseded) return search;
  const filters = Object.fromEntries(Object.entries(search.filters).map(([key, counts]) => [key, { ...counts }]));
  const results = search.results.filter((result) => {
    const dropped = superseded[result.id];
    if (!dropped) return true;
    for (const [key, values] of Object.entries(dropped)) {
      for (const value of values) if (filters[key]?.[value] !== undefined) filters[key][value] -= 1;
    }
    return false;
  });
  return { results, filters };
}

let searchIndexPromise: Promise<SearchIndex> | undefined;
function loadSearchIndex(): Promise<SearchIndex> {
  searchIndexPromise ??= (async () => {
    // A runtime URL: the index is written after Astro bundles the scripts.
    const url = new URL('/pagefind/pagefind.js', location.href).href;
    // A large index is written in shards (search-index.ts); the manifest lists those to merge into the first.
    const [pagefind, shards] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      fetch(new URL('/pagefind/shards.json', location.href)).then((response) => response.json() as Promise<ShardManifest>),
    ]);
    // No web worker: searching this index takes milliseconds on the main thread, and the worker's script would be 12 KB more to fetch.
    await pagefind.options({ excerptLength: 40, noWorker: true });
    for (const shard of shards.merge) await pagefind.mergeIndex(shard, { excerptLength: 40, noWorker: true });
    return {
      filters: () => pagefind.filters(),
      search: async (query, options) => {
        const search = await pagefind.search(query, options);
        return search && withoutSuperseded(search, shards.superseded);
      },
    };
  })();
  return searchIndexPromise;
}

/** Pagefind's excerpt marks the hits with `<mark>`; only text and those marks are carried over. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild;
  const nodes: Node[] = [];
  parsed?.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ''));
    else if (node instanceof Element && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  });
  return nodes;
}

function formatDate(iso: string | undefined): string {
  return iso ? formatIsoDate(iso) : '';
}

/** The passage's URL with the query, so the page it lands on can highlight the words. */
export function passageHref(url: string, query: string): string {
  if (!query) return url;
  const [path, fragment] = url.split('#');
  return `${path}?hl=${encodeURIComponent(query)}${fragment ? `#${fragment}` : ''}`;
}

function passageParagraph(excerpt: PassageExcerpt): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  if (excerpt.cutBefore) paragraph.append('… ');
  excerpt.words.forEach((word, index) => {
    if (index > 0) paragraph.append(' ');
    if (word.hit) {
      const mark = document.createElement('mark');
      mark.textContent = word.text;
      paragraph.append(mark);
    } else paragraph.append(word.text);
  });
  if (excerpt.cutAfter) paragraph.append(' …');
  return paragraph;
}

function resultItem(data: PagefindResultData, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const isDocument = data.meta['kind'] === 'document';
  const [documentPath] = data.url.split('#');
  const excerpts = isDocument ? [] : passageExcerpts(data.content, data.locations, parsePassageSpans(data.meta['passages']), { length: EXCERPT_WORDS });
  const source = document.createElement('p');
  source.className = 'result-source';
  const link = document.createElement('a');
  // A hit Pagefind reports outside every passage cannot be placed: the link goes to the document, not to a passage that may not hold it.
  link.href = passageHref(isDocument || excerpts.length === 0 ? documentPath! : `${documentPath}#${excerpts[0]!.anchor}`, query);
  const when = formatDate(data.meta['date']);
  if (isDocument) {
    link.textContent = data.meta['title'] ?? data.url;
    source.append(link, ` · document · ${data.meta['outlet'] ?? ''}, ${when}`);
  } else {
    link.textContent = data.meta['speaker'] ?? 'Unattributed';
    const title = document.createElement('cite');
    title.textContent = data.meta['title'] ?? '';
    source.append(link, ` · ${data.meta['kind'] ?? 'statement'} · ${data.meta['outlet'] ?? ''}, ${when} · `, title);
  }
  item.append(source);
  if (isDocument || excerpts.length === 0) {
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
    return item;
  }
  for (const excerpt of excerpts.slice(0, PASSAGES_SHOWN)) {
    const quote = document.createElement('blockquote');
    quote.className = 'result-excerpt';
    quote.cite = new URL(`${documentPath}#${excerpt.anchor}`, location.href).href;
    const paragraph = passageParagraph(excerpt);
    const passageLink = document.createElement('a');
    passageLink.className = 'result-passage';
    passageLink.href = passageHref(`${documentPath}#${excerpt.anchor}`, query);
    passageLink.append(...paragraph.childNodes);
    paragraph.append(passageLink);
    quote.append(paragraph);
    item.append(quote);
  }
  const more = excerpts.length - PASSAGES_SHOWN;
  if (more > 0) {
    const rest = document.createElement('p');
    rest.className = 'result-more';
    const restLink = document.createElement('a');
    restLink.href = passageHref(documentPath!, query);
    restLink.textContent = `${more} more ${more === 1 ? 'passage' : 'passages'} in this document`;
    rest.append(restLink);
    item.append(rest);
  }
  return item;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !status || !list || !more) return;

  const checkboxes = () => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const formState = (): SearchState => {
    const state: SearchState = { query: input.value.trim(), filters: {} };
    for (const box of checkboxes()) {
      if (!box.checked) continue;
      const key = box.name as SearchFilter;
      (state.filters[key] ??= []).push(box.value);
    }
    // Filters given in the URL that the form does not list (e.g. `document`) are kept.
    const fromUrl = readState(location.search).filters;
    if (fromUrl.document && !form.querySelector('[data-facet="document"]')) state.filters.document = fromUrl.document;
    return state;
  };
  const showState = (state: SearchState) => {
    input.value = state.query;
    for (const box of checkboxes()) box.checked = (state.filters[box.name as SearchFilter] ?? []).includes(box.value);
  };

  const isListed = (key: SearchFilter, value: string): boolean | undefined => {
    const fieldset = form.querySelector(`fieldset[data-facet="${key}"]`);
    if (!fieldset) return undefined;
    return [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].some((box) => box.value === value);
  };
  /** The note on the link's unlisted filters, shown until the reader changes the search. */
  let note = '';
  const stateFromLocation = (): SearchState => {
    const { state, unlisted } = splitUnlisted(readState(location.search), isListed);
    note = unlistedNote(unlisted);
    // The address then shows the search the page runs, and a link copied from it carries no filter the page ignores.
    if (unlisted.length > 0) history.replaceState(history.state, '', `${location.pathname}${stateToSearch(state)}${location.hash}`);
    return state;
  };

  let generation = 0;
  let pending: PagefindSearch['results'] = [];
  /** The query of the results shown: the box may already hold words not yet searched for. */
  let shownQuery = '';

  const renderMore = async (query: string, run: number) => {
    const page = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (run !== generation) return;
    list.append(...data.map((item) => resultItem(item, query)));
    more.hidden = pending.length === 0;
  };

  let filtersLoaded: Promise<unknown> | undefined;
  const updateCounts = async (pagefind: SearchIndex, state: SearchState, run: number) => {
    // Pagefind counts only the filters whose index it has loaded; load them all once, after the first results show.
    filtersLoaded ??= pagefind.filters();
    await filtersLoaded;
    for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
      const key = fieldset.dataset['facet'] as SearchFilter;
      // OR within a facet: a value's count ignores the facet's own selection.
      const counts = (await pagefind.search(state.query || null, { filters: pagefindFilters(state.filters, key) }))?.filters[key] ?? {};
      if (run !== generation) return;
      for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        const count = box.closest('label')?.querySelector<HTMLElement>('.facet-count');
        if (!count) continue;
        const value = counts[box.value] ?? 0;
        count.textContent = `(${value})`;
        box.closest('li')?.classList.toggle('facet-empty', value === 0 && !box.checked);
      }
    }
  };

  const resetCounts = () => {
    for (const count of form.querySelectorAll<HTMLElement>('.facet-count')) count.textContent = `(${count.dataset['total']})`;
    for (const item of form.querySelectorAll('.facet-empty')) item.classList.remove('facet-empty');
  };

  const run = async (state: SearchState) => {
    const current = ++generation;
    const hasFilters = Object.keys(state.filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    if (!state.query && !hasFilters) {
      status.textContent = note.trim();
      resetCounts();
      return;
    }
    status.textContent = 'Searching…';
    const pagefind = await loadSearchIndex();
    const search = await pagefind.search(state.query || null, { filters: pagefindFilters(state.filters) });
    if (current !== generation || !search) return;
    pending = search.results;
    shownQuery = state.query;
    const count = search.results.length;
    const described = state.query ? `for “${state.query}”` : 'for these filters';
    status.textContent = (count === 0 ? `No results ${described}.` : `${count} ${count === 1 ? 'result' : 'results'} ${described}.`) + note;
    await renderMore(state.query, current);
    await updateCounts(pagefind, state, current);
  };

  const apply = (push: boolean) => {
    note = '';
    const state = formState();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void run(state);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => apply(false), 200);
  });
  input.addEventListener('focus', () => void loadSearchIndex(), { once: true });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[type="checkbox"]')) apply(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    apply(true);
  });
  more.addEventListener('click', () => void renderMore(shownQuery, generation));
  window.addEventListener('popstate', () => {
    const state = stateFromLocation();
    showState(state);
    void run(state);
  });

  const initial = stateFromLocation();
  showState(initial);
  void run(initial);
}
