const KEY = 'tasklist-inbox:signin-attempts';
const WINDOW_MS = 2 * 60 * 1000;
const MAX_ATTEMPTS = 3;

interface Attempts {
  count: number;
  since: number;
}

function read(storage: Storage, now: number): Attempts {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Attempts | null;
    if (value && now - value.since < WINDOW_MS) return value;
  } catch {
    // A corrupt entry counts as no attempts.
  }
  return { count: 0, since: now };
}

/**
 * Counts automatic sign-in redirects per tab. A provider that keeps sending
 * the user back without a session would otherwise bounce the tab forever.
 */
export function createSigninLoopGuard(
  storage: Storage,
  now: () => number = Date.now,
) {
  return {
    /** True when another automatic redirect is still allowed. */
    allows(): boolean {
      return read(storage, now()).count < MAX_ATTEMPTS;
    },
    record(): void {
      const current = read(storage, now());
      storage.setItem(
        KEY,
        JSON.stringify({ count: current.count + 1, since: current.since }),
      );
    },
    reset(): void {
      storage.removeItem(KEY);
    },
  };
}
