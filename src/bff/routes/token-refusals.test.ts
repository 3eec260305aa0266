import { SignJWT, UnsecuredJWT } from 'jose';
import { createSecretKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { APP_ORIGIN, startBffHarness, tokenHeaders } from '../test/bff-harness';
import { FakeClock } from '../test/fake-clock';

// security.md 11.2 B6-B13: every refusal, in the order the checks run, with
// its status, code and headers, and the upstream token endpoint untouched.

const harness = await startBffHarness();
const { idp, upstream, currentOrNew, closeApps } = harness;

async function bff(env: NodeJS.ProcessEnv = {}, clock?: FakeClock) {
  return harness.bff(env, clock ? { deps: { now: clock.now } } : {});
}

async function post(headers: Record<string, string>, env?: NodeJS.ProcessEnv) {
  const server = harness.current() ?? (await bff(env));
  return server.inject({ method: 'POST', url: '/api/token', headers });
}

function expectRefusal(
  response: Awaited<ReturnType<typeof post>>,
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(
    /^application\/problem\+json/,
  );
  expect(response.json()).toMatchObject({ status, code });
  expect(response.headers['cache-control']).toBe('no-store');
  expect(upstream.calls).toHaveLength(0);
}

describe('check 1a: no query string (H68)', () => {
  test('token endpoint refuses a query string before any other check', async () => {
    const server = await bff();
    for (const url of ['/api/token?access_token=x', '/api/token?a=1&b=2']) {
      const response = await server.inject({
        method: 'POST',
        url,
        headers: tokenHeaders(await idp.mint()),
      });
      expectRefusal(response, 400, 'query_not_allowed');
    }
    // The method check still comes first.
    const get = await server.inject({ method: 'GET', url: '/api/token?x=1' });
    expect(get.statusCode).toBe(405);
  });
});

describe('check 2: Origin', () => {
  test('token endpoint rejects a request without Origin', async () => {
    const headers = tokenHeaders(await idp.mint());
    delete headers.origin;
    expectRefusal(await post(headers), 403, 'origin_not_allowed');
  });

  test('token endpoint rejects foreign Origin', async () => {
    const response = await post(
      tokenHeaders(await idp.mint(), { origin: 'https://evil.example' }),
    );
    expectRefusal(response, 403, 'origin_not_allowed');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('token endpoint rejects origins that only share a prefix, suffix or subdomain', async () => {
    const token = await idp.mint();
    for (const origin of [
      'http://127.0.0.1:3000.evil.example',
      'http://evil.localhost:3000',
      'http://127.0.0.1:30000',
      'https://127.0.0.1:3000',
      `${APP_ORIGIN}/`,
      'null',
    ]) {
      expectRefusal(
        await post(tokenHeaders(token, { origin })),
        403,
        'origin_not_allowed',
      );
    }
  });

  test('token endpoint rejects Sec-Fetch-Site cross-site even with an allowed Origin', async () => {
    const response = await post(
      tokenHeaders(await idp.mint(), { 'sec-fetch-site': 'cross-site' }),
    );
    expectRefusal(response, 403, 'origin_not_allowed');
  });

  test('token endpoint accepts Sec-Fetch-Site same-site only when configured', async () => {
    const headers = tokenHeaders(await idp.mint(), {
      'sec-fetch-site': 'same-site',
    });
    expectRefusal(await post(headers), 403, 'origin_not_allowed');
    await closeApps();
    const allowed = await post(headers, { BFF_ALLOW_SAME_SITE: 'true' });
    expect(allowed.statusCode).toBe(200);
  });
});

describe('check 3: the custom header', () => {
  test('token endpoint rejects a request without X-Requested-With', async () => {
    const headers = tokenHeaders(await idp.mint());
    delete headers['x-requested-with'];
    expectRefusal(await post(headers), 403, 'csrf_header_missing');
  });

  test('token endpoint rejects a wrong X-Requested-With value', async () => {
    const response = await post(
      tokenHeaders(await idp.mint(), { 'x-requested-with': 'XMLHttpRequest' }),
    );
    expectRefusal(response, 403, 'csrf_header_missing');
  });
});

describe('check 4: the user token', () => {
  test('token endpoint rejects a missing Authorization with WWW-Authenticate: Bearer', async () => {
    const headers = tokenHeaders('x');
    delete headers.authorization;
    const response = await post(headers);
    expectRefusal(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  test('token endpoint rejects the Basic scheme with WWW-Authenticate: Bearer', async () => {
    const response = await post(
      tokenHeaders('x', { authorization: 'Basic YWxpY2U6c2VjcmV0' }),
    );
    expectRefusal(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  test('token endpoint rejects a malformed JWT as invalid_token', async () => {
    for (const token of ['not-a-jwt', 'a.b', 'e30.e30.e30.e30']) {
      const response = await post(tokenHeaders(token));
      expectRefusal(response, 401, 'invalid_token');
      expect(response.headers['www-authenticate']).toBe(
        'Bearer error="invalid_token"',
      );
    }
  });

  test('token endpoint rejects a token signed by an unknown key', async () => {
    const token = await idp.mint({}, { foreignKey: true });
    expectRefusal(await post(tokenHeaders(token)), 401, 'invalid_token');
  });

  test('token endpoint rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = new UnsecuredJWT({ sub: 'alice', iat: now, exp: now + 300 })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .encode();
    expectRefusal(await post(tokenHeaders(token)), 401, 'invalid_token');
  });

  test('token endpoint rejects HS256 signed with the public key (algorithm confusion)', async () => {
    const key = createSecretKey(Buffer.from(await idp.publicKeyPem()));
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sub: 'alice' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(key);
    expectRefusal(await post(tokenHeaders(token)), 401, 'invalid_token');
  });

  test('token endpoint rejects a wrong issuer, a wrong audience and a missing sub', async () => {
    const tokens = [
      await idp.mint({ iss: 'http://127.0.0.1:1/evil' }),
      await idp.mint({ aud: 'tasklist-api' }),
      await idp.mint({}, { omit: ['sub'] }),
      await idp.mint({}, { omit: ['iat'] }),
    ];
    for (const token of tokens) {
      expectRefusal(await post(tokenHeaders(token)), 401, 'invalid_token');
    }
  });

  test('token endpoint accepts RS256, PS256 and ES256 user tokens', async () => {
    for (const alg of ['RS256', 'PS256', 'ES256'] as const) {
      const response = await post(tokenHeaders(await idp.mint({}, { alg })));
      expect(response.statusCode, alg).toBe(200);
    }
  });

  test('token endpoint rejects a token expired by more than the clock tolerance, accepts one expired by less', async () => {
    const clock = new FakeClock();
    await bff({ BFF_CLOCK_TOLERANCE_S: '30' }, clock);
    const longExpired = await idp.mint({}, { expiresInS: -31, now: clock.ms });
    expectRefusal(await post(tokenHeaders(longExpired)), 401, 'invalid_token');
    const justExpired = await idp.mint({}, { expiresInS: -29, now: clock.ms });
    expect((await post(tokenHeaders(justExpired))).statusCode).toBe(200);
  });

  test('token endpoint rejects a token whose nbf is in the future', async () => {
    const clock = new FakeClock();
    await bff({}, clock);
    const token = await idp.mint({}, { notBeforeS: 120, now: clock.ms });
    expectRefusal(await post(tokenHeaders(token)), 401, 'invalid_token');
  });

  test('token endpoint requires typ at+jwt unless BFF_USER_TOKEN_TYP says otherwise', async () => {
    const plainJwt = await idp.mint({}, { typ: 'JWT' });
    expectRefusal(await post(tokenHeaders(plainJwt)), 401, 'invalid_token');
    expect((await post(tokenHeaders(await idp.mint()))).statusCode).toBe(200);
    await closeApps();
    await bff({ BFF_USER_TOKEN_TYP: 'JWT' });
    expect((await post(tokenHeaders(plainJwt))).statusCode).toBe(200);
    await closeApps();
    await bff({ BFF_USER_TOKEN_TYP: 'none' });
    expect((await post(tokenHeaders(plainJwt))).statusCode).toBe(200);
  });

  test('token endpoint answers 503 when the identity provider cannot be reached', async () => {
    await bff({ OIDC_ISSUER: 'http://127.0.0.1:9' });
    const response = await post(tokenHeaders(await idp.mint()));
    expectRefusal(response, 503, 'identity_provider_unavailable');
    expect(response.json()).toMatchObject({ retryable: true });
  });
});

describe('check 5: entitlement', () => {
  test('token endpoint rejects a valid token without the required group', async () => {
    await bff({ BFF_ALLOWED_GROUPS: 'task-workers, approvers' });
    const token = await idp.mint({ groups: ['sales'], roles: ['viewer'] });
    expectRefusal(await post(tokenHeaders(token)), 403, 'not_entitled');
  });

  test('token endpoint accepts the group from groups, roles or realm_access.roles', async () => {
    await bff({ BFF_ALLOWED_GROUPS: 'approvers' });
    for (const claims of [
      { groups: ['approvers'] },
      { groups: 'approvers' },
      { roles: ['approvers'] },
      { realm_access: { roles: ['offline_access', 'approvers'] } },
    ]) {
      const response = await post(tokenHeaders(await idp.mint(claims)));
      expect(response.statusCode, JSON.stringify(claims)).toBe(200);
    }
  });
});

describe('check 1 and CORS: methods and preflight', () => {
  test('token endpoint answers other methods with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH'] as const) {
      const response = await (
        await currentOrNew()
      ).inject({
        method,
        url: '/api/token',
        headers: { origin: 'https://evil.example' },
      });
      expect(response.statusCode, method).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      if (method !== 'HEAD')
        expect(response.json()).toMatchObject({ code: 'method_not_allowed' });
    }
    expect(upstream.calls).toHaveLength(0);
  });

  test('token endpoint refuses a preflight from a foreign origin without CORS headers', async () => {
    const response = await (
      await bff()
    ).inject({
      method: 'OPTIONS',
      url: '/api/token',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, x-requested-with',
      },
    });
    expect(response.statusCode).toBe(405);
    expect(response.json()).toMatchObject({ code: 'method_not_allowed' });
    const corsHeaders = Object.keys(response.headers).filter((h) =>
      h.startsWith('access-control-allow'),
    );
    expect(corsHeaders).toEqual([]);
  });

  test('token endpoint answers a preflight from the allowed origin with the exact origin and Vary', async () => {
    const response = await (
      await bff()
    ).inject({
      method: 'OPTIONS',
      url: '/api/token',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, x-requested-with',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(response.headers.vary).toMatch(/Origin/);
    expect(response.headers['access-control-allow-methods']).toBe('POST');
    expect(response.headers['access-control-allow-headers']).toMatch(
      /authorization/,
    );
    expect(response.headers['access-control-allow-headers']).toMatch(
      /x-requested-with/,
    );
    expect(
      response.headers['access-control-allow-credentials'],
    ).toBeUndefined();
  });
});

describe('check 6: rate limits', () => {
  test('token endpoint rate-limits per user with 429 and Retry-After', async () => {
    await bff({ BFF_RATE_LIMIT_PER_USER: '3', BFF_RATE_LIMIT_PER_IP: '100' });
    const alice = await idp.mint({ sub: 'alice' });
    for (let i = 0; i < 3; i += 1) {
      expect((await post(tokenHeaders(alice))).statusCode).toBe(200);
    }
    const callsBefore = upstream.calls.length;
    const limited = await post(tokenHeaders(alice));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(upstream.calls).toHaveLength(callsBefore);
    // Another user from the same IP is unaffected.
    const bob = await idp.mint({ sub: 'bob' });
    expect((await post(tokenHeaders(bob))).statusCode).toBe(200);
  });

  test('token endpoint rate-limits per IP independently of the user', async () => {
    const server = await bff({
      BFF_RATE_LIMIT_PER_USER: '100',
      BFF_RATE_LIMIT_PER_IP: '3',
    });
    const from = (sub: string, remoteAddress: string) =>
      idp.mint({ sub }).then((token) =>
        server.inject({
          method: 'POST',
          url: '/api/token',
          headers: tokenHeaders(token),
          remoteAddress,
        }),
      );
    for (const sub of ['u1', 'u2', 'u3']) {
      expect((await from(sub, '10.0.0.1')).statusCode).toBe(200);
    }
    const limited = await from('u4', '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await from('u4', '10.0.0.2')).statusCode).toBe(200);
  });

  test('behind a trusted proxy the per-IP limit keys on the address the proxy saw, from the right (H62)', async () => {
    for (const trust of ['1', '127.0.0.1']) {
      const server = await bff({
        BFF_RATE_LIMIT_PER_USER: '100',
        BFF_RATE_LIMIT_PER_IP: '2',
        BFF_TRUST_PROXY: trust,
      });
      // The client writes whatever it likes on the left; the proxy appends.
      const from = (sub: string, forwardedFor: string) =>
        idp.mint({ sub }).then((token) =>
          server.inject({
            method: 'POST',
            url: '/api/token',
            headers: tokenHeaders(token, { 'x-forwarded-for': forwardedFor }),
            remoteAddress: '127.0.0.1',
          }),
        );
      expect((await from('u1', '6.6.6.1, 203.0.113.9')).statusCode).toBe(200);
      expect((await from('u2', '6.6.6.2, 203.0.113.9')).statusCode).toBe(200);
      expect((await from('u3', '6.6.6.3, 203.0.113.9')).statusCode).toBe(429);
      expect((await from('u4', '203.0.113.10')).statusCode).toBe(200);
      await closeApps();
    }
  });
});

test('token endpoint runs its checks in order: the first failing check decides', async () => {
  const bad = {
    origin: 'https://evil.example',
    'x-requested-with': 'nope',
    authorization: 'Bearer nope',
  };
  const cases: [Record<string, string>, string][] = [
    [bad, 'origin_not_allowed'],
    [{ ...bad, origin: APP_ORIGIN }, 'csrf_header_missing'],
    [
      { ...bad, origin: APP_ORIGIN, 'x-requested-with': 'tasklist-inbox' },
      'invalid_token',
    ],
  ];
  await bff({ BFF_ALLOWED_GROUPS: 'approvers', BFF_RATE_LIMIT_PER_USER: '1' });
  for (const [headers, code] of cases) {
    expect((await post(headers)).json()).toMatchObject({ code });
  }
  // Not entitled wins over the (already exhausted) rate limit.
  const outsider = await idp.mint({ sub: 'outsider' });
  await post(tokenHeaders(outsider));
  expect((await post(tokenHeaders(outsider))).json()).toMatchObject({
    code: 'not_entitled',
  });
  expect(upstream.calls).toHaveLength(0);
});
