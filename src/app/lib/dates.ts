/**
 * Date helpers for Tasklist's two timestamp styles: `creationTime` uses
 * `2023-03-03T14:16:18.441+0000` (offset without a colon), the DateTime scalar
 * uses RFC 3339. Everything is shown in the browser's time zone and in the
 * formats of the language passed in (through `Intl`, never hand-built).
 */
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Parses either Tasklist timestamp style; null for missing or invalid input. */
export function parseTasklistDate(
  value: string | null | undefined,
): Date | null {
  if (!value) return null;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

function startOfDay(date: Date): number {
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
  ).getTime();
}

/** Calendar days from `now` to `date`: 0 today, -1 yesterday, 1 tomorrow. */
export function calendarDaysFrom(date: Date, now: Date = new Date()): number {
  return Math.round((startOfDay(date) - startOfDay(now)) / DAY_MS);
}

// Intl formatters are costly to build and cheap to reuse: one per language.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const made = make();
  cache.set(key, made);
  return made;
}

const dateTimeFormat = (
  locale: string,
  style: 'time' | 'date' | 'date-time',
): Intl.DateTimeFormat =>
  cached(
    `${locale}:${style}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        ...(style === 'time'
          ? {}
          : { day: 'numeric', month: 'short', year: 'numeric' }),
        ...(style === 'date' ? {} : { hour: 'numeric', minute: '2-digit' }),
      }),
  );

/** The time of day: "3:40 PM", "15:40". */
export function formatTime(date: Date, locale: string): string {
  return dateTimeFormat(locale, 'time').format(date);
}

/** A date without the time: "Mar 3, 2023", "3. März 2023". */
export function formatDate(date: Date, locale: string): string {
  return dateTimeFormat(locale, 'date').format(date);
}

/** A full date and time, for details where precision matters. */
export function formatDateTime(date: Date, locale: string): string {
  return dateTimeFormat(locale, 'date-time').format(date);
}

/**
 * How far `date` is from `now`, in the language's words: "2 hours ago",
 * "tomorrow", "in 3 days", "vor 2 Stunden". Days count calendar days, so
 * tomorrow morning is "tomorrow" even when it is only ten hours away.
 */
export function formatRelativeTime(
  date: Date,
  locale: string,
  now: Date = new Date(),
): string {
  const rtf = cached(
    `${locale}:relative`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return rtf.format(0, 'second');
  if (abs < HOUR_MS) return rtf.format(Math.trunc(diff / MINUTE_MS), 'minute');
  const days = calendarDaysFrom(date, now);
  if (abs < DAY_MS && Math.abs(days) < 1) {
    return rtf.format(Math.trunc(diff / HOUR_MS), 'hour');
  }
  if (Math.abs(days) < 31) return rtf.format(days, 'day');
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 12) return rtf.format(months, 'month');
  return rtf.format(Math.round(days / 365.25), 'year');
}

export type DueStatus =
  | { kind: 'overdue'; due: Date }
  | { kind: 'due-soon'; due: Date }
  | { kind: 'follow-up'; followUp: Date }
  | { kind: 'due'; due: Date }
  | { kind: 'none' };

/**
 * The urgency cue of a task card: overdue, due within 24 hours, the follow-up
 * date, or the plain due date. Completed tasks carry no urgency.
 */
export function dueStatus(
  dueDate: string | null | undefined,
  followUpDate: string | null | undefined,
  now: Date = new Date(),
): DueStatus {
  const due = parseTasklistDate(dueDate);
  const followUp = parseTasklistDate(followUpDate);
  if (due && due.getTime() < now.getTime()) return { kind: 'overdue', due };
  if (due && due.getTime() - now.getTime() <= DAY_MS) {
    return { kind: 'due-soon', due };
  }
  if (followUp) return { kind: 'follow-up', followUp };
  if (due) return { kind: 'due', due };
  return { kind: 'none' };
}
