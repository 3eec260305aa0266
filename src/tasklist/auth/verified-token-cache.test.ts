import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token-cache';

const exp = (ms: number) => ({ sub: 's', exp: ms / 1000 });

describe('VerifiedTokenCache', () => {
  it('returns a verified token until it expires, including the clock tolerance', () => {
    const cache = new VerifiedTokenCache(10, 600_000);
    cache.set('t', exp(100_000), 0, 30_000);
    expect(cache.get('t', 129_999)).toEqual(exp(100_000));
    expect(cache.get('t', 130_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never keeps an entry longer than its maximum age', () => {
    const cache = new VerifiedTokenCache(10, 60_000);
    cache.set('t', exp(3_600_000), 1_000, 30_000);
    expect(cache.get('t', 60_999)).toBeDefined();
    expect(cache.get('t', 61_000)).toBeUndefined();
  });

  it('only hits the identical token', () => {
    const cache = new VerifiedTokenCache();
    cache.set('abc', exp(3_600_000), 0, 0);
    expect(cache.get('abd', 1)).toBeUndefined();
  });

  it('drops the oldest entries when full, and caches nothing when turned off', () => {
    const cache = new VerifiedTokenCache(2, 60_000);
    for (const token of ['a', 'b', 'c']) cache.set(token, exp(3_600_000), 0, 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBeDefined();
    expect(cache.size).toBe(2);
    const off = new VerifiedTokenCache(10, 0);
    off.set('a', exp(3_600_000), 0, 0);
    expect(off.get('a', 1)).toBeUndefined();
  });

  it('does not cache tokens without an expiry', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t', { sub: 's' }, 0, 30_000);
    expect(cache.get('t', 0)).toBeUndefined();
  });
});
