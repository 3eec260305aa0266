import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { unsignedToken } from '../test/token-fixture';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ seed: false });
});

afterAll(async () => {
  await h.close();
});

const post = (headers: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ query: '{ currentUser { userId } }' }),
  });

function expectUnauthenticated(
  response: Awaited<ReturnType<typeof post>>,
  challenge: string,
) {
  expect(response.statusCode).toBe(401);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toBe('{"message":""}');
  expect(response.headers['www-authenticate']).toBe(challenge);
}

describe('authentication on /graphql', () => {
  it('accepts a valid client-credentials token', async () => {
    const response = await post({
      authorization: `Bearer ${await h.tokens.apiToken()}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      data: { currentUser: { userId: 'tasklist-inbox-bff' } },
    });
  });

  it('answers 401 {"message": ""} without a bearer token', async () => {
    expectUnauthenticated(await post({}), 'Bearer');
    expectUnauthenticated(
      await post({ authorization: 'Basic ZGVtbzpkZW1v' }),
      'Bearer',
    );
    expectUnauthenticated(await post({ authorization: 'Bearer' }), 'Bearer');
  });

  it('answers 401 for forged, expired, wrong-audience, wrong-issuer and unsigned tokens', async () => {
    const claims = {
      sub: 'tasklist-inbox-bff',
      client_id: 'tasklist-inbox-bff',
      scope: 'tasklist:read tasklist:write',
    };
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      forged: await h.tokens.sign({ claims, foreignKey: true }),
      forgedUnknownKid: await h.tokens.sign({
        claims,
        foreignKey: true,
        kid: 'attacker',
      }),
      expired: await h.tokens.sign({ claims, expiresIn: -120 }),
      wrongAudience: await h.tokens.sign({
        claims,
        audience: 'tasklist-inbox',
      }),
      wrongIssuer: await h.tokens.sign({
        claims,
        issuer: 'http://127.0.0.1:1',
      }),
      algNone: unsignedToken({
        ...claims,
        iss: h.tokens.issuer,
        aud: 'tasklist-api',
        exp: now + 300,
      }),
      garbage: 'abc.def.ghi',
    };
    for (const [kind, token] of Object.entries(bad)) {
      const response = await post({ authorization: `Bearer ${token}` });
      expect(response.statusCode, kind).toBe(401);
      expect(response.body, kind).toBe('{"message":""}');
      expect(response.headers['www-authenticate'], kind).toBe(
        'Bearer error="invalid_token"',
      );
    }
  });

  it('never writes tokens to the log, but says why it refused', async () => {
    const token = await h.tokens.sign({
      claims: { sub: 'x', client_id: 'x' },
      expiresIn: -120,
    });
    h.logs.length = 0;
    await post({ authorization: `Bearer ${token}` });
    const [, , signature] = token.split('.');
    const logs = h.logs.join('\n');
    expect(logs).toContain('ERR_JWT_EXPIRED');
    expect(logs).not.toContain(signature);
    expect(logs).not.toContain(token.slice(0, 40));
  });

  it('also guards GET requests and leaves /health open', async () => {
    const get = await h.app.inject({
      method: 'GET',
      url: '/graphql?query=%7BcurrentUser%7BuserId%7D%7D',
    });
    expect(get.statusCode).toBe(401);
    const health = await h.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'UP' });
  });
});

describe('CORS', () => {
  const preflight = (app: Harness['app'], origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'authorization,content-type,x-is-polling',
      },
    });

  it('is off by default: no CORS headers, no preflight answer', async () => {
    const response = await preflight(h.app, 'http://127.0.0.1:3000');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.statusCode).toBe(404);
    const actual = await post({
      origin: 'http://127.0.0.1:3000',
      authorization: `Bearer ${await h.tokens.apiToken()}`,
    });
    expect(actual.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights from configured origins only, echoing the exact origin', async () => {
    const cors = await createHarness({
      seed: false,
      corsOrigins: ['http://127.0.0.1:3000', 'http://localhost:5173'],
    });
    try {
      const allowed = await preflight(cors.app, 'http://localhost:5173');
      expect(allowed.statusCode).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(
        'http://localhost:5173',
      );
      expect(allowed.headers.vary).toContain('Origin');
      expect(allowed.headers['access-control-allow-methods']).toBe(
        'GET, POST, OPTIONS',
      );
      expect(allowed.headers['access-control-allow-headers']).toBe(
        'authorization, content-type, x-is-polling',
      );
      expect(
        allowed.headers['access-control-allow-credentials'],
      ).toBeUndefined();

      const foreign = await preflight(cors.app, 'http://evil.example');
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreign.statusCode).not.toBe(204);
      const lookalike = await preflight(
        cors.app,
        'http://127.0.0.1:3000.evil.example',
      );
      expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();

      const token = await cors.tokens.apiToken();
      const actual = await cors.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          origin: 'http://127.0.0.1:3000',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-is-polling': 'true',
        },
        payload: JSON.stringify({ query: '{ currentUser { userId } }' }),
      });
      expect(actual.statusCode).toBe(200);
      expect(actual.headers['access-control-allow-origin']).toBe(
        'http://127.0.0.1:3000',
      );
      const refused = await cors.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          origin: 'http://127.0.0.1:3000',
          'content-type': 'application/json',
        },
        payload: '{}',
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe(
        'http://127.0.0.1:3000',
      );
    } finally {
      await cors.close();
    }
  });
});
