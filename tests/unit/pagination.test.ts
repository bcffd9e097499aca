/** Long lists in pages (src/lib/pagination.ts): every item on exactly one page, in order, and each page's place. */
import { describe, expect, it } from 'vitest';
import { documentListHref, pageHref, pagePosition, paginate } from '../../src/lib/pagination.ts';

describe('paginate', () => {
  it('cuts a list into pages of the size, the last one shorter, keeping the order', () => {
    const items = Array.from({ length: 11 }, (_, index) => index);
    const pages = paginate(items, 5);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 1]);
    expect(pages.flat()).toEqual(items);
    expect(paginate(items.slice(0, 10), 5).map((page) => page.length)).toEqual([5, 5]);
  });

  it('gives an empty list one empty page, and refuses a size that is not a positive integer', () => {
    expect(paginate([], 50)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(/positive integer/u);
    expect(() => paginate([1], 2.5)).toThrow(/positive integer/u);
  });
});

describe('pageHref and pagePosition', () => {
  const hrefOf = (page: number) => pageHref('/s/x/', page);
  it('puts page 1 at the list’s own address and the others below it', () => {
    expect(pageHref('/speakers/wang-yi/', 1)).toBe('/speakers/wang-yi/');
    expect(pageHref('/speakers/wang-yi/', 3)).toBe('/speakers/wang-yi/3/');
    expect(documentListHref(1)).toBe('/');
    expect(documentListHref(2)).toBe('/page/2/');
  });

  it('says which items a page holds and links its neighbours', () => {
    expect(pagePosition(hrefOf, 1, 3, 120, 50)).toEqual({ page: 1, pages: 3, total: 120, first: 1, last: 50, next: '/s/x/2/' });
    expect(pagePosition(hrefOf, 2, 3, 120, 50)).toEqual({ page: 2, pages: 3, total: 120, first: 51, last: 100, previous: '/s/x/', next: '/s/x/3/' });
    expect(pagePosition(hrefOf, 3, 3, 120, 50)).toEqual({ page: 3, pages: 3, total: 120, first: 101, last: 120, previous: '/s/x/2/' });
    expect(pagePosition(hrefOf, 1, 1, 0, 50)).toEqual({ page: 1, pages: 1, total: 0, first: 0, last: 0 });
  });
});
