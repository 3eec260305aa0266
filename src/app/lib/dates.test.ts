import { describe, expect, it } from 'vitest';
import {
  calendarDaysFrom,
  dueStatus,
  formatDate,
  formatDateTime,
  formatRelativeTime,
  formatTime,
  parseTasklistDate,
} from './dates';

describe('dates', () => {
  it('parses both Tasklist timestamp styles', () => {
    expect(
      parseTasklistDate('2023-03-03T14:16:18.441+0000')?.toISOString(),
    ).toBe('2023-03-03T14:16:18.441Z');
    expect(parseTasklistDate('2024-03-08T18:41:31.000Z')?.toISOString()).toBe(
      '2024-03-08T18:41:31.000Z',
    );
    expect(parseTasklistDate('not a date')).toBeNull();
    expect(parseTasklistDate(null)).toBeNull();
  });

  it('counts calendar days, not 24-hour spans', () => {
    const now = new Date(2026, 10, 28, 23, 0);
    expect(calendarDaysFrom(new Date(2026, 10, 29, 1, 0), now)).toBe(1);
    expect(calendarDaysFrom(new Date(2026, 10, 28, 0, 5), now)).toBe(0);
    expect(calendarDaysFrom(new Date(2026, 10, 27, 23, 59), now)).toBe(-1);
  });

  it('formats times and dates in the language asked for', () => {
    const date = new Date(2026, 2, 3, 15, 40);
    expect(formatTime(date, 'en')).toBe('3:40 PM');
    expect(formatTime(date, 'de')).toBe('15:40');
    expect(formatDate(date, 'en')).toBe('Mar 3, 2026');
    expect(formatDate(date, 'de')).toBe('3. März 2026');
    expect(formatDate(date, 'es')).toBe('3 mar 2026');
    expect(formatDate(date, 'fr')).toBe('3 mars 2026');
    expect(formatDateTime(date, 'de')).toBe('3. März 2026, 15:40');
  });

  it('says how far away a date is, in words of the language', () => {
    const now = new Date(2026, 10, 28, 12, 0);
    const at = (hours: number) =>
      new Date(now.getTime() + hours * 60 * 60 * 1000);
    expect(formatRelativeTime(at(-2), 'en', now)).toBe('2 hours ago');
    expect(formatRelativeTime(at(-2), 'de', now)).toBe('vor 2 Stunden');
    expect(formatRelativeTime(at(24), 'en', now)).toBe('tomorrow');
    expect(formatRelativeTime(at(24), 'fr', now)).toBe('demain');
    expect(formatRelativeTime(at(24), 'es', now)).toBe('mañana');
    expect(formatRelativeTime(at(72), 'de', now)).toBe('in 3 Tagen');
    expect(formatRelativeTime(now, 'en', now)).toBe('now');
    expect(formatRelativeTime(at(-24 * 90), 'en', now)).toBe('3 months ago');
  });

  it('marks overdue, due within 24 hours, follow-up and plain due dates', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(dueStatus('2026-11-28T11:59:00Z', null, now).kind).toBe('overdue');
    expect(dueStatus('2026-11-29T11:00:00Z', null, now).kind).toBe('due-soon');
    expect(
      dueStatus('2026-12-10T11:00:00Z', '2026-12-01T00:00:00Z', now).kind,
    ).toBe('follow-up');
    expect(dueStatus('2026-12-10T11:00:00Z', null, now).kind).toBe('due');
    expect(dueStatus(null, null, now).kind).toBe('none');
  });
});
