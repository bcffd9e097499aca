/**
 * The timeline: documents by publication date and the events the texts speak
 * of, derived from the dates tagged in them (remark-dates) and named by
 * content/events.yaml. A pure function over plain data.
 */
import { formatIsoDate } from './iso-date.ts';
import type { TimelineEvent } from './schema.ts';

export interface TimelineDocument {
  slug: string;
  href: string;
  title: string;
  outlet: string;
  date: string;
  eventDates: string[];
}

export interface TimelineMention {
  /** The `id` of the `<time>` element. */
  id: string;
  datetime: string;
  until?: string | undefined;
  text: string;
  context: string;
  inNote: boolean;
}

export interface MentionLink {
  href: string;
  document: TimelineDocument;
  words: string;
  context: string;
}

export interface TimelineEntry {
  /** Anchor on the timeline page. */
  key: string;
  /** ISO start (day, month, year, or week `YYYY-Www`), for `<time datetime>`. */
  datetime: string;
  until?: string | undefined;
  label: string;
  event?: TimelineEvent | undefined;
  published: TimelineDocument[];
  reportedIn: TimelineDocument[];
  mentions: MentionLink[];
}

/**
 * Documents, and passages, the timeline page lists under an entry. An entry with more (a day many outlets wrote
 * about: in the 1,000-document benchmark corpus one day had 400 documents and thousands of mentions, and the page
 * was 2.8 MB) lists the first of each there and all of them on a page of its own, `/timeline/<key>/`.
 */
export const TIMELINE_INLINE = 25;

/** An entry as the timeline page shows it: its lists cut to `TIMELINE_INLINE`, with the full counts. */
export interface TimelineEntryView {
  entry: TimelineEntry;
  /** `documents`: the distinct documents of both lists (a readout published on the day of the meeting it reports is in both). */
  counts: { published: number; reportedIn: number; documents: number; mentions: number };
  /** The entry's own page, when a list was cut. */
  page?: string;
}

export function timelineEntryHref(entry: Pick<TimelineEntry, 'key'>): string {
  return `/timeline/${entry.key}/`;
}

/** The entry with each list cut to `limit`; `page` names where the whole entry is when one was cut. */
export function timelineView(entry: TimelineEntry, limit = TIMELINE_INLINE): TimelineEntryView {
  const documents = new Set([...entry.published, ...entry.reportedIn].map((document) => document.href)).size;
  const counts = { published: entry.published.length, reportedIn: entry.reportedIn.length, documents, mentions: entry.mentions.length };
  if (Math.max(counts.published, counts.reportedIn, counts.mentions) <= limit) return { entry, counts };
  return {
    entry: { ...entry, published: entry.published.slice(0, limit), reportedIn: entry.reportedIn.slice(0, limit), mentions: entry.mentions.slice(0, limit) },
    counts,
    page: timelineEntryHref(entry),
  };
}

/** First and last day an ISO date of any precision covers (weeks included). */
export function dayRange(datetime: string, until?: string): [string, string] {
  const week = /^(\d{4})-W(\d{2})$/u.exec(datetime);
  if (week) {
    const year = Number(week[1]);
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
  }
  const start = datetime.length === 4 ? `${datetime}-01-01` : datetime.length === 7 ? `${datetime}-01` : datetime;
  const last = until ?? datetime;
  let end = last;
  if (last.length === 4) end = `${last}-12-31`;
  else if (last.length === 7) {
    const [year, month] = last.split('-').map(Number);
    end = `${last}-${String(new Date(Date.UTC(year!, month!, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return [start, end];
}

function labelFor(datetime: string, until?: string): string {
  const week = /^(\d{4})-W(\d{2})$/u.exec(datetime);
  if (week) return `Week ${Number(week[2])} of ${week[1]}`;
  if (!until || until === datetime) return formatIsoDate(datetime);
  return `${formatIsoDate(datetime)} – ${formatIsoDate(until)}`;
}

/** A mention belongs to an event when it falls within the event, or is a week that contains it. */
export function eventFor(mention: { datetime: string; until?: string | undefined }, events: readonly TimelineEvent[]): TimelineEvent | undefined {
  const [start, end] = dayRange(mention.datetime, mention.until);
  const isWeek = mention.datetime.includes('W');
  return events.find((event) => {
    const [eventStart, eventEnd] = dayRange(event.date, event.until);
    return (start >= eventStart && end <= eventEnd) || (isWeek && eventStart >= start && eventEnd <= end);
  });
}

export function buildTimeline(
  documents: readonly { document: TimelineDocument; mentions: readonly TimelineMention[] }[],
  events: readonly TimelineEvent[],
): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry>();
  const entryFor = (datetime: string, until: string | undefined, event: TimelineEvent | undefined): TimelineEntry => {
    const key = event ? event.id : `d-${datetime}${until ? `--${until}` : ''}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, datetime: event?.date ?? datetime, until: event?.until ?? until, label: labelFor(event?.date ?? datetime, event?.until ?? until), event, published: [], reportedIn: [], mentions: [] };
      entries.set(key, entry);
    }
    return entry;
  };

  for (const event of events) entryFor(event.date, event.until, event);
  for (const { document, mentions } of documents) {
    // A document published on the day of a one-day event joins that event's entry: one entry per day.
    const sameDayEvent = events.find((event) => event.date === document.date && (event.until === undefined || event.until === event.date));
    entryFor(document.date, undefined, sameDayEvent).published.push(document);
    for (const eventDate of document.eventDates) {
      const entry = entryFor(eventDate, undefined, eventFor({ datetime: eventDate }, events));
      if (!entry.reportedIn.includes(document)) entry.reportedIn.push(document);
    }
    // Notes give the dates of cited sources, not of events the text speaks of.
    for (const mention of mentions.filter((candidate) => !candidate.inNote)) {
      const entry = entryFor(mention.datetime, mention.until, eventFor(mention, events));
      entry.mentions.push({ href: `${document.href}#${mention.id}`, document, words: mention.text, context: mention.context });
    }
  }
  return [...entries.values()].sort((a, b) => {
    const [aStart, aEnd] = dayRange(a.datetime, a.until);
    const [bStart, bEnd] = dayRange(b.datetime, b.until);
    return aStart.localeCompare(bStart) || aEnd.localeCompare(bEnd) || a.key.localeCompare(b.key);
  });
}
