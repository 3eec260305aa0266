/**
 * Sign-in throttling (H61).
 *
 * An attempt is *reserved* before the ~90 ms scrypt check runs, and counts as
 * a failure until it succeeds, so a burst of concurrent guesses cannot all be
 * evaluated. Throttling is per (username, client address) with increasing
 * delays instead of a hard lock per username: a stranger's wrong guesses
 * slow the stranger down, never the real user signing in from elsewhere.
 * A separate cap per address limits one client spraying many usernames.
 */

export interface Decision {
  allowed: boolean;
  /** Whole seconds until the next attempt may run (0 when allowed). */
  retryAfterSeconds: number;
}

/** An attempt that is running; it must end as a success or a failure. */
export interface Reservation {
  succeed(): void;
  fail(): void;
}

/** Above this many tracked keys, expired entries are swept on write. */
const SWEEP_THRESHOLD = 10_000;

interface KeyState {
  /** Failures (and attempts still running) since the key was last quiet. */
  count: number;
  /** When the latest attempt was reserved. */
  lastAt: number;
}

/**
 * Per key: the first `freeAttempts` attempts run at once; after that each
 * attempt must wait 1 s, 2 s, 4 s… (capped at the window) after the previous
 * one. A key is forgotten after a whole window without attempts, or on a
 * successful sign-in.
 */
export class DelayThrottle {
  readonly #keys = new Map<string, KeyState>();
  readonly #free: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: {
    freeAttempts: number;
    windowSeconds: number;
    now?: () => number;
  }) {
    this.#free = options.freeAttempts;
    this.#windowMs = options.windowSeconds * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** The wait after `count` failures before the next attempt may run. */
  delayMs(count: number): number {
    if (count < this.#free) return 0;
    return Math.min(this.#windowMs, 1000 * 2 ** (count - this.#free));
  }

  #state(key: string): KeyState | undefined {
    const state = this.#keys.get(key);
    if (state && this.#now() - state.lastAt > this.#windowMs) {
      this.#keys.delete(key);
      return undefined;
    }
    return state;
  }

  check(key: string): Decision {
    const state = this.#state(key);
    if (!state) return { allowed: true, retryAfterSeconds: 0 };
    const waitMs = state.lastAt + this.delayMs(state.count) - this.#now();
    return waitMs <= 0
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  /** Counts an attempt now, before its outcome is known. */
  reserve(key: string): void {
    const state = this.#state(key);
    this.#keys.set(key, {
      count: (state?.count ?? 0) + 1,
      lastAt: this.#now(),
    });
    if (this.#keys.size > SWEEP_THRESHOLD) this.#sweep();
  }

  /** Forgets `key` (after a successful sign-in). */
  reset(key: string): void {
    this.#keys.delete(key);
  }

  #sweep(): void {
    for (const key of [...this.#keys.keys()]) this.#state(key);
  }
}

/**
 * At most `max` failed (or running) attempts per key within a sliding
 * window; used per client address across usernames.
 */
export class FailureWindow {
  readonly #times = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: {
    max: number;
    windowSeconds: number;
    now?: () => number;
  }) {
    this.#max = options.max;
    this.#windowMs = options.windowSeconds * 1000;
    this.#now = options.now ?? Date.now;
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#windowMs;
    const recent = (this.#times.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#times.delete(key);
    else this.#times.set(key, recent);
    return recent;
  }

  check(key: string): Decision {
    const recent = this.#recent(key);
    if (recent.length < this.#max)
      return { allowed: true, retryAfterSeconds: 0 };
    const oldest = recent[recent.length - this.#max] ?? this.#now();
    const waitMs = oldest + this.#windowMs - this.#now();
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }

  /** Counts an attempt now; returns a function that takes it back. */
  reserve(key: string): () => void {
    const at = this.#now();
    // Keep no more than needed to decide, so a flood cannot grow memory.
    this.#times.set(key, [...this.#recent(key), at].slice(-this.#max));
    if (this.#times.size > SWEEP_THRESHOLD) {
      for (const other of [...this.#times.keys()]) this.#recent(other);
    }
    return () => {
      const list = this.#times.get(key);
      const index = list?.lastIndexOf(at) ?? -1;
      if (list && index !== -1) list.splice(index, 1);
    };
  }
}

/** Both throttles behind one call: reserve, or say how long to wait. */
export class SignInThrottle {
  readonly #perAccount: DelayThrottle;
  readonly #perAddress: FailureWindow;

  constructor(options: {
    freeAttemptsPerAccount: number;
    maxFailuresPerAddress: number;
    windowSeconds: number;
    now?: () => number;
  }) {
    const common = {
      windowSeconds: options.windowSeconds,
      ...(options.now ? { now: options.now } : {}),
    };
    this.#perAccount = new DelayThrottle({
      freeAttempts: options.freeAttemptsPerAccount,
      ...common,
    });
    this.#perAddress = new FailureWindow({
      max: options.maxFailuresPerAddress,
      ...common,
    });
  }

  /**
   * Decides synchronously, so that concurrent requests see each other's
   * reservations before any of them reaches the password check.
   */
  begin(
    username: string,
    address: string,
  ): Reservation | { retryAfterSeconds: number } {
    const account = `${username.toLowerCase()}\u0000${address}`;
    const waits = [
      this.#perAccount.check(account),
      this.#perAddress.check(address),
    ];
    if (waits.some((wait) => !wait.allowed)) {
      return {
        retryAfterSeconds: Math.max(...waits.map((w) => w.retryAfterSeconds)),
      };
    }
    this.#perAccount.reserve(account);
    const release = this.#perAddress.reserve(address);
    return {
      succeed: () => {
        this.#perAccount.reset(account);
        release();
      },
      fail: () => {
        // Already counted when reserved.
      },
    };
  }
}
