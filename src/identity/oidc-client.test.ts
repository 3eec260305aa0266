import {
  InMemoryWebStorage,
  OidcClient,
  UserManager,
  WebStorageStateStore,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './test/cookie-jar';
import {
  BFF_RESOURCE,
  browse,
  followWithin,
  REDIRECT_URI,
  SPA_SCOPES,
  submitSignIn,
} from './test/oidc-flow';
import { startIdentity, type TestIdentity } from './test/start-identity';
import { verifyAccessToken } from './test/tokens';

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

/** The SPA's client settings (src/app/auth), with in-memory storage for Node. */
function spaSettings(): UserManagerSettings {
  const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  return {
    authority: identity.issuer,
    client_id: 'tasklist-inbox',
    redirect_uri: REDIRECT_URI,
    post_logout_redirect_uri: REDIRECT_URI.replace(
      '/auth/callback',
      '/signed-out',
    ),
    scope: SPA_SCOPES,
    response_type: 'code',
    resource: BFF_RESOURCE,
    extraTokenParams: { resource: BFF_RESOURCE },
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: store,
    stateStore: store,
  };
}

describe('oidc-client-ts against the embedded provider', () => {
  it('completes a sign-in and sees the profile and groups in the ID token', async () => {
    const settings = spaSettings();
    // The request is built by the protocol client (UserManager would navigate
    // a window); the callback and renewal run through UserManager as in the app.
    const request = await new OidcClient(settings).createSigninRequest({});
    const manager = new UserManager(settings);
    const jar = new CookieJar();
    const page = await followWithin(
      identity,
      jar,
      await browse(jar, request.url),
    );
    const action = /action="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const posted = await submitSignIn(identity, jar, action, {
      username: 'carol',
      password: 'carol',
    });
    const callback = await followWithin(identity, jar, posted);

    const response = await manager.signinRedirectCallback(
      callback.headers.get('location') ?? '',
    );
    expect(response.profile).toMatchObject({
      sub: 'carol',
      preferred_username: 'carol',
      name: 'Carol Clark',
      email: 'carol@example.com',
      groups: ['hr'],
    });
    expect(response.refresh_token).toEqual(expect.any(String));
    await expect(
      verifyAccessToken(
        identity,
        response.access_token,
        'urn:tasklist-inbox:bff',
      ),
    ).resolves.toMatchObject({ groups: ['hr'] });

    // signinSilent uses the refresh token when the user has one: no iframe.
    const renewed = await manager.signinSilent({ resource: BFF_RESOURCE });
    expect(renewed?.refresh_token).not.toBe(response.refresh_token);
    expect(renewed?.profile.groups).toEqual(['hr']);
    await expect(
      verifyAccessToken(
        identity,
        renewed?.access_token ?? '',
        'urn:tasklist-inbox:bff',
      ),
    ).resolves.toMatchObject({ sub: 'carol' });
  });
});
