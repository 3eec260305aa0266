import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { unsignedToken } from '../test/token-fixture';
import { expectProblem } from '../test/v2-json';

/*
 * The HTTP edge of /v2: the same token checks as /graphql answered as
 * problems, media types, unreadable bodies, unknown endpoints, and errors
 * that never leak internals.
 */

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.close();
});

describe('authentication, as on /graphql', () => {
  it('answers 401 without a token, with the Bearer challenge', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      token: null,
      body: {},
    });
    expect(expectProblem(reply, 401, 'Unauthorized')).toEqual({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: 'The request lacks valid authentication credentials.',
      instance: '/v2/user-tasks/search',
    });
    expect(reply.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses every token /graphql refuses, and accepts what it accepts', async () => {
    const { tokens } = h;
    const refused = [
      'not-a-jwt',
      unsignedToken({ sub: 'x', iss: tokens.issuer, aud: tokens.audience }),
      await tokens.sign({ claims: { sub: 'x' }, expiresIn: -120 }),
      await tokens.sign({ claims: { sub: 'x' }, audience: 'other-api' }),
      await tokens.sign({
        claims: { sub: 'x' },
        issuer: 'https://evil.example',
      }),
      await tokens.sign({ claims: { sub: 'x' }, foreignKey: true }),
    ];
    for (const token of refused) {
      const v2 = await h.v2('GET', '/v2/user-tasks/1', { token });
      expectProblem(v2, 401, 'Unauthorized');
      expect(v2.headers['www-authenticate']).toBe(
        'Bearer error="invalid_token"',
      );
      const graphql = await h.gql('{ currentUser { userId } }', {}, token);
      expect(graphql.status).toBe(401);
    }
    const user = await h.userToken('demo');
    const accepted = await h.v2('POST', '/v2/user-tasks/search', {
      token: user,
      body: { page: { limit: 1 } },
    });
    expect(accepted.status).toBe(200);
  });

  it('checks the token before anything else, also on unknown endpoints', async () => {
    const reply = await h.v2('GET', '/v2/nothing-here', { token: null });
    expectProblem(reply, 401);
  });

  it('never writes tokens to the log', async () => {
    const token = await h.tokens.apiToken();
    await h.v2('GET', '/v2/user-tasks/1', { token });
    await h.v2('GET', '/v2/user-tasks/1', { token: `${token}x` });
    expect(h.logs.join('\n')).not.toContain(token.slice(-20));
  });
});

describe('requests the API cannot read', () => {
  it('answers 404 with a problem for unknown endpoints and methods', async () => {
    const reply = await h.v2('POST', '/v2/tasks/search', { body: {} });
    expect(expectProblem(reply, 404, 'Not Found').detail).toBe(
      'No endpoint POST /v2/tasks/search.',
    );
    const method = await h.v2('GET', '/v2/user-tasks/search');
    expect(expectProblem(method, 400, 'Bad Request').detail).toBe(
      "Failed to convert 'userTaskKey' with value: 'search'",
    );
    const put = await h.v2('PUT', '/v2/process-instances', { body: {} });
    expectProblem(put, 404, 'Not Found');
  });

  it('answers 400 to broken JSON', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      rawBody: '{"filter": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(expectProblem(reply, 400, 'Bad Request').detail).toBe(
      'Failed to read request',
    );
  });

  it('refuses prototype pollution', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      rawBody: '{"__proto__": {"polluted": true}}',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(reply, 400, 'Bad Request');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats an empty JSON body as no body', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', {
      rawBody: 'filter=all',
      headers: { 'content-type': 'text/plain' },
    });
    expect(expectProblem(reply, 415, 'Unsupported Media Type').detail).toBe(
      "Content-Type 'text/plain' is not supported.",
    );
  });

  it('answers 413 to a body over the limit', async () => {
    const reply = await h.v2('POST', '/v2/process-instances', {
      body: {
        processDefinitionId: 'invoice-approval',
        variables: { blob: 'x'.repeat(6 * 1024 * 1024) },
      },
    });
    expectProblem(reply, 413, 'Payload Too Large');
  });
});

describe('the per-caller rate limit', () => {
  it('answers 429 as a problem with Retry-After, per caller', async () => {
    const limited = await createHarness({ seed: false, rateLimitPerMinute: 2 });
    const search = (token?: string) =>
      limited.v2('POST', '/v2/user-tasks/search', { body: {}, token });
    expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(200);
    const refused = await search();
    expect(expectProblem(refused, 429, 'Too Many Requests').detail).toMatch(
      /^Too many requests: at most 2 per minute per caller/,
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const other = await limited.userToken('demo');
    expect((await search(other)).status).toBe(200);
    await limited.close();
  });
});

describe('unexpected failures', () => {
  it('answer 500 with a generic problem and log the cause', async () => {
    const broken = await createHarness({ seed: false });
    broken.store.db.close();
    const reply = await broken.v2('POST', '/v2/user-tasks/search', {
      body: {},
    });
    expect(expectProblem(reply, 500, 'Internal Server Error').detail).toBe(
      'An unexpected error occurred while processing the request.',
    );
    expect(reply.raw).not.toMatch(/sqlite|database|stack|\.ts/i);
    expect(broken.logs.join('\n')).toMatch(/v2 request failed/);
    await broken.close();
  });
});
