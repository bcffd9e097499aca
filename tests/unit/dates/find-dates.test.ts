import { describe, expect, it } from 'vitest';
import { findDates, lastDayMentioned, type DateContext } from '../../../src/lib/dates/find-dates.ts';

/** What a reader would check: the words wrapped and what they resolve to. */
function found(text: string, context: DateContext) {
  return findDates(text, context).map(({ start, end, datetime, until, kind }) => ({
    words: text.slice(start, end),
    datetime,
    ...(until === undefined ? {} : { until }),
    kind,
  }));
}

const MEMRI = { anchor: '2021-03-24' };

describe('findDates: dates as the texts print them', () => {
  it.each([
    [
      'a range with its year (MEMRI)',
      'On March 22-23, 2021, Chinese Foreign Minister Wang Yi met with his Russian counterpart',
      MEMRI,
      [{ words: 'March 22-23, 2021', datetime: '2021-03-22', until: '2021-03-23', kind: 'range' }],
    ],
    [
      'a range without a year takes the anchor’s year (MEMRI)',
      'this meeting took place soon after the March 18-19 U.S.-China meeting in Anchorage',
      MEMRI,
      [{ words: 'March 18-19', datetime: '2021-03-18', until: '2021-03-19', kind: 'range' }],
    ],
    [
      'a range written with an en dash',
      'press conferences of March 22\u201323, 2021.',
      MEMRI,
      [{ words: 'March 22\u201323, 2021', datetime: '2021-03-22', until: '2021-03-23', kind: 'range' }],
    ],
    [
      'a full date (MEMRI, the treaty)',
      "between the Russian Federation and the People's Republic of China, signed July 16, 2001.",
      MEMRI,
      [{ words: 'July 16, 2001', datetime: '2001-07-16', kind: 'full' }],
    ],
    [
      'a full date in a note',
      'See MEMRI Inquiry and Analysis No. 1536, For China, Human Rights Cannot Be Universal, October 19, 2021.',
      MEMRI,
      [{ words: 'October 19, 2021', datetime: '2021-10-19', kind: 'full' }],
    ],
    [
      'a full date followed by "local time" (MFA 2023)',
      'On September 18, 2023 local time, Member of the Political Bureau',
      { anchor: '2023-09-19' },
      [{ words: 'September 18, 2023', datetime: '2023-09-18', kind: 'full' }],
    ],
    [
      'a month and year',
      'Minister Wang visited Russia in September 2020.',
      MEMRI,
      [{ words: 'September 2020', datetime: '2020-09', kind: 'month' }],
    ],
    [
      'a year before a noun',
      'We reaffirm the 2016 Declaration of the Russian Federation',
      MEMRI,
      [{ words: '2016', datetime: '2016', kind: 'year' }],
    ],
    [
      'a year after "in", and "last year" in the same sentence (The Diplomat)',
      'high-level Chinese delegations in 2020 despite the global pandemic, with Wang and Lavrov having eight phone calls and two meetings last year.',
      { anchor: '2021-03-23' },
      [
        { words: '2020', datetime: '2020', kind: 'year' },
        { words: 'last year', datetime: '2020', kind: 'relative' },
      ],
    ],
    [
      'a day without a year takes the anchor’s year (MEMRI)',
      '"On March 22, President Vladimir Putin chaired a meeting on vaccine production',
      { anchor: '2021-03-23' },
      [{ words: 'March 22', datetime: '2021-03-22', kind: 'month-day' }],
    ],
    [
      'a day without a year well after the anchor is last year’s',
      'On December 28, the two ministers spoke by phone.',
      { anchor: '2021-02-04' },
      [{ words: 'December 28', datetime: '2020-12-28', kind: 'month-day' }],
    ],
    [
      'a day without a year a few months after the anchor stays in its year',
      'The summit is planned for June 10.',
      { anchor: '2021-03-24' },
      [{ words: 'June 10', datetime: '2021-06-10', kind: 'month-day' }],
    ],
    [
      '"yesterday" is the day before the anchor (MEMRI, press conference of March 23)',
      'met with Russian Foreign Minister Sergey Lavrov in Guilin, Guangxi yesterday. Can you give us more details?',
      { anchor: '2021-03-23' },
      [{ words: 'yesterday', datetime: '2021-03-22', kind: 'relative' }],
    ],
    [
      '"today" is the anchor',
      'I am confident that today we will take one more step',
      { anchor: '2021-03-23' },
      [{ words: 'today', datetime: '2021-03-23', kind: 'relative' }],
    ],
    [
      '"last week" is the ISO week before the anchor’s (MFA, Davos Agenda week)',
      'Last week, Chinese President Xi Jinping and Russian President Vladimir Putin delivered speeches',
      { anchor: '2021-02-04' },
      [{ words: 'Last week', datetime: '2021-W04', kind: 'relative' }],
    ],
    [
      '"last week" across a year boundary',
      'They spoke last week.',
      { anchor: '2021-01-06' },
      [{ words: 'last week', datetime: '2020-W53', kind: 'relative' }],
    ],
    [
      '"this year" is the anchor’s year',
      '"This year marks the 20th anniversary of the signing of the Treaty',
      { anchor: '2021-03-23' },
      [{ words: 'This year', datetime: '2021', kind: 'relative' }],
    ],
    [
      '"last September" is the September before the anchor (MEMRI)',
      "six months after State Councilor Wang's visit to Russia last September.",
      { anchor: '2021-03-23' },
      [{ words: 'last September', datetime: '2020-09', kind: 'relative' }],
    ],
    [
      '"last February" in March is this year’s February',
      'They met last February.',
      { anchor: '2021-03-23' },
      [{ words: 'last February', datetime: '2021-02', kind: 'relative' }],
    ],
    [
      '"last March" in March is the year before',
      'They met last March.',
      { anchor: '2021-03-23' },
      [{ words: 'last March', datetime: '2020-03', kind: 'relative' }],
    ],
    [
      '"in March this year" wraps "March this year" (MFA 2023)',
      'Sergei Lavrov said that in March this year, President Xi Jinping paid a successful visit to Russia',
      { anchor: '2023-09-19' },
      [{ words: 'March this year', datetime: '2023-03', kind: 'relative' }],
    ],
    [
      '"earlier this month" is the anchor’s month (The Diplomat)',
      'the International Lunar Research Station (ILRS) – earlier this month.',
      { anchor: '2021-03-23' },
      [{ words: 'earlier this month', datetime: '2021-03', kind: 'relative' }],
    ],
    [
      '"the next day" follows the day named before it in the same text (The Diplomat)',
      'Lavrov told Chinese media on March 22. “We want the architecture of international relations to be fair,” Lavrov added the next day.',
      { anchor: '2021-03-23' },
      [
        { words: 'March 22', datetime: '2021-03-22', kind: 'month-day' },
        { words: 'the next day', datetime: '2021-03-23', kind: 'relative' },
      ],
    ],
    [
      '"the next day" follows the previous day of the document',
      'Lavrov added the next day.',
      { anchor: '2021-03-23', previousDay: '2021-02-28' },
      [{ words: 'the next day', datetime: '2021-03-01', kind: 'relative' }],
    ],
    [
      '"the next day" after a range follows its last day',
      'They met on March 22-23, 2021, and the next day he left.',
      MEMRI,
      [
        { words: 'March 22-23, 2021', datetime: '2021-03-22', until: '2021-03-23', kind: 'range' },
        { words: 'the next day', datetime: '2021-03-24', kind: 'relative' },
      ],
    ],
    [
      '"May" followed by a day is a month',
      'The statement was signed on May 4, 2021.',
      MEMRI,
      [{ words: 'May 4, 2021', datetime: '2021-05-04', kind: 'full' }],
    ],
    [
      '"May" before "this year" is not a month; "this year" still is a year',
      'they may meet in May this year.',
      MEMRI,
      [{ words: 'this year', datetime: '2021', kind: 'relative' }],
    ],
    [
      'a leap day that exists',
      'Signed February 29, 2024.',
      { anchor: '2024-03-01' },
      [{ words: 'February 29, 2024', datetime: '2024-02-29', kind: 'full' }],
    ],
  ])('%s', (_case, text, context, expected) => {
    expect(found(text, context)).toEqual(expected);
  });

  it('sorts several dates by position and keeps the year of a full date inside it', () => {
    const text = 'On March 23, 2021, the two sides will continue talks; the plan of consultations for 2021 was signed.';
    expect(found(text, MEMRI)).toEqual([
      { words: 'March 23, 2021', datetime: '2021-03-23', kind: 'full' },
      { words: '2021', datetime: '2021', kind: 'year' },
    ]);
    const [first, second] = findDates(text, MEMRI);
    expect(text.slice(first?.start, first?.end)).toBe('March 23, 2021');
    expect(second?.start).toBe(text.lastIndexOf('2021'));
  });
});

describe('findDates: words that are not dates', () => {
  it.each([
    ['a report number', 'MEMRI Special Dispatch No. 9252'],
    ['a report number that looks like a year', 'See MEMRI Inquiry and Analysis No. 2016.'],
    ['a disease name', 'since the outbreak of the COVID-19 pandemic'],
    ['another report number', 'MEMRI Inquiry and Analysis No. 1536, For China'],
    ['"to this day"', 'This interaction continues to this day, including in the sphere of vaccine production'],
    ['"May" as a verb', 'May we continue this work together.'],
    ['a date that does not exist', 'Signed February 30, 2021.'],
    ['a range that runs backwards', 'Held March 23-22, 2021.'],
    ['a month name in lower case', 'the march 22 rally'],
    ['"the next day" with no day before it', 'Lavrov added the next day.'],
    ['ordinals and counts', 'for the 51st time, the 25th meeting, in the past 12 months, the 20th anniversary'],
    ['a number glued to a year', 'a budget of 12021 and version 2.2021'],
  ])('%s', (_case, text) => {
    expect(found(text, MEMRI)).toEqual([]);
  });
});

describe('findDates: the anchor', () => {
  it('refuses an anchor that is not a day', () => {
    expect(() => findDates('yesterday', { anchor: '2021-03' })).toThrow(RangeError);
    expect(() => findDates('yesterday', { anchor: '2021-02-30' })).toThrow(/not an ISO day/);
  });

  it('resolves the same words differently for different anchors', () => {
    expect(found('yesterday', { anchor: '2021-03-01' })).toEqual([{ words: 'yesterday', datetime: '2021-02-28', kind: 'relative' }]);
    expect(found('yesterday', { anchor: '2024-03-01' })).toEqual([{ words: 'yesterday', datetime: '2024-02-29', kind: 'relative' }]);
  });
});

describe('lastDayMentioned', () => {
  it('names the last day of days and ranges, nothing for months, years and weeks', () => {
    const days = findDates('March 22-23, 2021; July 16, 2001; yesterday; September 2020; 2016; last week', MEMRI).map(lastDayMentioned);
    expect(days).toEqual(['2021-03-23', '2001-07-16', '2021-03-23', undefined, undefined, undefined]);
  });
});
