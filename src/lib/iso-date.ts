/**
 * Calendar dates as the project writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * A date is kept as the string the author wrote (its precision is part of its
 * meaning: "September 2020" is not "2020-09-01"), and checked to exist.
 */

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

/** Why a string is not a usable ISO date, or `undefined` when it is one. */
export function isoDateProblem(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return `\`${value}\` is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const [, year, month, day] = match;
  if (month === undefined) return undefined;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return `\`${value}\` has no month ${month}`;
  if (day === undefined) return undefined;
  const lastDay = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > lastDay) {
    return `\`${value}\` does not exist: ${year}-${month} has ${lastDay} days`;
  }
  return undefined;
}

export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === undefined;
}

export function datePrecision(value: string): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "2021-03-24" → "March 24, 2021"; "2020-09" → "September 2020"; "2016" → "2016". */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return year ?? value;
  const monthName = MONTHS[Number(month) - 1];
  return day === undefined ? `${monthName} ${year}` : `${monthName} ${Number(day)}, ${year}`;
}
