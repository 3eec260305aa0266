import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, test } from 'vitest';
import { managementOf } from '../app';
import {
  CANARY_SECRET,
  startBffHarness,
  tokenHeaders,
  type TestBuildOptions,
} from '../test/bff-harness';
import type { StubReply } from '../test/fake-token-endpoint';

// The token endpoint against a real HTTP stub of the provider: the success
// contract (B14), single flight under 1,000 callers counted by the stub and
// by /metrics, and every upstream failure mapped as in security.md 5.

const UPSTREAM_TEXT = 'upstream-says-something-internal';

const { idp, upstream, bff } = await startBffHarness();
let userToken: string;

beforeAll(async () => {
  userToken = await idp.mint({ sub: 'alice' });
});

async function requestToken(server: FastifyInstance) {
  return server.inject({
    method: 'POST',
    url: '/api/token',
    headers: tokenHeaders(userToken),
  });
}

/** Reads one sample from the Prometheus text format. */
async function metric(server: FastifyInstance, series: string) {
  const text = (await managementOf(server).inject({ url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test('token endpoint success: no-store, exact body, expires_in within the margin (B14)', async () => {
  const server = await bff();
  upstream.script({ kind: 'token', token: 'tasklist-token-1', expiresIn: 300 });
  const response = await requestToken(server);
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers.pragma).toBe('no-cache');
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  const body = response.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual([
    'access_token',
    'expires_in',
    'token_type',
  ]);
  expect(body).toMatchObject({
    access_token: 'tasklist-token-1',
    token_type: 'Bearer',
  });
  expect(body.expires_in).toBeGreaterThan(0);
  expect(body.expires_in).toBeLessThanOrEqual(300 - 30);
});

test('the client-credentials request is form-encoded with client auth and audience in the body', async () => {
  await requestToken(await bff());
  expect(upstream.calls).toHaveLength(1);
  const call = upstream.calls[0];
  expect(call?.contentType).toBe('application/x-www-form-urlencoded');
  const form = new URLSearchParams(call?.body);
  expect(Object.fromEntries(form)).toEqual({
    grant_type: 'client_credentials',
    client_id: 'tasklist-inbox-bff',
    client_secret: CANARY_SECRET,
    audience: 'tasklist-api',
  });
});

test('1,000 concurrent callers cause exactly one upstream request, counted by the stub and /metrics', async () => {
  const server = await bff({ BFF_RATE_LIMIT_PER_USER: '5000' });
  upstream.script({ kind: 'token', token: 'shared-token', delayMs: 100 });
  const responses = await Promise.all(
    Array.from({ length: 1000 }, () => requestToken(server)),
  );
  expect(responses.every((r) => r.statusCode === 200)).toBe(true);
  expect(
    new Set(
      responses.map((r) => r.json<{ access_token: string }>().access_token),
    ),
  ).toEqual(new Set(['shared-token']));
  expect(upstream.calls).toHaveLength(1);
  expect(
    await metric(server, 'bff_upstream_token_requests_total{result="ok"}'),
  ).toBe(1);
  expect(await metric(server, 'bff_token_requests_total{result="ok"}')).toBe(
    1000,
  );
  expect(await metric(server, 'bff_token_cache_hits_total')).toBe(999);
  expect(
    await metric(server, 'bff_upstream_token_duration_seconds_count'),
  ).toBe(1);
});

describe('upstream failures reach the browser as problem+json (security.md 5)', () => {
  const fast: TestBuildOptions = {
    tuning: { retry: { timeoutMs: 300, budgetMs: 1_000 } },
  };
  const cases: {
    name: string;
    reply: StubReply;
    status: number;
    code: string;
    retryable: boolean;
    retryAfter?: (value: number) => boolean;
    /** Exact attempt count, or [min, max] where wall-clock time decides. */
    attempts: number | [number, number];
  }[] = [
    {
      name: 'upstream slow (hangs past the timeout)',
      reply: { kind: 'hang' },
      status: 504,
      code: 'token_provider_unavailable',
      retryable: true,
      retryAfter: (v) => v > 0,
      attempts: [2, 3], // the 1 s budget, not the retry count, may end it
    },
    {
      name: 'upstream resets the connection',
      reply: { kind: 'reset' },
      status: 503,
      code: 'token_provider_unavailable',
      retryable: true,
      retryAfter: (v) => v > 0,
      attempts: 3,
    },
    {
      name: 'upstream 5xx',
      reply: {
        kind: 'status',
        status: 500,
        body: { error: 'server_error', error_description: UPSTREAM_TEXT },
      },
      status: 502,
      code: 'token_provider_error',
      retryable: true,
      attempts: 3,
    },
    {
      name: 'upstream 429 with Retry-After',
      reply: {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: UPSTREAM_TEXT },
      },
      status: 503,
      code: 'token_provider_rate_limited',
      retryable: true,
      retryAfter: (v) => v >= 7,
      attempts: 1, // 7 s does not fit the 1 s budget, so no retry
    },
    {
      name: 'upstream 401 invalid_client',
      reply: {
        kind: 'status',
        status: 401,
        body: { error: 'invalid_client', error_description: UPSTREAM_TEXT },
      },
      status: 502,
      code: 'token_provider_rejected_credentials',
      retryable: false,
      attempts: 1,
    },
  ];

  for (const c of cases) {
    test(`${c.name} → ${c.status} ${c.code}`, async () => {
      const server = await bff({}, fast);
      upstream.setFallback(c.reply);
      const response = await requestToken(server);
      expect(response.statusCode).toBe(c.status);
      expect(response.headers['content-type']).toMatch(
        /^application\/problem\+json/,
      );
      expect(response.json()).toEqual({
        type: `urn:tasklist-inbox:problem:${c.code}`,
        title: expect.any(String) as string,
        status: c.status,
        code: c.code,
        retryable: c.retryable,
        ...(c.code === 'token_provider_rejected_credentials'
          ? { detail: expect.any(String) as string }
          : {}),
      });
      expect(response.body).not.toContain(UPSTREAM_TEXT);
      if (c.retryAfter) {
        expect(c.retryAfter(Number(response.headers['retry-after']))).toBe(
          true,
        );
      }
      const [min, max] = Array.isArray(c.attempts)
        ? c.attempts
        : [c.attempts, c.attempts];
      expect(upstream.calls.length).toBeGreaterThanOrEqual(min);
      expect(upstream.calls.length).toBeLessThanOrEqual(max);
      expect(
        await metric(server, `bff_token_requests_total{result="${c.code}"}`),
      ).toBe(1);
    });
  }

  test('upstream down (connection refused) → 503 token_provider_unavailable', async () => {
    const server = await bff(
      { OAUTH_TOKEN_URL: 'http://127.0.0.1:9/token' },
      fast,
    );
    const response = await requestToken(server);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      code: 'token_provider_unavailable',
      retryable: true,
    });
    expect(response.headers['retry-after']).toBeDefined();
    expect(
      await metric(
        server,
        'bff_upstream_token_requests_total{result="network_error"}',
      ),
    ).toBe(3);
  });

  test('a 401 is remembered: the next call within 60 s does not reach upstream', async () => {
    const server = await bff({}, fast);
    upstream.setFallback({
      kind: 'status',
      status: 401,
      body: { error: 'invalid_client' },
    });
    await requestToken(server);
    const second = await requestToken(server);
    expect(second.json()).toMatchObject({
      code: 'token_provider_rejected_credentials',
    });
    expect(upstream.calls).toHaveLength(1);
  });

  test('/readyz reports failing since the first failure (503), /healthz stays up', async () => {
    const server = await bff({}, fast);
    const management = managementOf(server);
    expect((await management.inject({ url: '/readyz' })).statusCode).toBe(200);
    upstream.setFallback({ kind: 'status', status: 500 });
    await requestToken(server);
    const ready = await management.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'failing',
      tokenFetch: { lastError: 'token_provider_error', circuit: 'closed' },
    });
    const failingSince = ready.json<{ tokenFetch: { failingSince: string } }>()
      .tokenFetch.failingSince;
    expect(Date.parse(failingSince)).toBeLessThanOrEqual(Date.now());
    expect((await server.inject({ url: '/healthz' })).statusCode).toBe(200);
    upstream.setFallback({ kind: 'token' });
    expect((await requestToken(server)).statusCode).toBe(200);
    expect((await management.inject({ url: '/readyz' })).json()).toMatchObject({
      status: 'ok',
    });
  });
});
