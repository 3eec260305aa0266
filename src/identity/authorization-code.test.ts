import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './test/cookie-jar';
import {
  APP_ORIGIN,
  authorizationUrl,
  BFF_RESOURCE,
  browse,
  exchangeCode,
  followWithin,
  openSignIn,
  pkcePair,
  REDIRECT_URI,
  signIn,
  SPA_SCOPES,
  TASKLIST_RESOURCE,
  tokenRequest,
} from './test/oidc-flow';
import { startIdentity, type TestIdentity } from './test/start-identity';
import {
  readError,
  readTokens,
  verifyAccessToken,
  verifyIdToken,
} from './test/tokens';

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

const demo = { username: 'demo', password: 'demo' };

describe('authorization code + PKCE for the SPA', () => {
  it('signs demo in and issues a BFF access token with the groups claim', async () => {
    const signedIn = await signIn(identity, demo);
    const { callback } = signedIn;
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('iss')).toBe(identity.issuer);

    const response = await exchangeCode(identity, signedIn, {
      resource: BFF_RESOURCE,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(
      APP_ORIGIN,
    );
    const tokens = await readTokens(response);
    expect(tokens.expires_in).toBe(300);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const access = await verifyAccessToken(
      identity,
      tokens.access_token,
      'urn:tasklist-inbox:bff',
    );
    expect(access).toMatchObject({
      sub: 'demo',
      client_id: 'tasklist-inbox',
      preferred_username: 'demo',
      name: 'Demo User',
      email: 'demo@example.com',
      groups: ['accounting', 'management'],
      scope: 'openid profile email groups',
    });
  });

  it('puts the profile and groups into the ID token', async () => {
    const signedIn = await signIn(identity, {
      username: 'alice',
      password: 'alice',
    });
    const tokens = await readTokens(await exchangeCode(identity, signedIn));
    const id = await verifyIdToken(identity, tokens.id_token ?? '');
    expect(id).toMatchObject({
      sub: 'alice',
      preferred_username: 'alice',
      name: 'Alice Adams',
      email: 'alice@example.com',
      groups: ['accounting'],
    });
    // Without a resource parameter the SPA still gets the BFF token.
    await expect(
      verifyAccessToken(
        identity,
        tokens.access_token,
        'urn:tasklist-inbox:bff',
      ),
    ).resolves.toMatchObject({ sub: 'alice' });
  });

  it('skips the consent screen for our own app', async () => {
    const jar = new CookieJar();
    const { action } = await openSignIn(identity, jar, { pkce: pkcePair() });
    const posted = await browse(jar, identity.url(action), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(demo).toString(),
    });
    const end = await followWithin(identity, jar, posted);
    // Straight from the sign-in form to the app: no consent page in between.
    expect(end.status).toBe(303);
    expect(end.headers.get('location')).toMatch(
      new RegExp(`^${REDIRECT_URI}\\?code=`),
    );
  });

  it('refuses an authorization request without PKCE', async () => {
    const jar = new CookieJar();
    const { page } = await openSignIn(identity, jar, { pkce: null });
    const location = new URL(page.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses the plain PKCE method', async () => {
    const jar = new CookieJar();
    const { page } = await openSignIn(identity, jar, {
      pkce: pkcePair(),
      challengeMethod: 'plain',
    });
    const location = new URL(page.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a code exchange with a missing or wrong verifier', async () => {
    const signedIn = await signIn(identity, demo);
    const missing = await tokenRequest(identity, {
      grant_type: 'authorization_code',
      code: signedIn.code,
      redirect_uri: REDIRECT_URI,
    });
    expect(missing.status).toBe(400);
    expect((await readError(missing)).error).toMatch(
      /invalid_grant|invalid_request/,
    );

    const other = await signIn(identity, demo);
    const wrong = await exchangeCode(identity, {
      code: other.code,
      pkce: pkcePair(),
    });
    expect(wrong.status).toBe(400);
    expect(await readError(wrong)).toMatchObject({ error: 'invalid_grant' });
  });

  it('redeems a code once only', async () => {
    const signedIn = await signIn(identity, demo);
    expect((await exchangeCode(identity, signedIn)).status).toBe(200);
    const replay = await exchangeCode(identity, signedIn);
    expect(replay.status).toBe(400);
    expect(await readError(replay)).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unregistered redirect URI with our own error page', async () => {
    const jar = new CookieJar();
    const { page, html } = await openSignIn(identity, jar, {
      pkce: pkcePair(),
      redirectUri: 'https://evil.example/auth/callback',
    });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-security-policy')).toContain(
      "default-src 'self'",
    );
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('redirect_uri');
    expect(html).toContain('Sign-in problem');
    expect(html).not.toMatch(/<style|<script(?![^>]*\ssrc=)/);
  });

  it('sends a popup sign-in back to the popup callback page (issue 13)', async () => {
    const popupRedirect = `${APP_ORIGIN}/auth/popup-callback.html`;
    const signedIn = await signIn(identity, demo, {
      redirectUri: popupRedirect,
    });
    expect(signedIn.callback.pathname).toBe('/auth/popup-callback.html');
    const response = await exchangeCode(identity, signedIn, {
      redirect_uri: popupRedirect,
    });
    expect(response.status).toBe(200);
    expect((await readTokens(response)).refresh_token).toEqual(
      expect.any(String),
    );
  });

  it('refuses a code exchange from a foreign origin', async () => {
    const signedIn = await signIn(identity, demo);
    const response = await tokenRequest(
      identity,
      {
        grant_type: 'authorization_code',
        code: signedIn.code,
        code_verifier: signedIn.pkce.verifier,
        redirect_uri: REDIRECT_URI,
      },
      'https://evil.example',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await readError(response)).error_description).toMatch(
      /origin https:\/\/evil\.example not allowed/,
    );
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new token and the old one is refused', async () => {
    const signedIn = await signIn(identity, demo);
    const first = await readTokens(await exchangeCode(identity, signedIn));
    const refreshed = await readTokens(
      await tokenRequest(identity, {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token ?? '',
      }),
    );
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    await expect(
      verifyAccessToken(
        identity,
        refreshed.access_token,
        'urn:tasklist-inbox:bff',
      ),
    ).resolves.toMatchObject({ groups: ['accounting', 'management'] });

    const reused = await tokenRequest(identity, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
    });
    expect(reused.status).toBe(400);
    expect(await readError(reused)).toMatchObject({ error: 'invalid_grant' });

    // Reuse means the token leaked: the whole grant goes, newer token included.
    const newer = await tokenRequest(identity, {
      grant_type: 'refresh_token',
      refresh_token: refreshed.refresh_token ?? '',
    });
    expect(await readError(newer)).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a refresh from a foreign origin', async () => {
    const signedIn = await signIn(identity, demo);
    const tokens = await readTokens(await exchangeCode(identity, signedIn));
    const response = await tokenRequest(
      identity,
      {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
      },
      'https://evil.example',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never gives the public SPA a token for Tasklist, however it asks (H60)', async () => {
    // At sign-in: the authorization request naming the Tasklist resource is
    // sent back to the app with invalid_target, before any sign-in page.
    const jar = new CookieJar();
    const start = await browse(
      jar,
      authorizationUrl(identity, {
        state: 'state-1',
        pkce: pkcePair(),
        scope: `${SPA_SCOPES} tasklist:read tasklist:write`,
        resource: [BFF_RESOURCE, TASKLIST_RESOURCE],
      }),
    );
    const refused = new URL(start.headers.get('location') ?? '');
    expect(`${refused.origin}${refused.pathname}`).toBe(REDIRECT_URI);
    expect(refused.searchParams.get('error')).toBe('invalid_target');

    // Later, with a refresh token of a normal sign-in.
    const signedIn = await signIn(identity, demo);
    const tokens = await readTokens(await exchangeCode(identity, signedIn));
    const refreshed = await tokenRequest(identity, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      resource: TASKLIST_RESOURCE,
    });
    expect(await readError(refreshed)).toMatchObject({
      error: 'invalid_target',
    });
  });

  it('are revoked at the revocation endpoint', async () => {
    const signedIn = await signIn(identity, demo);
    const tokens = await readTokens(await exchangeCode(identity, signedIn));
    const revoked = await fetch(identity.url('/token/revocation'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: APP_ORIGIN,
      },
      body: new URLSearchParams({
        client_id: 'tasklist-inbox',
        token: tokens.refresh_token ?? '',
      }),
    });
    expect(revoked.status).toBe(200);
    // JWT access tokens cannot be revoked; they expire within minutes.
    const jwtRevocation = await fetch(identity.url('/token/revocation'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'tasklist-inbox',
        token: tokens.access_token,
      }),
    });
    expect(await readError(jwtRevocation)).toMatchObject({
      error: 'unsupported_token_type',
    });
    const after = await tokenRequest(identity, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(await readError(after)).toMatchObject({ error: 'invalid_grant' });
  });
});
