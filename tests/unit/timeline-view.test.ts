/** The timeline page's view of an entry (src/lib/timeline.ts): its lists cut to the inline share, the full counts kept. */
import { describe, expect, it } from 'vitest';
import { TIMELINE_INLINE, timelineEntryHref, timelineView, type TimelineDocument, type TimelineEntry } from '../../src/lib/timeline.ts';

const document = (index: number): TimelineDocument => ({ slug: `d-${index}`, href: `/documents/d-${index}/`, title: `D${index}`, outlet: 'MEMRI', date: '2021-03-23', eventDates: [] });
const entry = (documents: number, mentions: number): TimelineEntry => ({
  key: 'guilin-talks-2021',
  datetime: '2021-03-22',
  label: 'March 22–23, 2021',
  published: Array.from({ length: documents }, (_, index) => document(index)),
  reportedIn: [],
  mentions: Array.from({ length: mentions }, (_, index) => ({ href: `/documents/d-0/#t-${index}`, document: document(0), words: 'March 23', context: `context ${index}` })),
});

describe('timelineView', () => {
  it('leaves an entry within the inline share whole, with no page of its own', () => {
    const small = entry(3, TIMELINE_INLINE);
    expect(timelineView(small)).toEqual({ entry: small, counts: { published: 3, reportedIn: 0, documents: 3, mentions: TIMELINE_INLINE } });
  });

  it('cuts each longer list to its first items, keeps the counts, and names the entry’s page', () => {
    const big = entry(400, 3000);
    const view = timelineView(big);
    expect(view.entry.published).toEqual(big.published.slice(0, TIMELINE_INLINE));
    expect(view.entry.mentions).toEqual(big.mentions.slice(0, TIMELINE_INLINE));
    expect(view.counts).toEqual({ published: 400, reportedIn: 0, documents: 400, mentions: 3000 });
    expect(view.page).toBe('/timeline/guilin-talks-2021/');
    expect(timelineEntryHref(big)).toBe(view.page);
    // The entry's own page: everything.
    expect(timelineView(big, Number.POSITIVE_INFINITY).entry).toEqual(big);
  });

  it('counts a document once when it is both published on the day and reports the event', () => {
    const both = { ...entry(30, 0), reportedIn: [document(0), document(1), document(99)] };
    expect(timelineView(both).counts).toEqual({ published: 30, reportedIn: 3, documents: 31, mentions: 0 });
  });
});
