import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';

/**
 * H54 and H55 at the HTTP layer of the embedded Tasklist: a 1 MiB body limit
 * answered with 413 and a per-caller rate limit, for `/graphql` and for any
 * other route the server has or will have.
 */
const MIB = 1024 * 1024;

describe('body limit (H54)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: false });
  });
  afterAll(async () => {
    await h.close();
  });

  const query = (padding: number) =>
    JSON.stringify({
      query: '{ currentUser { userId } }',
      variables: { pad: 'x'.repeat(padding) },
    });

  it('accepts a body just under 1 MiB and refuses one just over it with 413', async () => {
    const token = await h.tokens.apiToken();
    const send = (payload: string) =>
      h.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        payload,
      });
    const under = await send(query(MIB - 200));
    expect(under.statusCode).toBe(200);
    const over = await send(query(MIB));
    expect(over.statusCode).toBe(413);
    expect(over.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Request body too large: the limit is 1 MiB (1048576 bytes)',
          extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses an oversized body before authentication, so it is never read', async () => {
    const reply = await h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: query(2 * MIB),
    });
    expect(reply.statusCode).toBe(413);
  });

  it('refuses a streamed body without Content-Length once it passes the limit', async () => {
    const reply = await h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await h.tokens.apiToken()}`,
      },
      payload: Readable.from([Buffer.from(query(2 * MIB))]),
    });
    expect(reply.headers['content-length']).not.toBe(undefined);
    expect(reply.statusCode).toBe(413);
  });

  it('applies to every route, not only /graphql', async () => {
    const reply = await h.app.inject({
      method: 'POST',
      url: '/v2/user-tasks/search',
      headers: { 'content-type': 'application/json' },
      payload: query(2 * MIB),
    });
    expect(reply.statusCode).toBe(413);
    // The REST API answers in its own shape, a problem document.
    expect(reply.headers['content-type']).toMatch(
      /^application\/problem\+json/,
    );
    expect(reply.json()).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'Request body too large: the limit is 1 MiB (1048576 bytes)',
      instance: '/v2/user-tasks/search',
    });
  });
});

describe('per-caller rate limit (H55)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: false, rateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await h.close();
  });

  const ask = async (token: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      payload: JSON.stringify({ query: '{ currentUser { userId } }' }),
    });

  it('answers the request over the limit as a GraphQL error with Retry-After; others go on', async () => {
    const api = await h.tokens.apiToken();
    for (let i = 0; i < 3; i += 1)
      expect((await ask(api)).statusCode).toBe(200);
    const refused = await ask(api);
    expect(refused.statusCode).toBe(200);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const body = refused.json<{
      data: null;
      errors: { message: string; extensions: unknown }[];
    }>();
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.message).toMatch(
      /^Too many requests: at most 3 per minute per caller\. Try again in \d+ seconds\.$/,
    );
    expect(body.errors[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });

    // Another caller, and the same caller from another address, are not affected.
    const user = await h.userToken('demo', 'tasklist:read');
    expect((await ask(user)).json()).toEqual({
      data: { currentUser: { userId: 'demo' } },
    });
    expect((await ask(api, '10.0.0.7')).json()).toEqual({
      data: { currentUser: { userId: 'tasklist-inbox-bff' } },
    });

    // Probes are never throttled.
    const health = await h.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });
});
