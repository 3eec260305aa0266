/** How long before expiry renewal starts; oidc-client-ts's default notice time. */
export const RENEW_BEFORE_SECONDS = 60;
/** The longest wait between checks, as the library's timer does. */
const POLL_SECONDS = 5;

export interface ExpiryWatch {
  /** Watches a token expiring at `expiresAt` (epoch seconds); undefined stops. */
  watch(expiresAt: number | undefined): void;
  stop(): void;
}

/**
 * Calls `onDue` shortly before the access token expires and once more just
 * after, on the schedule of oidc-client-ts's access token events (60 s
 * before, 1 s after), without the library loaded. The second call is the
 * retry for a renewal that failed on the first. Checks run at least every
 * 5 s against the clock, so a computer waking from sleep renews at once
 * rather than when a long timeout finally fires.
 */
export function createExpiryWatch(
  onDue: () => void,
  now: () => number = Date.now,
): ExpiryWatch {
  let watched: number | undefined;
  let deadlines: number[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seconds = () => Math.floor(now() / 1000);

  function schedule() {
    const next = deadlines[0];
    if (next === undefined) return;
    const wait = Math.min(Math.max(next - seconds(), 1), POLL_SECONDS);
    timer = setTimeout(tick, wait * 1000);
  }

  function tick() {
    timer = undefined;
    const current = seconds();
    const due = deadlines.some((deadline) => deadline <= current);
    deadlines = deadlines.filter((deadline) => deadline > current);
    schedule();
    if (due) onDue();
  }

  function stop() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    deadlines = [];
    watched = undefined;
  }

  return {
    watch(expiresAt) {
      // The same token again (every request reads it): keep its schedule.
      if (expiresAt === watched && expiresAt !== undefined) return;
      stop();
      if (expiresAt === undefined) return;
      watched = expiresAt;
      const start = seconds();
      const left = expiresAt - start;
      if (left > 0) {
        deadlines.push(start + Math.max(left - RENEW_BEFORE_SECONDS, 1));
      }
      deadlines.push(start + Math.max(left + 1, 1));
      schedule();
    },
    stop,
  };
}
