import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * The "done when": with the stack as `npm start` runs it, a signed-in
 * user's access token exchanged at /api/token returns a token that the
 * embedded Tasklist accepts. The sign-in runs headlessly (authorization code
 * + PKCE over HTTP), so the test does not depend on the SPA's screens.
 */

interface RuntimeConfig {
  tasklistGraphqlUrl: string;
  oidc: {
    authority: string;
    clientId: string;
    scopes: string;
    resource: string;
  };
}

const TASKS_QUERY = { query: '{ tasks(query: {}) { id name } }' };

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** Follows redirects by hand while they stay on `origin`; returns the first that leaves it. */
async function followWithin(
  request: APIRequestContext,
  origin: string,
  location: string,
): Promise<string> {
  let next = location;
  for (let hop = 0; hop < 10; hop += 1) {
    const url = new URL(next, origin);
    if (url.origin !== origin) return url.href;
    const response = await request.get(url.href, { maxRedirects: 0 });
    const target = response.headers().location;
    if (!target) return url.href;
    next = target;
  }
  throw new Error('too many redirects');
}

/** Signs a demo user in at the embedded provider, as the SPA would, and returns the access token for the BFF. */
async function signIn(
  request: APIRequestContext,
  config: RuntimeConfig,
  appOrigin: string,
  username: string,
): Promise<string> {
  return (await signInTokens(request, config, appOrigin, username))
    .access_token;
}

/** The same sign-in, returning the access and the ID token. */
async function signInTokens(
  request: APIRequestContext,
  config: RuntimeConfig,
  appOrigin: string,
  username: string,
): Promise<{ access_token: string; id_token: string }> {
  const issuer = config.oidc.authority;
  const redirectUri = `${appOrigin}/auth/callback`;
  const { verifier, challenge } = pkce();
  const authorize = new URL('/auth', issuer);
  for (const [key, value] of Object.entries({
    client_id: config.oidc.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: config.oidc.scopes,
    resource: config.oidc.resource,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })) {
    authorize.searchParams.set(key, value);
  }
  const page = await request.get(authorize.href);
  expect(page.status()).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(
    await page.text(),
  )?.[1];
  expect(action, 'the sign-in form').toBeTruthy();
  const posted = await request.post(new URL(action ?? '', issuer).href, {
    form: { username, password: username },
    maxRedirects: 0,
  });
  const callback = new URL(
    await followWithin(
      request,
      new URL(issuer).origin,
      posted.headers().location ?? '',
    ),
  );
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  const tokens = await request.post(new URL('/token', issuer).href, {
    headers: { origin: appOrigin },
    form: {
      client_id: config.oidc.clientId,
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: redirectUri,
    },
  });
  expect(tokens.status()).toBe(200);
  return (await tokens.json()) as { access_token: string; id_token: string };
}

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
