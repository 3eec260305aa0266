import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search-params';

describe('search-param codec', () => {
  it('keeps every value a string, even numbers and booleans', () => {
    expect(parseSearch('?process=9007199254740993&flag=true')).toEqual({
      process: '9007199254740993',
      flag: 'true',
    });
  });

  it('writes strings as they are, without JSON quotes, and skips empty values', () => {
    expect(
      stringifySearch({
        process: '2251799813685249',
        candidateGroup: 'Team A',
        sort: undefined,
      }),
    ).toBe('?process=2251799813685249&candidateGroup=Team+A');
    expect(stringifySearch({})).toBe('');
  });

  it('round-trips names with reserved characters', () => {
    const search = { assignee: 'user:anna&bob=1?', group: '€ #1' };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });

  it('keeps the last of a repeated parameter', () => {
    expect(parseSearch('a=1&a=2')).toEqual({ a: '2' });
  });
});
