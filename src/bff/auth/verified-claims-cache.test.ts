import { describe, expect, test } from 'vitest';
import { FakeClock } from '../test/fake-clock';
import { VerifiedClaimsCache } from './verified-claims-cache';

const HOUR_MS = 3_600_000;

function claimsUntil(expMs: number) {
  return { sub: 'alice', groups: ['clerks'], exp: expMs / 1000 };
}

function cache(maxEntries = 10, maxAgeMs = HOUR_MS) {
  return new VerifiedClaimsCache({ maxEntries, maxAgeMs });
}

describe('VerifiedClaimsCache (C72)', () => {
  test('answers until exp and never at or past it', () => {
    const clock = new FakeClock();
    const claims = claimsUntil(clock.ms + 60_000);
    const verified = cache();
    verified.set('k', claims, clock.now());
    clock.ms += 59_999;
    expect(verified.get('k', clock.now())).toEqual(claims);
    clock.ms += 1;
    expect(verified.get('k', clock.now())).toBeUndefined();
    expect(verified.size).toBe(0);
  });

  test('never trusts a result longer than its maximum age', () => {
    const clock = new FakeClock();
    const verified = cache(10, 300_000);
    verified.set('k', claimsUntil(clock.ms + HOUR_MS), clock.now());
    clock.advance(299);
    expect(verified.get('k', clock.now())).toBeDefined();
    clock.advance(1);
    expect(verified.get('k', clock.now())).toBeUndefined();
  });

  test('stores nothing for a token already expired (accepted within the clock tolerance) or without exp', () => {
    const clock = new FakeClock();
    const verified = cache();
    verified.set('late', claimsUntil(clock.ms - 1_000), clock.now());
    verified.set('now', claimsUntil(clock.ms), clock.now());
    verified.set('none', { sub: 'alice' }, clock.now());
    expect(verified.size).toBe(0);
  });

  test('evicts the least recently used entry when full', () => {
    const clock = new FakeClock();
    const verified = cache(2);
    const exp = claimsUntil(clock.ms + HOUR_MS);
    verified.set('a', exp, clock.now());
    verified.set('b', exp, clock.now());
    // Reading `a` makes `b` the least recently used.
    expect(verified.get('a', clock.now())).toBeDefined();
    verified.set('c', exp, clock.now());
    expect(verified.size).toBe(2);
    expect(verified.get('b', clock.now())).toBeUndefined();
    expect(verified.get('a', clock.now())).toBeDefined();
    expect(verified.get('c', clock.now())).toBeDefined();
  });

  test('caches nothing when turned off', () => {
    const clock = new FakeClock();
    for (const off of [cache(0), cache(10, 0)]) {
      off.set('k', claimsUntil(clock.ms + HOUR_MS), clock.now());
      expect(off.get('k', clock.now())).toBeUndefined();
    }
  });

  test('hands out frozen claims, so no caller can change what the next one reads', () => {
    const clock = new FakeClock();
    const verified = cache();
    verified.set('k', claimsUntil(clock.ms + HOUR_MS), clock.now());
    const claims = verified.get('k', clock.now());
    expect(Object.isFrozen(claims)).toBe(true);
    expect(Object.isFrozen(claims?.groups)).toBe(true);
    expect(() => {
      (claims?.groups as string[]).push('admins');
    }).toThrow(TypeError);
  });

  test('keys are SHA-256 digests: one per token, never the token itself', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    const key = VerifiedClaimsCache.keyOf(token);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain(token.split('.')[1]);
    expect(VerifiedClaimsCache.keyOf(token)).toBe(key);
    expect(VerifiedClaimsCache.keyOf(`${token}x`)).not.toBe(key);
  });
});
