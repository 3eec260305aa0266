/**
 * Counts failed sign-ins per key (a username, an IP) in a sliding window.
 * Only failures count, so a busy office behind one IP is not locked out by
 * its own successful sign-ins.
 */

export interface LimitState {
  limited: boolean;
  /** Whole seconds until the oldest failure leaves the window. */
  retryAfterSeconds: number;
}

/** Above this many tracked keys, expired entries are swept on write. */
const SWEEP_THRESHOLD = 10_000;

export class FailureLimiter {
  readonly #failures = new Map<string, number[]>();
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
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent;
  }

  /** Whether `key` has used up its failures. */
  check(key: string): LimitState {
    const recent = this.#recent(key);
    if (recent.length < this.#max)
      return { limited: false, retryAfterSeconds: 0 };
    const oldest = recent[recent.length - this.#max] ?? this.#now();
    const waitMs = oldest + this.#windowMs - this.#now();
    return {
      limited: true,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }

  /** Records one failure for `key`. */
  fail(key: string): void {
    const recent = this.#recent(key);
    // Keep no more than needed to decide, so a flood cannot grow memory.
    this.#failures.set(key, [...recent, this.#now()].slice(-this.#max));
    if (this.#failures.size > SWEEP_THRESHOLD) this.#sweep();
  }

  /** Forgets the failures of `key` (after a successful sign-in). */
  reset(key: string): void {
    this.#failures.delete(key);
  }

  #sweep(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
  }
}
