import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('failure limiter', () => {
  it('limits after max failures within the window, then lets go', () => {
    let now = 1_000_000;
    const limiter = new FailureLimiter({
      max: 3,
      windowSeconds: 60,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('demo').limited).toBe(false);
      limiter.fail('demo');
      now += 1_000;
    }
    expect(limiter.check('demo')).toEqual({
      limited: true,
      retryAfterSeconds: 57,
    });
    expect(limiter.check('alice').limited).toBe(false);
    now += 57_000;
    expect(limiter.check('demo').limited).toBe(false);
  });

  it('forgets a key on reset', () => {
    const limiter = new FailureLimiter({ max: 1, windowSeconds: 60 });
    limiter.fail('demo');
    expect(limiter.check('demo').limited).toBe(true);
    limiter.reset('demo');
    expect(limiter.check('demo').limited).toBe(false);
  });
});
