import { expect, test } from '@playwright/test';
import {
  signIn,
  signInTokens,
  type RuntimeConfig,
} from './support/oidc-sign-in';

/**
 * The "done when": with the stack as `npm start` runs it, a signed-in
 * user's access token exchanged at /api/token returns a token that the
 * embedded Tasklist accepts. The sign-in runs headlessly (authorization code
 * + PKCE over HTTP), so the test does not depend on the SPA's screens.
 */

const TASKS_QUERY = { query: '{ tasks(query: {}) { id name } }' };

test('a signed-in user token exchanged at /api/token gives a token the embedded Tasklist accepts', async ({
  request,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const config = (await (
    await request.get('/api/config')
  ).json()) as RuntimeConfig;
  const userToken = await signIn(request, config, appOrigin, 'demo');

  const exchange = await request.post('/api/token', {
    headers: {
      origin: appOrigin,
      'x-requested-with': 'tasklist-inbox',
      authorization: `Bearer ${userToken}`,
    },
  });
  expect(exchange.status()).toBe(200);
  expect(exchange.headers()['cache-control']).toBe('no-store');
  const body = (await exchange.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual([
    'access_token',
    'expires_in',
    'token_type',
  ]);
  const tasklistToken = String(body.access_token);

  const accepted = await request.post(config.tasklistGraphqlUrl, {
    headers: { authorization: `Bearer ${tasklistToken}`, origin: appOrigin },
    data: TASKS_QUERY,
  });
  expect(accepted.status()).toBe(200);
  // Direct mode: the browser calls Tasklist itself, so Tasklist must allow the app origin.
  expect(accepted.headers()['access-control-allow-origin']).toBe(appOrigin);
  const result = (await accepted.json()) as {
    data?: { tasks?: unknown[] };
    errors?: unknown;
  };
  expect(result.errors).toBeUndefined();
  expect(Array.isArray(result.data?.tasks)).toBe(true);

  // The user's own token is meant for the BFF, not for Tasklist.
  const refused = await request.post(config.tasklistGraphqlUrl, {
    headers: { authorization: `Bearer ${userToken}`, origin: appOrigin },
    data: TASKS_QUERY,
  });
  expect(refused.status()).toBe(401);
});

test('the token endpoint refuses the same user token from a foreign origin', async ({
  request,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const config = (await (
    await request.get('/api/config')
  ).json()) as RuntimeConfig;
  const userToken = await signIn(request, config, appOrigin, 'alice');
  const refused = await request.post('/api/token', {
    headers: {
      origin: 'https://evil.example',
      'x-requested-with': 'tasklist-inbox',
      authorization: `Bearer ${userToken}`,
    },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed' });
});

test("the token endpoint refuses the SPA's ID token, which leaks through logout URLs (H59)", async ({
  request,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const config = (await (
    await request.get('/api/config')
  ).json()) as RuntimeConfig;
  const { id_token: idToken } = await signInTokens(
    request,
    config,
    appOrigin,
    'bob',
  );
  const refused = await request.post('/api/token', {
    headers: {
      origin: appOrigin,
      'x-requested-with': 'tasklist-inbox',
      authorization: `Bearer ${idToken}`,
    },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'invalid_token' });
});

test('the app port has no /metrics and a status-only /readyz (H64)', async ({
  request,
}) => {
  expect((await request.get('/metrics')).status()).toBe(404);
  const ready = await request.get('/readyz');
  expect(Object.keys((await ready.json()) as object)).toEqual(['status']);
});
