import { randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import { BffError, invalidToken } from '../errors';
import { BFF_TOKEN_ALGORITHM, type SigningKey } from './signing-key';

/** The person a BFF token speaks for, as the proxy's rules see them. */
export interface ProxyUser {
  sub: string;
  /** The Tasklist user name: assignee and candidate-user checks compare with it. */
  username: string;
  groups: string[];
}

export interface IssuedBffToken {
  accessToken: string;
  expiresInS: number;
}

export interface BffTokenServiceOptions {
  key: SigningKey;
  issuer: string;
  audience: string;
  ttlS: number;
  now: () => number;
}

/** Explicit typing (RFC 8725 section 3.11): no other JWT can pass for a BFF token. */
export const BFF_TOKEN_TYP = 'tasklist-inbox-bff+jwt';

/** Only the BFF signs and checks these, so clocks differ only between its instances. */
const CLOCK_TOLERANCE_S = 5;
/** Below this the user token is as good as expired: the browser should renew it. */
const MIN_LIFETIME_S = 5;
const MAX_CACHED = 10_000;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

interface Verified {
  user: ProxyUser;
  expiresAtMs: number;
}

const text = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/**
 * Issues and verifies the short-lived token the browser holds in proxy mode
 * (docs/security.md, proxy mode; G40): `iss` the BFF, `aud` its `/graphql`, `sub` the
 * user plus their Tasklist user name and groups, signed with the BFF's own
 * Ed25519 key and accepted with exactly that algorithm. Verified tokens are
 * remembered until they expire, so each request after the first costs a map
 * lookup instead of a signature check.
 */
export class BffTokenService {
  readonly #verified = new Map<string, Verified>();

  constructor(private readonly options: BffTokenServiceOptions) {}

  /**
   * A token for `user`, living at most `ttlS` and never past `userTokenExpS`
   * (the user token's `exp`, in seconds). A user token about to expire gets
   * a 401 instead, so the browser renews its session first.
   */
  async issue(user: ProxyUser, userTokenExpS: number): Promise<IssuedBffToken> {
    const { key, issuer, audience, ttlS, now } = this.options;
    const nowS = Math.floor(now() / 1000);
    const lifetimeS = Math.min(ttlS, userTokenExpS - nowS);
    if (lifetimeS < MIN_LIFETIME_S) throw invalidToken(true);
    const accessToken = await new SignJWT({
      preferred_username: user.username,
      groups: user.groups,
    })
      .setProtectedHeader({
        alg: BFF_TOKEN_ALGORITHM,
        typ: BFF_TOKEN_TYP,
        kid: key.kid,
      })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(user.sub)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + lifetimeS)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { accessToken, expiresInS: lifetimeS };
  }

  /** The user behind a valid BFF token, or a 401 `invalid_token`. */
  async verify(token: string): Promise<ProxyUser> {
    const nowMs = this.options.now();
    const known = this.#verified.get(token);
    if (known) {
      if (nowMs < known.expiresAtMs) return known.user;
      this.#verified.delete(token);
    }
    if (!JWT_SHAPE.test(token)) throw invalidToken(true);
    const payload = await this.#check(token, nowMs);
    const user = toUser(payload);
    const expiresAtMs = ((payload.exp ?? 0) + CLOCK_TOLERANCE_S) * 1000;
    if (this.#verified.size >= MAX_CACHED) this.#evict(nowMs);
    this.#verified.set(token, { user, expiresAtMs });
    return user;
  }

  async #check(token: string, nowMs: number): Promise<JWTPayload> {
    const { key, issuer, audience } = this.options;
    try {
      const { payload } = await jwtVerify(token, key.publicKey, {
        issuer,
        audience,
        algorithms: [BFF_TOKEN_ALGORITHM],
        typ: BFF_TOKEN_TYP,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        currentDate: new Date(nowMs),
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof BffError) {
        throw invalidToken(true);
      }
      throw error;
    }
  }

  /** Drops expired entries, and the oldest ones if that is not enough. */
  #evict(nowMs: number): void {
    for (const [token, entry] of this.#verified) {
      if (entry.expiresAtMs <= nowMs) this.#verified.delete(token);
    }
    for (const token of this.#verified.keys()) {
      if (this.#verified.size < MAX_CACHED) break;
      this.#verified.delete(token);
    }
  }
}

function toUser(payload: JWTPayload): ProxyUser {
  const { sub, preferred_username: username, groups } = payload;
  if (!text(sub) || !text(username)) throw invalidToken(true);
  return {
    sub,
    username,
    groups: Array.isArray(groups) ? groups.filter(text) : [],
  };
}
