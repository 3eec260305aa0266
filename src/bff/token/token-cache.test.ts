import { describe, expect, test } from 'vitest';
import { loadConfig, type OAuthClientConfig } from '../config';
import { createFakeFetch, type FakeFetch } from '../test/fake-fetch';
import { FakeClock } from '../test/fake-clock';
import {
  TokenCache,
  refreshMarginMs,
  type TokenCacheTuning,
} from './token-cache';
import { TokenProviderError } from './token-errors';

// security.md 11.2 C15-C25, with an injected clock, fetch and sleep so that
// expiry, margins, backoff and the circuit breaker are exact and instant.

const client: OAuthClientConfig = loadConfig({
  NODE_ENV: 'test',
  OAUTH_TOKEN_URL: 'https://login.example.test/oauth/token',
  OAUTH_CLIENT_SECRET: 'unit-secret',
}).config.oauth;

interface Harness {
  cache: TokenCache;
  upstream: FakeFetch;
  clock: FakeClock;
  sleeps: number[];
}

function harness(tuning: Partial<TokenCacheTuning> = {}): Harness {
  const upstream = createFakeFetch();
  const clock = new FakeClock();
  const sleeps: number[] = [];
  const cache = new TokenCache({
    client,
    deps: {
      fetch: upstream.fetch,
      now: clock.now,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
    tuning,
  });
  return { cache, upstream, clock, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<TokenProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenProviderError) return error;
    throw error;
  }
  throw new Error('expected the token request to fail');
}

describe('expiry and margin', () => {
  test('the refresh margin is min(30 s, 10 % of the lifetime)', () => {
    expect(refreshMarginMs(300_000)).toBe(30_000);
    expect(refreshMarginMs(3_600_000)).toBe(30_000);
    expect(refreshMarginMs(60_000)).toBe(6_000);
  });

  test('expires_in handed out is the remaining lifetime minus the margin', async () => {
    const { cache, upstream, clock } = harness();
    upstream.script({ token: 'short', expiresIn: 60 });
    expect(await cache.getToken()).toMatchObject({ expiresInS: 54 });
    clock.advance(20);
    expect(await cache.getToken()).toMatchObject({
      accessToken: 'short',
      expiresInS: 34,
      source: 'hit',
    });
  });

  test('expiry counts from the moment the response arrives', async () => {
    const { cache, upstream, clock } = harness();
    // The provider takes 3 s to answer; its 300 s start when the answer lands.
    upstream.onCall(() => {
      clock.advance(3);
    });
    const served = await cache.getToken();
    expect(served.expiresInS).toBe(270);
  });

  test('a second call within the lifetime is a cache hit (C15)', async () => {
    const { cache, upstream, clock } = harness();
    const first = await cache.getToken();
    clock.advance(100);
    const second = await cache.getToken();
    expect(upstream.calls).toHaveLength(1);
    expect(second).toMatchObject({
      accessToken: first.accessToken,
      source: 'hit',
    });
  });

  test('the next call refreshes at expiresAt - margin + 1 s, not before (C17)', async () => {
    const { cache, upstream, clock } = harness();
    upstream.script(
      { token: 'first', expiresIn: 300 },
      { token: 'second', expiresIn: 300 },
    );
    await cache.getToken();
    clock.advance(269);
    expect((await cache.getToken()).accessToken).toBe('first');
    expect(upstream.calls).toHaveLength(1);
    clock.advance(2); // 271 s: one second into the 30 s margin
    expect(await cache.getToken()).toMatchObject({
      accessToken: 'second',
      source: 'miss',
    });
    expect(upstream.calls).toHaveLength(2);
  });

  test('one cache entry per token URL, client, audience and scope', async () => {
    const { cache, upstream } = harness();
    await cache.getToken(client);
    await cache.getToken({ ...client });
    expect(upstream.calls).toHaveLength(1);
    await cache.getToken({ ...client, audience: 'tasklist.camunda.io' });
    await cache.getToken({ ...client, scope: 'read:*' });
    expect(upstream.calls).toHaveLength(3);
  });
});

describe('single flight', () => {
  test('50 concurrent requests on a cold cache cause exactly 1 upstream request (C16)', async () => {
    const { cache, upstream } = harness();
    const served = await Promise.all(
      Array.from({ length: 50 }, () => cache.getToken()),
    );
    expect(upstream.calls).toHaveLength(1);
    expect(new Set(served.map((s) => s.accessToken)).size).toBe(1);
    expect(served.filter((s) => s.source === 'miss')).toHaveLength(1);
    expect(served.filter((s) => s.source === 'shared')).toHaveLength(49);
  });

  test('an upstream failure is not cached: concurrent callers share it, the next call tries again (C18)', async () => {
    const { cache, upstream } = harness();
    upstream.script({ status: 404 }); // not retried, not remembered
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => cache.getToken()),
    );
    expect(upstream.calls).toHaveLength(1);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({
          code: 'token_provider_error',
          statusCode: 502,
        });
      }
    }
    expect((await cache.getToken()).source).toBe('miss');
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('resilience', () => {
  test('an upstream that hangs is answered with 504 and Retry-After within the budget (C19)', async () => {
    const { cache, upstream } = harness({
      retry: { timeoutMs: 300, budgetMs: 1_000 },
    });
    upstream.setFallback('hang');
    const started = performance.now();
    const error = await failure(cache.getToken());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({
      statusCode: 504,
      code: 'token_provider_unavailable',
      retryable: true,
    });
    expect(Number(error.headers['retry-after'])).toBeGreaterThan(0);
    expect(upstream.calls.length).toBeLessThanOrEqual(3);
  });

  test('a network error maps to 503 token_provider_unavailable after the retries', async () => {
    const { cache, upstream } = harness();
    upstream.setFallback('network-error');
    const error = await failure(cache.getToken());
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'token_provider_unavailable',
    });
    expect(error.headers['retry-after']).toBeDefined();
    expect(upstream.calls).toHaveLength(3);
  });

  test('upstream 500 then 200: one retry, then success (C20)', async () => {
    const { cache, upstream, sleeps } = harness();
    upstream.script({ status: 500 }, { token: 'after-retry', expiresIn: 300 });
    expect((await cache.getToken()).accessToken).toBe('after-retry');
    expect(upstream.calls).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  test('upstream 500 three times: 502 after exactly 3 attempts with jittered backoff (C20)', async () => {
    const { cache, upstream, sleeps } = harness();
    upstream.setFallback({ status: 500 });
    const error = await failure(cache.getToken());
    expect(error).toMatchObject({
      statusCode: 502,
      code: 'token_provider_error',
      retryable: true,
    });
    expect(upstream.calls).toHaveLength(3);
    // Full jitter with random() = 0.5 on a 200 ms base growing threefold.
    expect(sleeps).toEqual([100, 300]);
  });

  test('upstream 429 with Retry-After: 2 gives 503 with Retry-After >= 2 and no hammering (C21)', async () => {
    const { cache, upstream, sleeps, clock } = harness();
    upstream.setFallback({ status: 429, headers: { 'retry-after': '2' } });
    const error = await failure(cache.getToken());
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'token_provider_rate_limited',
    });
    expect(Number(error.headers['retry-after'])).toBeGreaterThanOrEqual(2);
    expect(sleeps.every((ms) => ms >= 2_000)).toBe(true);
    const attempts = upstream.calls.length;
    // Within the provider's window the BFF answers without calling it.
    clock.advance(1);
    await failure(cache.getToken());
    expect(upstream.calls).toHaveLength(attempts);
    clock.advance(2);
    upstream.setFallback({ token: 'later', expiresIn: 300 });
    expect((await cache.getToken()).accessToken).toBe('later');
  });

  test('upstream 401 invalid_client: 502 rejected credentials, no retry, remembered for 60 s (C22)', async () => {
    const { cache, upstream, clock } = harness();
    upstream.setFallback({ status: 401, body: { error: 'invalid_client' } });
    const error = await failure(cache.getToken());
    expect(error).toMatchObject({
      statusCode: 502,
      code: 'token_provider_rejected_credentials',
      retryable: false,
    });
    expect(upstream.calls).toHaveLength(1);
    clock.advance(59);
    expect(await failure(cache.getToken())).toMatchObject({
      code: 'token_provider_rejected_credentials',
    });
    expect(upstream.calls).toHaveLength(1);
    clock.advance(2);
    await failure(cache.getToken());
    expect(upstream.calls).toHaveLength(2);
  });

  test('upstream 400 invalid_scope is treated like rejected credentials', async () => {
    const { cache, upstream } = harness();
    upstream.setFallback({ status: 400, body: { error: 'invalid_scope' } });
    expect(await failure(cache.getToken())).toMatchObject({
      code: 'token_provider_rejected_credentials',
    });
    expect(upstream.calls).toHaveLength(1);
  });

  test('the circuit opens after 5 failed fetches and answers without upstream until the window passes (C23)', async () => {
    const { cache, upstream, clock } = harness();
    upstream.setFallback({ status: 503 });
    for (let i = 0; i < 5; i += 1) await failure(cache.getToken());
    const attempts = upstream.calls.length;
    expect(attempts).toBe(15);
    expect(cache.status().circuit).toBe('open');
    const open = await failure(cache.getToken());
    expect(open).toMatchObject({
      statusCode: 503,
      code: 'token_provider_unavailable',
    });
    expect(Number(open.headers['retry-after'])).toBe(30);
    clock.advance(29);
    await failure(cache.getToken());
    expect(upstream.calls).toHaveLength(attempts);
    clock.advance(2);
    upstream.setFallback({ token: 'recovered', expiresIn: 300 });
    expect((await cache.getToken()).accessToken).toBe('recovered');
    expect(cache.status().circuit).toBe('closed');
  });

  test('the same token again does not cause a refetch loop (C24)', async () => {
    const { cache, upstream, clock } = harness();
    const expiresAt = clock.ms + 300_000;
    // Like Camunda Identity: the same token, with whatever life it has left.
    upstream.setFallback({ token: 'sticky', expiresIn: 300 });
    await cache.getToken();
    clock.advance(271);
    const counts: number[] = [];
    for (let second = 0; second < 25; second += 1) {
      upstream.setFallback({
        token: 'sticky',
        expiresIn: Math.round((expiresAt - clock.ms) / 1000),
      });
      const served = await cache.getToken();
      expect(served.accessToken).toBe('sticky');
      counts.push(upstream.calls.length);
      clock.advance(1);
    }
    // 25 s inside the margin with a 5 s minimum interval: at most 5 refetches.
    expect(upstream.calls.length - 1).toBeLessThanOrEqual(5);
    expect(counts.at(-1)).toBeGreaterThan(1);
  });

  test('a failed refresh serves the still-valid cached token; an expired one never (C25)', async () => {
    const { cache, upstream, clock } = harness();
    upstream.script({ token: 'cached', expiresIn: 300 });
    upstream.setFallback({ status: 500 });
    await cache.getToken();
    clock.advance(280); // inside the margin: 20 s left
    const stale = await cache.getToken();
    expect(stale).toMatchObject({ accessToken: 'cached', source: 'stale' });
    expect(stale.expiresInS).toBeLessThanOrEqual(19);
    expect(cache.status().failingSince).toBeDefined();
    clock.advance(20); // expired now
    const error = await failure(cache.getToken());
    expect(error.code).toBe('token_provider_error');
  });

  test('readiness reports ok, then failing since the first failure, then ok again', async () => {
    const { cache, upstream, clock } = harness();
    expect(cache.status()).toMatchObject({
      failingSince: undefined,
      lastSuccessAt: undefined,
    });
    await cache.getToken();
    expect(cache.status().lastSuccessAt).toBe(clock.ms);
    clock.advance(300);
    const failedAt = clock.ms;
    upstream.setFallback({ status: 500 });
    await failure(cache.getToken());
    clock.advance(1);
    await failure(cache.getToken());
    expect(cache.status()).toMatchObject({
      failingSince: failedAt,
      lastError: 'token_provider_error',
    });
    upstream.setFallback({ token: 'back', expiresIn: 300 });
    await cache.getToken();
    expect(cache.status()).toMatchObject({
      failingSince: undefined,
      lastError: undefined,
    });
  });
});
