import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createExpiryWatch } from './expiry-watch';

const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const at = (secondsFromNow: number) => Math.floor(NOW / 1000) + secondsFromNow;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  vi.useRealTimers();
});

test('renews 60 s before the token expires, and once more just after', () => {
  const due = vi.fn();
  createExpiryWatch(due).watch(at(300));
  vi.advanceTimersByTime(239_000);
  expect(due).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1_000);
  expect(due).toHaveBeenCalledOnce();
  vi.advanceTimersByTime(60_000);
  expect(due).toHaveBeenCalledOnce();
  vi.advanceTimersByTime(1_000);
  expect(due).toHaveBeenCalledTimes(2);
  vi.advanceTimersByTime(600_000);
  expect(due).toHaveBeenCalledTimes(2);
});

test('a token with less than a minute left renews after one second', () => {
  const due = vi.fn();
  createExpiryWatch(due).watch(at(30));
  vi.advanceTimersByTime(999);
  expect(due).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(due).toHaveBeenCalledOnce();
});

test('an expired token renews after one second, once', () => {
  const due = vi.fn();
  createExpiryWatch(due).watch(at(-30));
  vi.advanceTimersByTime(1_000);
  expect(due).toHaveBeenCalledOnce();
  vi.advanceTimersByTime(600_000);
  expect(due).toHaveBeenCalledOnce();
});

test('watching the same token again keeps its schedule', () => {
  const due = vi.fn();
  const watch = createExpiryWatch(due);
  watch.watch(at(300));
  vi.advanceTimersByTime(200_000);
  watch.watch(at(300));
  vi.advanceTimersByTime(40_000);
  expect(due).toHaveBeenCalledOnce();
});

test('a new token replaces the old schedule, and stop ends it', () => {
  const due = vi.fn();
  const watch = createExpiryWatch(due);
  watch.watch(at(300));
  vi.advanceTimersByTime(200_000);
  watch.watch(at(200 + 300));
  vi.advanceTimersByTime(100_000);
  expect(due).not.toHaveBeenCalled();
  vi.advanceTimersByTime(140_000);
  expect(due).toHaveBeenCalledOnce();
  watch.stop();
  vi.advanceTimersByTime(600_000);
  expect(due).toHaveBeenCalledOnce();
  watch.watch(undefined);
  vi.advanceTimersByTime(600_000);
  expect(due).toHaveBeenCalledOnce();
});

test('after sleep it renews at the next check, not when a long timeout ends', () => {
  const due = vi.fn();
  createExpiryWatch(due).watch(at(3600));
  // The computer sleeps for two hours: the clock jumps, timers do not run.
  vi.setSystemTime(NOW + 2 * 3600 * 1000);
  vi.advanceTimersByTime(5_000);
  // Both deadlines passed while asleep: one renewal, not two.
  expect(due).toHaveBeenCalledOnce();
  vi.advanceTimersByTime(600_000);
  expect(due).toHaveBeenCalledOnce();
});
