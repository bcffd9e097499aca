/**
 * Long lists split into numbered pages of a fixed size, as a reader pages
 * through them: the first page at the list's own address, the next ones at
 * `<base>2/`, `<base>3/`, … A speaker's statements grow with the corpus (at
 * 1,000 synthetic documents one speaker had 11,370, a 12 MB page), so their
 * pages hold a fixed number each.
 */

/** Statements on one page of a speaker's list. */
export const SPEAKER_PAGE_SIZE = 50;

/** Documents on one page of the home page's list (the next pages are `/page/2/`, …). */
export const DOCUMENT_PAGE_SIZE = 50;

/** `items` cut into pages of `size`, in order; an empty list is one empty page (the first page always exists). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`paginate: the page size must be a positive integer, not ${size}`);
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/** The address of page `page` (1-based) of the list at `base` (which ends with a slash): the next pages below it. */
export function pageHref(base: string, page: number): string {
  return page === 1 ? base : `${base}${page}/`;
}

/** The home page's list of documents: `/`, then `/page/2/`, … (`/2/` would sit among the site's sections). */
export function documentListHref(page: number): string {
  return page === 1 ? '/' : `/page/${page}/`;
}

/** Where a page is among the others, for its navigation and its heading. */
export interface PagePosition {
  /** 1-based. */
  page: number;
  pages: number;
  /** Items on all pages. */
  total: number;
  /** 1-based positions of this page's first and last item (0 and 0 on an empty list). */
  first: number;
  last: number;
  previous?: string;
  next?: string;
}

/** Page `page` of `pages`, holding up to `size` of `total` items; `hrefOf` gives a page's address. */
export function pagePosition(hrefOf: (page: number) => string, page: number, pages: number, total: number, size: number): PagePosition {
  return {
    page,
    pages,
    total,
    first: total === 0 ? 0 : (page - 1) * size + 1,
    last: Math.min(page * size, total),
    ...(page > 1 ? { previous: hrefOf(page - 1) } : {}),
    ...(page < pages ? { next: hrefOf(page + 1) } : {}),
  };
}
