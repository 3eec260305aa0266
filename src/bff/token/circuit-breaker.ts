export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failed fetches that open the circuit. */
  threshold: number;
  /** How long the circuit stays open before one trial fetch is allowed. */
  openMs: number;
  now: () => number;
}

/**
 * Stops the BFF from hammering a failing token provider: after `threshold`
 * consecutive failed fetches, callers are answered at once for `openMs`.
 * Then one trial fetch (single flight guarantees only one) either closes the
 * circuit or opens it for another window.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;

  constructor(private readonly options: CircuitBreakerOptions) {}

  state(): CircuitState {
    if (this.#failures < this.options.threshold) return 'closed';
    return this.options.now() < this.#openUntil ? 'open' : 'half_open';
  }

  /** Milliseconds until a trial is allowed; 0 when calls may go through. */
  remainingOpenMs(): number {
    return this.state() === 'open' ? this.#openUntil - this.options.now() : 0;
  }

  recordSuccess(): void {
    this.#failures = 0;
    this.#openUntil = 0;
  }

  recordFailure(): void {
    this.#failures += 1;
    if (this.#failures >= this.options.threshold) {
      this.#openUntil = this.options.now() + this.options.openMs;
    }
  }
}
