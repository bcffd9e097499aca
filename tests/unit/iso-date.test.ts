import { describe, expect, it } from 'vitest';
import { datePrecision, formatIsoDate, isoDateProblem } from '../../src/lib/iso-date.ts';

describe('ISO dates', () => {
  it('accepts a day, a month and a year', () => {
    expect(isoDateProblem('2021-03-24')).toBeUndefined();
    expect(isoDateProblem('2020-09')).toBeUndefined();
    expect(isoDateProblem('2016')).toBeUndefined();
    expect(isoDateProblem('2024-02-29')).toBeUndefined();
  });

  it('refuses dates that do not exist, naming the reason', () => {
    expect(isoDateProblem('2021-02-30')).toBe('`2021-02-30` does not exist: 2021-02 has 28 days');
    expect(isoDateProblem('2023-02-29')).toMatch(/2023-02 has 28 days/);
    expect(isoDateProblem('2021-13')).toBe('`2021-13` has no month 13');
    expect(isoDateProblem('March 24, 2021')).toMatch(/is not an ISO date/);
  });

  it('formats each precision as the sources print dates', () => {
    expect(formatIsoDate('2021-03-04')).toBe('March 4, 2021');
    expect(formatIsoDate('2020-09')).toBe('September 2020');
    expect(formatIsoDate('2016')).toBe('2016');
    expect(datePrecision('2020-09')).toBe('month');
  });
});
