import { describe, expect, it } from 'vitest';
import {
  isoDate,
  monthName,
  monthsUpTo,
  quarterOf,
  shiftMonths,
  workdaySpan,
  yearOf,
} from './seed-dates';

const at = (text: string) => Date.parse(text);

describe('seed calendar', () => {
  it('reads dates in UTC, whatever the offset the clock was given with', () => {
    expect(isoDate(at('2024-05-10T23:30:00-05:00'))).toBe('2024-05-11');
    expect(yearOf(at('2027-01-01T01:00:00+09:00'))).toBe('2026');
    expect(monthName(at('2024-04-30T12:00:00Z'))).toBe('April');
    expect(quarterOf(at('2024-04-01T00:00:00Z'))).toBe(2);
    expect(quarterOf(at('2024-12-31T23:59:59Z'))).toBe(4);
  });

  it('shifts by months, clamping the day to the shorter month', () => {
    expect(isoDate(shiftMonths(at('2024-01-31T08:00:00Z'), 1))).toBe(
      '2024-02-29',
    );
    expect(isoDate(shiftMonths(at('2023-01-31T08:00:00Z'), 1))).toBe(
      '2023-02-28',
    );
    expect(isoDate(shiftMonths(at('2024-03-15T08:00:00Z'), -15))).toBe(
      '2022-12-15',
    );
    expect(new Date(shiftMonths(at('2024-05-31T08:45:00Z'), 12))).toEqual(
      new Date('2025-05-31T08:45:00Z'),
    );
  });

  it('lists the last months up to the clock, across a year boundary', () => {
    expect(monthsUpTo(at('2024-02-29T10:00:00Z'), 4)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthsUpTo(at('2024-05-31T10:00:00Z'), 12)).toHaveLength(12);
    expect(new Set(monthsUpTo(at('2024-05-31T10:00:00Z'), 12)).size).toBe(12);
  });

  it('counts working days, skipping weekends, in the weeks after the clock', () => {
    const friday = at('2024-05-10T08:00:00Z');
    expect(workdaySpan(friday, 1, 0, 5)).toEqual({
      firstDay: '2024-05-13',
      lastDay: '2024-05-17',
      workingDays: 5,
    });
    expect(workdaySpan(friday, 1, 3, 3)).toEqual({
      firstDay: '2024-05-16',
      lastDay: '2024-05-20',
      workingDays: 3,
    });
    expect(workdaySpan(friday, 4, 0, 10).lastDay).toBe('2024-06-14');
    // Late on a Sunday, "next week" starts the next day.
    const sunday = at('2024-05-12T23:00:00Z');
    expect(workdaySpan(sunday, 1, 0, 1).firstDay).toBe('2024-05-13');
  });
});
