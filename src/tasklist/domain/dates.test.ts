import { describe, expect, it } from 'vitest';
import {
  formatIsoUtc,
  formatTasklistTime,
  parseDateTimeWithOffset,
} from './dates';

describe('formatTasklistTime', () => {
  it("uses Tasklist's format: milliseconds and an offset without a colon", () => {
    expect(formatTasklistTime(Date.parse('2023-03-03T14:16:18.441Z'))).toBe(
      '2023-03-03T14:16:18.441+0000',
    );
    expect(formatTasklistTime(0)).toBe('1970-01-01T00:00:00.000+0000');
  });
});

describe('formatIsoUtc', () => {
  it('gives exactly what toISOString gives, for any instant', () => {
    const instants = [
      0,
      -1,
      Date.parse('1969-12-31T23:59:59.999Z'),
      Date.parse('2024-02-29T23:59:59.999Z'),
      Date.parse('2000-01-01T00:00:00.000Z'),
      Date.parse('9999-12-31T23:59:59.999Z'),
      Date.parse('1000-01-01T00:00:00.000Z'),
      Date.parse('0999-12-31T23:59:59.999Z'),
      Date.parse('+010000-01-01T00:00:00.000Z'),
      -62198755200001,
    ];
    // A deterministic spread over four centuries, every millisecond digit.
    for (let i = 0; i < 20_000; i += 1) {
      instants.push(Math.round(-2e12 + i * 250_000_007.3));
    }
    for (const ms of instants) {
      expect(formatIsoUtc(ms)).toBe(new Date(ms).toISOString());
      expect(formatTasklistTime(ms)).toBe(
        new Date(ms).toISOString().replace('Z', '+0000'),
      );
    }
  });

  it('throws for what is not a date, as toISOString does', () => {
    expect(() => formatIsoUtc(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseDateTimeWithOffset', () => {
  it('accepts RFC 3339 date-times with Z or a numeric offset', () => {
    expect(parseDateTimeWithOffset('2023-04-12T10:00:00Z')).toBe(
      Date.parse('2023-04-12T10:00:00Z'),
    );
    expect(parseDateTimeWithOffset('2023-04-12T10:00:00.000+02:00')).toBe(
      Date.parse('2023-04-12T08:00:00Z'),
    );
    expect(parseDateTimeWithOffset('2023-04-12t10:00:00.5z')).toBe(
      Date.parse('2023-04-12T10:00:00.500Z'),
    );
    expect(parseDateTimeWithOffset('2024-02-29T23:59:59-05:30')).toBe(
      Date.parse('2024-03-01T05:29:59Z'),
    );
  });

  it('refuses values without an offset, date-only values and impossible dates', () => {
    for (const text of [
      '2023-04-12T10:00:00',
      '2023-04-12',
      '2023-02-30T10:00:00Z',
      '2023-04-12T25:00:00Z',
      '2023-04-12T10:00:00+0200',
      'yesterday',
      '',
    ]) {
      expect(parseDateTimeWithOffset(text), text).toBeUndefined();
    }
  });
});
