/**
 * Calendar arithmetic for the demo world's business values (invoice dates,
 * vacation days, statement months...). Everything is computed in UTC from
 * the seed clock, so the same clock gives the same world on any machine,
 * whatever its time zone, and the world reads as current on any day.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `YYYY-MM-DD` of a moment in UTC: the value form-js date fields expect. */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a moment in UTC. */
export function isoMonth(at: number): string {
  return isoDate(at).slice(0, 7);
}

/** The four-digit year of a moment in UTC. */
export function yearOf(at: number): string {
  return isoDate(at).slice(0, 4);
}

/** The English name of a moment's month in UTC, e.g. `April`. */
export function monthName(at: number): string {
  return MONTH_NAMES[new Date(at).getUTCMonth()] ?? '';
}

/** The calendar quarter (1-4) of a moment in UTC. */
export function quarterOf(at: number): number {
  return Math.floor(new Date(at).getUTCMonth() / 3) + 1;
}

/**
 * The same time of day `months` months later (earlier when negative). The
 * day of the month is clamped to the target month's length, so 31 January
 * plus one month is the last day of February rather than early March.
 */
export function shiftMonths(at: number, months: number): number {
  const date = new Date(at);
  const target = new Date(at);
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}

/** The last `count` calendar months up to and including `at`'s, oldest first. */
export function monthsUpTo(at: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    isoMonth(shiftMonths(at, i - count + 1)),
  );
}

/** Midnight UTC of the Monday of the week that contains `at`. */
function mondayOf(at: number): number {
  const date = new Date(at);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return (
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
    sinceMonday * DAY
  );
}

const isWeekend = (at: number) => [0, 6].includes(new Date(at).getUTCDay());

/** A stretch of working days (Monday to Friday; public holidays are not modelled). */
export interface WorkdaySpan {
  firstDay: string;
  lastDay: string;
  workingDays: number;
}

/**
 * `workingDays` working days starting on weekday `firstWeekday` (0 Monday …
 * 4 Friday) of the week `weeksAhead` weeks after the week of `now`. With
 * `weeksAhead >= 1` the first day always lies after `now`.
 */
export function workdaySpan(
  now: number,
  weeksAhead: number,
  firstWeekday: number,
  workingDays: number,
): WorkdaySpan {
  const first = mondayOf(now) + (weeksAhead * 7 + firstWeekday) * DAY;
  let last = first;
  for (let counted = 1; counted < workingDays;) {
    last += DAY;
    if (!isWeekend(last)) counted += 1;
  }
  return { firstDay: isoDate(first), lastDay: isoDate(last), workingDays };
}

/** A zero-padded running number, as in invoice and contract numbers. */
export const serial = (n: number, width = 4) => String(n).padStart(width, '0');
