/**
 * Finds the dates an English text names ("July 16, 2001", "March 22-23, 2021",
 * "September 2020", "in 2016", "yesterday", "last September", "the next
 * day"...) and resolves each to an HTML `datetime` value. Pure: no unified,
 * no clock; relative and year-less dates resolve against `context.anchor`.
 * All arithmetic is on UTC days.
 */
import { isoDateProblem } from '../iso-date.ts';

export interface DateContext {
  /** ISO day (YYYY-MM-DD) that relative and year-less dates resolve against: the document's date, or the date of the section (e.g. a press conference on March 23, 2021). */
  anchor: string;
  /** The most recent full day mentioned before this text in the same document, for "the next day"; undefined if none. */
  previousDay?: string | undefined;
}

export type DateKind = 'full' | 'range' | 'month' | 'year' | 'month-day' | 'relative';

export interface DateMention {
  /** Character offset in the text of the first word to wrap. */
  start: number;
  /** Character offset just after the last character to wrap. */
  end: number;
  /** A valid HTML datetime: YYYY, YYYY-MM, YYYY-MM-DD or an ISO week YYYY-Www. */
  datetime: string;
  /** For ranges: the ISO end day ("March 22-23, 2021" → until 2021-03-23). */
  until?: string;
  kind: DateKind;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const DAY_MS = 86_400_000;
/** A year-less date further than this after the anchor is taken to be last year's ("On December 28" in a January text). */
const YEARLESS_AHEAD_DAYS = 183;

const MONTH = `(${MONTH_NAMES.join('|')})`;
// "May" is also a verb: it is a month only when a day number or a year follows.
const MONTH_NOT_MAY = `(${MONTH_NAMES.filter((name) => name !== 'May').join('|')})`;
const START = '(?<![\\p{L}\\p{N}_])';
const STOP = '(?![\\p{L}\\p{N}_])';
const DASH = '\\s*[-\u2013]\\s*';
const DAY = '(\\d{1,2})';

type Resolved = { datetime: string; until?: string } | null;

interface Pattern {
  kind: DateKind;
  regex: RegExp;
  /** `null`: the words have the shape of a date that does not exist; they are claimed but not wrapped. */
  resolve: (match: RegExpExecArray, anchor: Day) => Resolved;
}

interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const pattern = (source: string) => new RegExp(source, 'gu');

const PATTERNS: Pattern[] = [
  {
    kind: 'range',
    regex: pattern(`${START}${MONTH}\\s+${DAY}${DASH}${DAY},\\s*(\\d{4})${STOP}`),
    resolve: (m, _anchor) => range(Number(m[4]), monthNumber(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    kind: 'full',
    regex: pattern(`${START}${MONTH}\\s+${DAY},\\s*(\\d{4})${STOP}`),
    resolve: (m) => day(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  },
  {
    kind: 'range',
    regex: pattern(`${START}${MONTH}\\s+${DAY}${DASH}${DAY}${STOP}`),
    resolve: (m, anchor) => {
      const month = monthNumber(m[1]);
      return range(yearFor(anchor, month, Number(m[2])), month, Number(m[2]), Number(m[3]));
    },
  },
  {
    kind: 'month-day',
    regex: pattern(`${START}${MONTH}\\s+${DAY}${STOP}`),
    resolve: (m, anchor) => {
      const month = monthNumber(m[1]);
      return day(yearFor(anchor, month, Number(m[2])), month, Number(m[2]));
    },
  },
  {
    kind: 'month',
    regex: pattern(`${START}${MONTH}\\s+((?:19|20)\\d{2})${STOP}`),
    resolve: (m) => ({ datetime: `${m[2]}-${pad(monthNumber(m[1]))}` }),
  },
  {
    kind: 'relative',
    regex: pattern(`${START}${MONTH_NOT_MAY}\\s+this\\s+year${STOP}`),
    resolve: (m, anchor) => ({ datetime: `${anchor.year}-${pad(monthNumber(m[1]))}` }),
  },
  {
    kind: 'relative',
    // "last March 22" is a day, not "last March".
    regex: pattern(`${START}[Ll]ast\\s+${MONTH_NOT_MAY}${STOP}(?!\\s*\\d)`),
    resolve: (m, anchor) => {
      const month = monthNumber(m[1]);
      const year = month < anchor.month ? anchor.year : anchor.year - 1;
      return { datetime: `${year}-${pad(month)}` };
    },
  },
  {
    kind: 'relative',
    regex: pattern(`${START}[Yy]esterday${STOP}`),
    resolve: (_m, anchor) => ({ datetime: isoDay(addDays(anchor, -1)) }),
  },
  {
    kind: 'relative',
    regex: pattern(`${START}[Tt]oday${STOP}`),
    resolve: (_m, anchor) => ({ datetime: isoDay(anchor) }),
  },
  {
    kind: 'relative',
    regex: pattern(`${START}[Ll]ast\\s+week${STOP}`),
    resolve: (_m, anchor) => ({ datetime: isoWeek(addDays(anchor, -7)) }),
  },
  {
    kind: 'relative',
    regex: pattern(`${START}([Ll]ast|[Tt]his)\\s+year${STOP}`),
    resolve: (m, anchor) => ({ datetime: String(m[1]?.toLowerCase() === 'last' ? anchor.year - 1 : anchor.year) }),
  },
  {
    kind: 'relative',
    regex: pattern(`${START}[Ee]arlier\\s+this\\s+month${STOP}`),
    resolve: (_m, anchor) => ({ datetime: `${anchor.year}-${pad(anchor.month)}` }),
  },
  {
    kind: 'year',
    // A year stands alone: not part of a number, a code ("COVID-19", "2021-03"), a reference ("No. 2016") or an amount.
    regex: pattern('(?<![\\p{L}\\p{N}_\\-\u2013/.#$\u20ac\u00a3])(?<!No\\.\\s*)((?:19|20)\\d{2})(?![\\p{L}\\p{N}_\\-\u2013/%]|[.,]\\d)'),
    resolve: (m) => ({ datetime: String(m[1]) }),
  },
];

/** "the next day" depends on the day mentioned before it, so it is resolved in reading order. */
const NEXT_DAY = pattern(`${START}[Tt]he\\s+next\\s+day${STOP}`);

interface Candidate {
  start: number;
  end: number;
  kind: DateKind;
  resolved: Resolved | 'next-day';
}

/** The dates `text` names, sorted by position, never overlapping (the longest words win). */
export function findDates(text: string, context: DateContext): DateMention[] {
  const anchor = parseDay(context.anchor);
  if (!anchor) throw new RangeError(`findDates: anchor \`${context.anchor}\` is not an ISO day (YYYY-MM-DD)`);

  const candidates: Candidate[] = [];
  for (const { kind, regex, resolve } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      candidates.push({ start: match.index, end: match.index + match[0].length, kind, resolved: resolve(match, anchor) });
    }
  }
  for (const match of text.matchAll(NEXT_DAY)) {
    candidates.push({ start: match.index, end: match.index + match[0].length, kind: 'relative', resolved: 'next-day' });
  }

  // Longest first, then leftmost; a date that does not exist still claims its words
  // ("February 30, 2021" is not read as the year 2021).
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);

  const mentions: DateMention[] = [];
  let previousDay = context.previousDay;
  for (const { start, end, kind, resolved } of kept) {
    let value: Resolved;
    if (resolved === 'next-day') {
      const previous = previousDay === undefined ? undefined : parseDay(previousDay);
      value = previous ? { datetime: isoDay(addDays(previous, 1)) } : null;
    } else {
      value = resolved;
    }
    if (value === null) continue;
    const mention: DateMention = { start, end, datetime: value.datetime, kind };
    if (value.until !== undefined) mention.until = value.until;
    mentions.push(mention);
    previousDay = lastDayMentioned(mention) ?? previousDay;
  }
  return mentions;
}

/**
 * The last calendar day a mention names, for "the next day" after it: a full
 * or year-less day, the end of a range, "yesterday"/"today"/"the next day".
 * `undefined` for months, years and weeks.
 */
export function lastDayMentioned(mention: DateMention): string | undefined {
  if (mention.until !== undefined) return mention.until;
  return parseDay(mention.datetime) ? mention.datetime : undefined;
}

function monthNumber(name: string | undefined): number {
  return MONTH_NAMES.indexOf(name as (typeof MONTH_NAMES)[number]) + 1;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDay({ year, month, day }: Day): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function parseDay(value: string): Day | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDateProblem(value) !== undefined) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

function day(year: number, month: number, dayNumber: number): Resolved {
  const value = isoDay({ year, month, day: dayNumber });
  return isoDateProblem(value) === undefined ? { datetime: value } : null;
}

function range(year: number, month: number, first: number, last: number): Resolved {
  const start = day(year, month, first);
  const end = day(year, month, last);
  if (!start || !end || last <= first) return null;
  return { datetime: start.datetime, until: end.datetime };
}

function toTime({ year, month, day: dayNumber }: Day): number {
  return Date.UTC(year, month - 1, dayNumber);
}

function fromTime(time: number): Day {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(value: Day, days: number): Day {
  return fromTime(toTime(value) + days * DAY_MS);
}

/** The anchor's year, or the year before when the date would fall well after the anchor. */
function yearFor(anchor: Day, month: number, dayNumber: number): number {
  // Day 1 stands in for an impossible day so the year is still chosen; the date itself is then refused.
  const safeDay = isoDateProblem(isoDay({ year: anchor.year, month, day: dayNumber })) === undefined ? dayNumber : 1;
  const ahead = (toTime({ year: anchor.year, month, day: safeDay }) - toTime(anchor)) / DAY_MS;
  return ahead > YEARLESS_AHEAD_DAYS ? anchor.year - 1 : anchor.year;
}

/** The ISO 8601 week ("2021-W04") a day falls in: the week belongs to the year of its Thursday. */
function isoWeek(value: Day): string {
  const time = toTime(value);
  const weekday = new Date(time).getUTCDay() || 7;
  const thursday = time + (4 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}
