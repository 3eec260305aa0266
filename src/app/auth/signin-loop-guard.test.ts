import { describe, expect, it } from 'vitest';
import { createSigninLoopGuard } from './signin-loop-guard';

describe('sign-in loop guard', () => {
  it('allows three automatic redirects within two minutes, then stops until reset', () => {
    let now = 0;
    const guard = createSigninLoopGuard(sessionStorage, () => now);
    for (let i = 0; i < 3; i++) {
      expect(guard.allows()).toBe(true);
      guard.record();
    }
    expect(guard.allows()).toBe(false);
    now += 2 * 60 * 1000 + 1;
    expect(guard.allows()).toBe(true);
    guard.record();
    guard.reset();
    expect(guard.allows()).toBe(true);
  });
});
