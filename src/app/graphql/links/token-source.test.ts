import { describe, expect, it, vi } from 'vitest';
import { TokenError } from './token-error';
import { createTokenSource } from './token-source';

function tokenResponse(token: string, expiresIn = 300) {
  return new Response(
    JSON.stringify({
      access_token: token,
      token_type: 'Bearer',
      expires_in: expiresIn,
    }),
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
    },
  );
}

function problem(
  status: number,
  body: object,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

function setup(responses: (() => Response | Promise<Response>)[]) {
  let now = 1_000_000;
  const fetch = vi.fn(() => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return Promise.resolve(next());
  });
  const renewUser = vi.fn(() => Promise.resolve(true));
  const source = createTokenSource({
    endpoint: '/api/token',
    getUserToken: () => Promise.resolve('user-token'),
    renewUser,
    fetch,
    now: () => now,
    marginMs: 30_000,
  });
  return { source, fetch, renewUser, advance: (ms: number) => (now += ms) };
}

describe('token source', () => {
  it('sends the user token and the X-Requested-With header, and never stores the answer', async () => {
    const { source, fetch } = setup([() => tokenResponse('t1')]);
    await expect(source.getToken()).resolves.toBe('t1');
    const init = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[0]).toBe('/api/token');
    expect(init[1].method).toBe('POST');
    expect(init[1].headers).toMatchObject({
      authorization: 'Bearer user-token',
      'x-requested-with': 'tasklist-inbox',
    });
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('shares one request between concurrent callers and reuses the token until the margin', async () => {
    const { source, fetch, advance } = setup([
      () => tokenResponse('t1'),
      () => tokenResponse('t2'),
    ]);
    const tokens = await Promise.all([
      source.getToken(),
      source.getToken(),
      source.getToken(),
    ]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(269_000);
    await expect(source.getToken()).resolves.toBe('t1');
    advance(2_000);
    await expect(source.getToken()).resolves.toBe('t2');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('fetches a new token after invalidate', async () => {
    const { source } = setup([
      () => tokenResponse('t1'),
      () => tokenResponse('t2'),
    ]);
    await source.getToken();
    source.invalidate('t1');
    await expect(source.getToken()).resolves.toBe('t2');
  });

  it('renews the user once on 401 invalid_token, then retries once', async () => {
    const { source, fetch, renewUser } = setup([
      () => problem(401, { code: 'invalid_token' }),
      () => tokenResponse('t1'),
    ]);
    await expect(source.getToken()).resolves.toBe('t1');
    expect(renewUser).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second 401 with an unauthenticated error', async () => {
    const { source, fetch } = setup([
      () => problem(401, { code: 'invalid_token' }),
      () => problem(401, { code: 'invalid_token' }),
    ]);
    await expect(source.getToken()).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('maps refusals: 403 not entitled, 503 retryable, non-retryable 502 is a configuration error', async () => {
    const { source } = setup([
      () => problem(403, { code: 'not_entitled' }),
      () =>
        problem(
          503,
          { code: 'token_provider_unavailable', retryable: true },
          { 'retry-after': '2' },
        ),
      () =>
        problem(502, {
          code: 'token_provider_rejected_credentials',
          retryable: false,
        }),
    ]);
    await expect(source.getToken()).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'not_entitled',
    });
    const unavailable = await source.getToken().catch((e: unknown) => e);
    expect(TokenError.is(unavailable) && unavailable.retryable).toBe(true);
    expect(unavailable).toMatchObject({ retryAfterMs: 2000 });
    await expect(source.getToken()).rejects.toMatchObject({
      kind: 'configuration',
    });
  });

  it('does not cache failures: the next call tries again', async () => {
    const { source } = setup([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => tokenResponse('t1'),
    ]);
    await expect(source.getToken()).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'network_error',
    });
    await expect(source.getToken()).resolves.toBe('t1');
  });
});
