/**
 * Date helpers for Tasklist's two timestamp styles: `creationTime` uses
 * `2023-03-03T14:16:18.441+0000` (offset without a colon), the DateTime scalar
 * uses RFC 3339. Everything is shown in the browser's time zone.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCALE = 'en-US';

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

const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  hour: 'numeric',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Today, 3:40 PM", "Yesterday, 9:05 AM", or "Mar 3, 2023". */
export function formatRelativeDate(date: Date, now: Date = new Date()): string {
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
  if (days === 0) return `Today, ${timeFormat.format(date)}`;
  if (days === 1) return `Yesterday, ${timeFormat.format(date)}`;
  return dateFormat.format(date);
}

/** A full date and time, for details where precision matters. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** A date without the time. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
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
