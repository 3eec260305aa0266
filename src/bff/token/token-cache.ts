import type { OAuthClientConfig } from '../config';
import { CircuitBreaker, type CircuitState } from './circuit-breaker';
import { fetchWithRetries, type RetryPolicy } from './fetch-with-retries';
import {
  toProviderError,
  unavailable,
  providerRateLimited,
  rejectedCredentials,
  type FailureKind,
  type TokenProviderError,
} from './token-errors';
import { buildTokenRequest, tokenCacheKey } from './token-request';

/**
 * How the cache answered, logged per request: `hit` (cached and fresh),
 * `miss` (this call fetched it), `shared` (joined a fetch in flight), `stale`
 * (refresh failed or repeated itself; the still-valid token was served).
 */
export type TokenSource = 'hit' | 'miss' | 'shared' | 'stale';

export interface ServedToken {
  accessToken: string;
  /** Seconds the browser may use it: what remains minus the refresh margin. */
  expiresInS: number;
  source: TokenSource;
}

export interface TokenCacheDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface TokenCacheObserver {
  attempt: (result: FailureKind | 'ok', seconds: number) => void;
  /** A refresh failed but a still-valid token was served. */
  staleServed: (error: TokenProviderError) => void;
  fetchFailed: (error: TokenProviderError) => void;
}

export interface TokenCacheTuning {
  retry: Partial<RetryPolicy>;
  /** How long a 400/401 from the provider is remembered (no upstream call). */
  credentialMemoMs: number;
  /** Minimum gap between fetches that keep returning the same token. */
  minRefreshIntervalMs: number;
  breakerThreshold: number;
  breakerOpenMs: number;
}

export interface TokenCacheOptions {
  client: OAuthClientConfig;
  deps: TokenCacheDeps;
  observer?: Partial<TokenCacheObserver>;
  tuning?: Partial<TokenCacheTuning>;
}

export interface TokenFetchStatus {
  lastSuccessAt: number | undefined;
  failingSince: number | undefined;
  lastError: string | undefined;
  circuit: CircuitState;
}

interface CachedToken {
  value: string;
  expiresAt: number;
  marginMs: number;
}

interface Entry {
  token: CachedToken | undefined;
  inFlight: Promise<CachedToken> | undefined;
  /** Set when the provider answered with the same token again. */
  quietUntil: number;
  rejectedUntil: number;
  rateLimitedUntil: number;
  breaker: CircuitBreaker;
  status: Omit<TokenFetchStatus, 'circuit'>;
}

const DEFAULT_TUNING: TokenCacheTuning = {
  retry: {},
  credentialMemoMs: 60_000,
  minRefreshIntervalMs: 5_000,
  breakerThreshold: 5,
  breakerOpenMs: 30_000,
};

/** The refresh margin of security.md section 4: min(30 s, 10 % of the lifetime). */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(30_000, lifetimeMs * 0.1);
}

/**
 * The in-memory client-credentials token cache (never on disk). One entry
 * per (token URL, client id, audience, scope, resource); single flight per
 * entry; never caches a failure; serves a still-valid token when a refresh
 * fails; does not loop when the provider returns the same token again.
 */
export class TokenCache {
  readonly #entries = new Map<string, Entry>();
  readonly #tuning: TokenCacheTuning;
  readonly #retry: RetryPolicy;
  /** The configured client's key, computed once: it is asked for on every request. */
  readonly #ownKey: string;

  constructor(private readonly options: TokenCacheOptions) {
    this.#ownKey = tokenCacheKey(options.client);
    this.#tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.#retry = {
      timeoutMs: options.client.timeoutMs,
      budgetMs: 9_000,
      maxRetries: 2,
      backoffBaseMs: 200,
      ...this.#tuning.retry,
    };
  }

  /** A Tasklist token for the browser, or a `TokenProviderError`. */
  async getToken(
    client: OAuthClientConfig = this.options.client,
  ): Promise<ServedToken> {
    const entry = this.#entry(client);
    const now = this.options.deps.now();
    const token = entry.token;
    if (token && now < token.expiresAt - token.marginMs) {
      return serve(token, now, 'hit');
    }
    if (entry.inFlight) return this.#await(entry, entry.inFlight, 'shared');
    const blocked = this.#blocked(entry, now);
    if (blocked) return this.#fallback(entry, blocked);
    if (token && now < entry.quietUntil && usable(token, now)) {
      return serve(token, now, 'stale');
    }
    const flight = this.#refresh(entry, client).finally(() => {
      entry.inFlight = undefined;
    });
    entry.inFlight = flight;
    return this.#await(entry, flight, 'miss');
  }

  /**
   * Forgets `token` after an API refused it (proxy mode's upstream 401), so
   * the next call fetches a new one. A token already replaced is left alone.
   */
  invalidate(
    token: string,
    client: OAuthClientConfig = this.options.client,
  ): void {
    const entry = this.#entry(client);
    if (entry.token?.value !== token) return;
    entry.token = undefined;
    entry.quietUntil = 0;
  }

  /** What `/readyz` reports about the configured client. */
  status(): TokenFetchStatus {
    const entry = this.#entry(this.options.client);
    return { ...entry.status, circuit: entry.breaker.state() };
  }

  async #await(
    entry: Entry,
    flight: Promise<CachedToken>,
    source: TokenSource,
  ): Promise<ServedToken> {
    try {
      const token = await flight;
      const now = this.options.deps.now();
      const fresh = now < token.expiresAt - token.marginMs;
      return serve(token, now, fresh ? source : 'stale');
    } catch (error) {
      return this.#fallback(entry, error as TokenProviderError);
    }
  }

  /** Serve stale but valid: a still-usable token beats an error; an expired one never. */
  #fallback(entry: Entry, error: TokenProviderError): ServedToken {
    const now = this.options.deps.now();
    const token = entry.token;
    if (token && usable(token, now)) {
      this.options.observer?.staleServed?.(error);
      return serve(token, now, 'stale');
    }
    throw error;
  }

  /** Reasons not to call upstream at all right now. */
  #blocked(entry: Entry, now: number): TokenProviderError | undefined {
    if (now < entry.rejectedUntil) {
      return rejectedCredentials('remembered credential rejection');
    }
    if (now < entry.rateLimitedUntil) {
      return providerRateLimited(
        (entry.rateLimitedUntil - now) / 1000,
        'remembered provider rate limit',
      );
    }
    const openMs = entry.breaker.remainingOpenMs();
    return openMs > 0
      ? unavailable(503, openMs / 1000, 'circuit open')
      : undefined;
  }

  async #refresh(
    entry: Entry,
    client: OAuthClientConfig,
  ): Promise<CachedToken> {
    const { deps, observer } = this.options;
    const outcome = await fetchWithRetries(
      buildTokenRequest(client),
      this.#retry,
      {
        ...deps,
        onAttempt: (result, seconds) => observer?.attempt?.(result, seconds),
      },
    );
    const now = deps.now();
    if (!outcome.ok) {
      const error = toProviderError(outcome.failure);
      this.#recordFailure(
        entry,
        outcome.failure.kind,
        outcome.failure.retryAfterS,
        now,
      );
      entry.status.failingSince ??= now;
      entry.status.lastError = error.code;
      observer?.fetchFailed?.(error);
      throw error;
    }
    entry.breaker.recordSuccess();
    entry.rejectedUntil = 0;
    entry.rateLimitedUntil = 0;
    entry.status = {
      lastSuccessAt: now,
      failingSince: undefined,
      lastError: undefined,
    };
    entry.token = this.#nextToken(
      entry,
      outcome.token.accessToken,
      now + outcome.token.lifetimeMs,
      outcome.token.lifetimeMs,
      now,
    );
    return entry.token;
  }

  /**
   * Camunda Identity and Keycloak hand out the same token until shortly
   * before it expires. Such an answer keeps the original margin and starts a
   * quiet period, so a burst of callers cannot turn into a refetch loop.
   */
  #nextToken(
    entry: Entry,
    value: string,
    expiresAt: number,
    lifetimeMs: number,
    now: number,
  ): CachedToken {
    const previous = entry.token;
    const notNewer =
      previous !== undefined &&
      (previous.value === value || expiresAt <= previous.expiresAt);
    if (previous && notNewer) {
      entry.quietUntil = now + this.#tuning.minRefreshIntervalMs;
      return { value, expiresAt, marginMs: previous.marginMs };
    }
    entry.quietUntil = 0;
    return { value, expiresAt, marginMs: refreshMarginMs(lifetimeMs) };
  }

  #recordFailure(
    entry: Entry,
    kind: FailureKind,
    retryAfterS: number | undefined,
    now: number,
  ): void {
    if (kind === 'rejected') {
      entry.rejectedUntil = now + this.#tuning.credentialMemoMs;
      return;
    }
    if (kind === 'rate_limited' && retryAfterS !== undefined) {
      entry.rateLimitedUntil = now + retryAfterS * 1000;
    }
    if (kind !== 'client_error') entry.breaker.recordFailure();
  }

  #entry(client: OAuthClientConfig): Entry {
    const key =
      client === this.options.client ? this.#ownKey : tokenCacheKey(client);
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = {
        token: undefined,
        inFlight: undefined,
        quietUntil: 0,
        rejectedUntil: 0,
        rateLimitedUntil: 0,
        breaker: new CircuitBreaker({
          threshold: this.#tuning.breakerThreshold,
          openMs: this.#tuning.breakerOpenMs,
          now: this.options.deps.now,
        }),
        status: {
          lastSuccessAt: undefined,
          failingSince: undefined,
          lastError: undefined,
        },
      };
      this.#entries.set(key, entry);
    }
    return entry;
  }
}

/** A token may be handed out while at least a second of it remains after our one-second safety. */
function usable(token: CachedToken, now: number): boolean {
  return token.expiresAt - now >= 2_000;
}

function serve(
  token: CachedToken,
  now: number,
  source: TokenSource,
): ServedToken {
  const remainingMs = token.expiresAt - now;
  const fresh = remainingMs > token.marginMs;
  // A fresh token tells the browser to come back before our margin starts; a
  // stale one (the provider is failing or repeats itself) may be used until
  // one second before it really expires.
  const expiresInS = fresh
    ? Math.floor((remainingMs - token.marginMs) / 1000)
    : Math.floor(remainingMs / 1000) - 1;
  return {
    accessToken: token.value,
    expiresInS: Math.max(1, expiresInS),
    source,
  };
}
