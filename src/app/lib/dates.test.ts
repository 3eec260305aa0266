import { describe, expect, it } from 'vitest';
import { dueStatus, formatRelativeDate, parseTasklistDate } from './dates';

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

  it('formats today, yesterday and older dates', () => {
    const now = new Date(2026, 10, 28, 18, 0);
    expect(formatRelativeDate(new Date(2026, 10, 28, 15, 40), now)).toBe(
      'Today, 3:40 PM',
    );
    expect(formatRelativeDate(new Date(2026, 10, 27, 9, 5), now)).toBe(
      'Yesterday, 9:05 AM',
    );
    expect(formatRelativeDate(new Date(2026, 2, 3, 9, 5), now)).toBe(
      'Mar 3, 2026',
    );
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
