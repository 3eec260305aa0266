import { hash } from 'node:crypto';
import type { JWTPayload } from 'jose';

export interface VerifiedClaimsCacheOptions {
  /** Most tokens remembered; the least recently used goes first. */
  maxEntries: number;
  /**
   * Longest time a result is trusted, even for a token that lives longer:
   * it bounds how long a key withdrawn from the JWKS keeps working.
   */
  maxAgeMs: number;
}

interface Entry {
  claims: JWTPayload;
  until: number;
}

/**
 * The claims of user tokens that passed verification, so the browser's
 * repeated token requests (same token, for minutes) are not each an RS256
 * verification. This is what gateways such as Envoy's JWT filter do.
 *
 * - Keyed by a SHA-256 of the token: only the identical token hits, and the
 *   cache holds no usable credential.
 * - Until `exp`, never past it (the clock tolerance is not granted from the
 *   cache: after `exp` the token goes through full verification again), and
 *   never longer than `maxAgeMs` after it was verified.
 * - Only successes are stored; a failed verification is never remembered,
 *   so a token that failed is verified afresh next time.
 * - The claims are frozen, so no caller can change what the next one reads.
 */
export class VerifiedClaimsCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly options: VerifiedClaimsCacheOptions) {}

  static keyOf(token: string): string {
    // One-shot hashing: no Hash object per request.
    return hash('sha256', token, 'base64url');
  }

  /** The verified claims if the token is cached and still valid at `now`. */
  get(key: string, now: number): JWTPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.until) {
      this.#entries.delete(key);
      return undefined;
    }
    // Most recently used goes to the end of the Map's insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.claims;
  }

  /** Remembers claims that just passed every check, verified at `now`. */
  set(key: string, claims: JWTPayload, now: number): void {
    const { maxEntries, maxAgeMs } = this.options;
    if (maxEntries <= 0 || maxAgeMs <= 0 || typeof claims.exp !== 'number') {
      return;
    }
    const until = Math.min(claims.exp * 1000, now + maxAgeMs);
    if (until <= now) return;
    this.#entries.delete(key);
    while (this.#entries.size >= maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { claims: deepFreeze(claims), until });
  }

  get size(): number {
    return this.#entries.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
