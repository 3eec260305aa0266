import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { BffError, identityProviderUnavailable, invalidToken } from '../errors';
import {
  VerifiedClaimsCache,
  type VerifiedClaimsCacheOptions,
} from './verified-claims-cache';

export interface UserTokenVerifierOptions {
  issuer: string;
  audience: string;
  algorithms: string[];
  clockToleranceS: number;
  /** Required JOSE `typ` (e.g. `at+jwt`), when configured. */
  typ: string | undefined;
  /** The SPA's client id: `client_id` and `azp` must name it (H59). */
  clientId: string;
  now: () => number;
  /** Bounds of the cache of verified tokens (defaults below). */
  cache?: Partial<VerifiedClaimsCacheOptions>;
  /** Told, for every token that verifies, whether the cache answered. */
  onVerified?: (source: VerificationSource) => void;
}

export type VerificationSource = 'cache' | 'signature';

/**
 * Thousands of signed-in users each hold one token at a time; five minutes
 * caps how long a key withdrawn from the JWKS is still honoured.
 */
export const DEFAULT_VERIFIED_CACHE: VerifiedClaimsCacheOptions = {
  maxEntries: 10_000,
  maxAgeMs: 300_000,
};

/** jose failures that say "this token is bad", as opposed to "the IdP is unreachable". */
const TOKEN_PROBLEMS = new Set<string>([
  errors.JWTClaimValidationFailed.code,
  errors.JWTExpired.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

/** After a failed discovery, wait this long before asking the IdP again. */
const DISCOVERY_RETRY_MS = 5_000;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Verifies the user's access token (check 4 of the token endpoint) with jose
 * against the JWKS named by the issuer's discovery document. jose refetches
 * the JWKS on an unknown `kid` (with a cooldown), so key rotation just works.
 */
export class UserTokenVerifier {
  #keys: JWTVerifyGetKey | undefined;
  #discovering: Promise<JWTVerifyGetKey> | undefined;
  #lastDiscoveryFailure = Number.NEGATIVE_INFINITY;
  readonly #verified: VerifiedClaimsCache;

  constructor(private readonly options: UserTokenVerifierOptions) {
    this.#verified = new VerifiedClaimsCache({
      ...DEFAULT_VERIFIED_CACHE,
      ...options.cache,
    });
  }

  /**
   * The verified claims, or a `BffError` (401 invalid token, 503 IdP down).
   * A token that verified before is answered from the cache until its `exp`;
   * callers still run entitlement and rate limits on every request.
   */
  async verify(token: string): Promise<JWTPayload> {
    if (!JWT_SHAPE.test(token)) throw invalidToken(true);
    const key = VerifiedClaimsCache.keyOf(token);
    const cached = this.#verified.get(key, this.options.now());
    if (cached) {
      this.options.onVerified?.('cache');
      return cached;
    }
    const claims = await this.#verifySignature(token);
    this.#verified.set(key, claims, this.options.now());
    this.options.onVerified?.('signature');
    return claims;
  }

  async #verifySignature(token: string): Promise<JWTPayload> {
    const keys = await this.#jwks();
    const { options } = this;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: options.algorithms,
        clockTolerance: options.clockToleranceS,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(options.now()),
        ...(options.typ === undefined ? {} : { typ: options.typ }),
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw invalidToken(true);
      }
      if (!issuedToClient(payload, options.clientId)) throw invalidToken(true);
      return payload;
    } catch (error) {
      throw classify(error);
    }
  }

  /** Fetches discovery early so the first user does not wait; failures are retried later. */
  async warmUp(): Promise<boolean> {
    try {
      await this.#jwks();
      return true;
    } catch {
      return false;
    }
  }

  async #jwks(): Promise<JWTVerifyGetKey> {
    if (this.#keys) return this.#keys;
    if (this.options.now() - this.#lastDiscoveryFailure < DISCOVERY_RETRY_MS) {
      throw identityProviderUnavailable();
    }
    this.#discovering ??= this.#discover().finally(() => {
      this.#discovering = undefined;
    });
    try {
      this.#keys = await this.#discovering;
      return this.#keys;
    } catch {
      this.#lastDiscoveryFailure = this.options.now();
      throw identityProviderUnavailable();
    }
  }

  async #discover(): Promise<JWTVerifyGetKey> {
    const base = this.options.issuer.replace(/\/$/, '');
    const response = await fetch(`${base}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5_000),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`discovery HTTP ${response.status}`);
    const doc = (await response.json()) as {
      issuer?: unknown;
      jwks_uri?: unknown;
    };
    // OpenID Connect Discovery: the document's issuer must equal ours exactly.
    if (doc.issuer !== this.options.issuer) {
      throw new Error('discovery issuer mismatch');
    }
    if (typeof doc.jwks_uri !== 'string' || !URL.canParse(doc.jwks_uri)) {
      throw new Error('discovery without a jwks_uri');
    }
    return createRemoteJWKSet(new URL(doc.jwks_uri), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 600_000,
    });
  }
}

/**
 * RFC 9068 names the client in `client_id`, OpenID Connect and Keycloak in
 * `azp`. At least one must be there, and each one present must be the SPA:
 * a token another client obtained for the same audience is not the app's.
 */
function issuedToClient(payload: JWTPayload, clientId: string): boolean {
  const named = [payload.client_id, payload.azp].filter(
    (value) => value !== undefined,
  );
  return named.length > 0 && named.every((value) => value === clientId);
}

function classify(error: unknown): BffError {
  if (error instanceof BffError) return error;
  if (error instanceof errors.JOSEError && TOKEN_PROBLEMS.has(error.code)) {
    return invalidToken(true);
  }
  // JWKS timeouts, unreachable or malformed key sets: the IdP, not the user.
  return identityProviderUnavailable();
}
