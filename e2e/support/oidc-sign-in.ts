import { createHash, randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

/**
 * Headless sign-in at the embedded provider (authorization code + PKCE over
 * HTTP), for tests that need a user's token without the SPA's screens.
 */

export interface RuntimeConfig {
  mode?: 'direct' | 'proxy';
  tasklistGraphqlUrl: string;
  oidc: {
    authority: string;
    clientId: string;
    scopes: string;
    resource: string;
  };
}

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
export async function signIn(
  request: APIRequestContext,
  config: RuntimeConfig,
  appOrigin: string,
  username: string,
): Promise<string> {
  return (await signInTokens(request, config, appOrigin, username))
    .access_token;
}

/** The same sign-in, returning the access and the ID token. */
export async function signInTokens(
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
