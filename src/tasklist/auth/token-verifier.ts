import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { VerifiedTokenCache } from './verified-token-cache';

/** Signature algorithms we accept; never HS* (shared secrets) or `none`. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256'];
/** `typ` header values of JWT access tokens (RFC 9068 and the classic one). */
const ALLOWED_TYPES = new Set(['jwt', 'at+jwt', 'application/at+jwt']);

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Skip discovery and use this JWKS URL. */
  jwksUrl?: string | undefined;
  clockToleranceSeconds: number;
  /** How long to wait after a failed discovery before trying again. */
  retryAfterMs?: number;
  /** jose's minimum pause between JWKS refetches for unknown key ids. */
  jwksCooldownMs?: number;
  /** How long a verified token is remembered (0 turns the cache off). */
  cacheMaxAgeMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Why a token was refused; logged, never sent to the client. */
export class TokenRejected extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'TokenRejected';
  }
}

export type VerifyToken = (token: string) => Promise<JWTPayload>;

/**
 * Verifies bearer JWTs against the identity provider's keys, like a real
 * cluster: signature from the JWKS, issuer, audience, expiry with a small
 * tolerance, algorithm allowlist and `typ`. The JWKS location comes from the
 * issuer's discovery document, fetched on first use and retried after a
 * failure, because the identity provider may start after us. jose caches the
 * key set and refetches it when a token names an unknown `kid` (rotation).
 */
export function createTokenVerifier(
  options: TokenVerifierOptions,
): VerifyToken {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const retryAfterMs = options.retryAfterMs ?? 2000;
  let keySet: JWTVerifyGetKey | undefined;
  let pending: Promise<JWTVerifyGetKey> | undefined;
  let failedAt = -Infinity;

  const discover = async (): Promise<JWTVerifyGetKey> => {
    const jwksUrl =
      options.jwksUrl ?? (await discoverJwksUri(options.issuer, fetchImpl));
    return createRemoteJWKSet(new URL(jwksUrl), {
      timeoutDuration: 5000,
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
    });
  };

  const getKeySet = async (): Promise<JWTVerifyGetKey> => {
    if (keySet) return keySet;
    if (now() - failedAt < retryAfterMs) {
      throw new TokenRejected('identity provider unavailable (retrying soon)');
    }
    pending ??= discover()
      .then((found) => (keySet = found))
      .catch((error: unknown) => {
        failedAt = now();
        throw new TokenRejected('identity provider discovery failed', {
          cause: error,
        });
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const cache = new VerifiedTokenCache(1000, options.cacheMaxAgeMs ?? 60_000);
  const toleranceMs = options.clockToleranceSeconds * 1000;

  return async (token) => {
    const cached = cache.get(token, now());
    if (cached) return cached;
    const keys = await getKeySet();
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      });
      if (!ALLOWED_TYPES.has((protectedHeader.typ ?? '').toLowerCase())) {
        throw new TokenRejected(
          `unexpected token type "${protectedHeader.typ ?? ''}"`,
        );
      }
      cache.set(token, payload, now(), toleranceMs);
      return payload;
    } catch (error) {
      if (error instanceof TokenRejected) throw error;
      const code =
        error instanceof joseErrors.JOSEError ? error.code : 'ERR_UNKNOWN';
      throw new TokenRejected(`token rejected (${code})`, { cause: error });
    }
  };
}

/** Reads `jwks_uri` from the issuer's OpenID discovery document. */
async function discoverJwksUri(
  issuer: string,
  fetchImpl: typeof fetch,
): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok)
    throw new Error(`discovery answered HTTP ${response.status}`);
  const document = (await response.json()) as {
    issuer?: unknown;
    jwks_uri?: unknown;
  };
  if (document.issuer !== issuer) {
    throw new Error(
      `discovery names issuer ${String(document.issuer)}, expected ${issuer}`,
    );
  }
  if (typeof document.jwks_uri !== 'string')
    throw new Error('discovery has no jwks_uri');
  return document.jwks_uri;
}
