import { describe, expect, it } from 'vitest';
import { DelayThrottle, FailureWindow, SignInThrottle } from './rate-limit';

describe('delay throttle per (username, address) (H61)', () => {
  it('lets the free attempts through, then makes each wait twice as long', () => {
    let now = 1_000_000;
    const throttle = new DelayThrottle({
      freeAttempts: 3,
      windowSeconds: 300,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('k').allowed).toBe(true);
      throttle.reserve('k');
    }
    expect(throttle.check('k')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    now += 1000;
    expect(throttle.check('k').allowed).toBe(true);
    throttle.reserve('k');
    expect(throttle.check('k').retryAfterSeconds).toBe(2);
    now += 2000;
    throttle.reserve('k');
    expect(throttle.check('k').retryAfterSeconds).toBe(4);
    expect([3, 4, 5, 10, 20].map((n) => throttle.delayMs(n))).toEqual([
      1000, 2000, 4000, 128_000, 300_000,
    ]);
  });

  it('forgets a key after a quiet window or a reset, and never touches other keys', () => {
    let now = 0;
    const throttle = new DelayThrottle({
      freeAttempts: 1,
      windowSeconds: 60,
      now: () => now,
    });
    throttle.reserve('alice\u0000attacker');
    throttle.reserve('alice\u0000attacker');
    expect(throttle.check('alice\u0000attacker').allowed).toBe(false);
    expect(throttle.check('alice\u0000office').allowed).toBe(true);
    now += 61_000;
    expect(throttle.check('alice\u0000attacker').allowed).toBe(true);
    throttle.reserve('bob\u0000x');
    throttle.reserve('bob\u0000x');
    throttle.reset('bob\u0000x');
    expect(throttle.check('bob\u0000x').allowed).toBe(true);
  });
});

describe('failure window per address', () => {
  it('caps attempts within the window, and a released reservation does not count', () => {
    let now = 1_000_000;
    const window = new FailureWindow({
      max: 2,
      windowSeconds: 60,
      now: () => now,
    });
    window.reserve('ip');
    const release = window.reserve('ip');
    expect(window.check('ip').allowed).toBe(false);
    release();
    expect(window.check('ip').allowed).toBe(true);
    window.reserve('ip');
    now += 30_000;
    expect(window.check('ip')).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
    });
  });
});

describe('sign-in throttle', () => {
  it('reserves synchronously: of 20 concurrent guesses only the free ones run', () => {
    const throttle = new SignInThrottle({
      freeAttemptsPerAccount: 3,
      maxFailuresPerAddress: 100,
      windowSeconds: 300,
      now: () => 0,
    });
    const outcomes = Array.from({ length: 20 }, () =>
      throttle.begin('Alice', '203.0.113.9'),
    );
    expect(outcomes.filter((o) => 'succeed' in o)).toHaveLength(3);
    // Another address is not slowed down by the stranger's guesses.
    expect('succeed' in throttle.begin('alice', '198.51.100.1')).toBe(true);
  });

  it('a success clears the account and gives the address its attempt back', () => {
    const throttle = new SignInThrottle({
      freeAttemptsPerAccount: 2,
      maxFailuresPerAddress: 2,
      windowSeconds: 300,
      now: () => 0,
    });
    const first = throttle.begin('bob', 'a');
    if (!('succeed' in first)) throw new Error('expected a reservation');
    first.fail();
    const second = throttle.begin('bob', 'a');
    if (!('succeed' in second)) throw new Error('expected a reservation');
    second.succeed();
    expect('succeed' in throttle.begin('bob', 'a')).toBe(true);
  });
});
