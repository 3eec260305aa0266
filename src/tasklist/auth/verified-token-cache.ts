import type { JWTPayload } from 'jose';

interface Entry {
  payload: JWTPayload;
  validUntil: number;
}

/**
 * Remembers tokens whose signature and claims were verified, so a client
 * reusing its token (the inbox does, for minutes) does not pay for RS256
 * verification on every request. Only the identical token string hits; an
 * entry lives until the token expires (plus the clock tolerance) but never
 * longer than `maxAgeMs`, which bounds how long a key withdrawn from the
 * JWKS keeps working. Oldest entries go first when the cache is full.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The payload of a verified, still valid token, or undefined. */
  get(token: string, now: number): JWTPayload | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now >= entry.validUntil) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.payload;
  }

  /** Records a token that just passed verification. */
  set(
    token: string,
    payload: JWTPayload,
    now: number,
    toleranceMs: number,
  ): void {
    if (this.maxAgeMs <= 0 || this.maxEntries <= 0) return;
    const expiresAt =
      typeof payload.exp === 'number' ? payload.exp * 1000 + toleranceMs : now;
    const validUntil = Math.min(expiresAt, now + this.maxAgeMs);
    if (validUntil <= now) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(token, { payload, validUntil });
  }

  get size(): number {
    return this.entries.size;
  }
}
