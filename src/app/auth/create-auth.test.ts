import { i18n } from '@lingui/core';
import { http, HttpResponse } from 'msw';
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCataloguePart } from '../i18n/catalogues';
import { server } from '../test/msw-server';
import {
  SIGNIN_UNAVAILABLE,
  createAuth,
  type AuthSeams,
  type AuthSettings,
} from './create-auth';
import { SIGNIN_POPUP_NAME } from './popup-window';
import { PopupSigninError, SigninError } from './signin-error';
import { readStoredUser, storedUserKey } from './stored-user';

function anAuth() {
  return createAuth({
    // Never contacted: an error response is settled before any request.
    authority: 'http://127.0.0.1:9/realms/none',
    clientId: 'tasklist-inbox',
    scopes: 'openid',
    origin: 'http://localhost:3000',
    storage: window.sessionStorage,
  });
}

// Its sentences are in the sign-in area, which the sign-in routes load.
beforeAll(() => loadCataloguePart('sign-in'));

describe('createAuth signinCallback', () => {
  it('answers an error response with our sentence, never its error_description', async () => {
    const planted = 'Your session was hijacked. Call +1 555 0100 now.';
    const url = `http://localhost:3000/auth/callback?error=access_denied&error_description=${encodeURIComponent(planted)}&state=abc`;
    const failure = await anAuth()
      .signinCallback(url)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(SigninError);
    expect((failure as Error).message).toBe(
      'The sign-in was cancelled or refused.',
    );
  });

  it('does not echo an unknown error code either', async () => {
    const url =
      'http://localhost:3000/auth/callback?error=visit-evil.example&state=abc';
    await expect(anAuth().signinCallback(url)).rejects.toThrow(
      'The sign-in service reported a problem, so you are not signed in.',
    );
  });
});

const IDP = 'http://idp.test';
const RESOURCE = 'http://localhost:3000/api';

interface IdpTraffic {
  tokenRequests: URLSearchParams[];
  revocations: URLSearchParams[];
}

/** The identity provider's endpoints the library calls after sign-in. */
function serveIdp(): IdpTraffic {
  const traffic: IdpTraffic = { tokenRequests: [], revocations: [] };
  server.use(
    http.get(`${IDP}/.well-known/openid-configuration`, () =>
      HttpResponse.json({
        issuer: IDP,
        authorization_endpoint: `${IDP}/auth`,
        token_endpoint: `${IDP}/token`,
        revocation_endpoint: `${IDP}/token/revocation`,
        jwks_uri: `${IDP}/jwks`,
      }),
    ),
    http.post(`${IDP}/token`, async ({ request }) => {
      traffic.tokenRequests.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({
        access_token: `renewed-access-${String(traffic.tokenRequests.length)}`,
        refresh_token: 'refresh-2',
        token_type: 'Bearer',
        scope: 'openid',
        expires_in: 300,
      });
    }),
    http.post(`${IDP}/token/revocation`, async ({ request }) => {
      traffic.revocations.push(new URLSearchParams(await request.text()));
      return new HttpResponse(null, { status: 200 });
    }),
  );
  return traffic;
}

const epoch = () => Math.floor(Date.now() / 1000);

/** Stores a signed-in user the way the library does, with the library. */
async function storeUser(
  overrides: Partial<ConstructorParameters<typeof User>[0]> = {},
) {
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  const manager = new UserManager({
    authority: IDP,
    client_id: 'tasklist-inbox',
    redirect_uri: `${window.location.origin}/auth/callback`,
    userStore: store,
  });
  await manager.storeUser(
    new User({
      access_token: 'stored-access',
      refresh_token: 'refresh-1',
      token_type: 'Bearer',
      scope: 'openid',
      profile: {
        sub: 's1',
        iss: IDP,
        aud: 'tasklist-inbox',
        exp: epoch() + 300,
        iat: epoch(),
        preferred_username: 'demo',
        name: 'Demo User',
      },
      expires_at: epoch() + 300,
      ...overrides,
    }),
  );
}

const realLoader = () => import('./oidc-user-manager');

/** A loader the test releases (or fails) by hand. */
function heldLoader() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const load = vi.fn(async () => {
    await gate;
    return realLoader();
  });
  return { load, release };
}

const failingOnce = () =>
  vi
    .fn(realLoader)
    .mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module'),
    );

function lazyAuth(
  loadUserManager: AuthSeams['loadUserManager'] = vi.fn(realLoader),
  extra: Partial<AuthSettings> = {},
) {
  return createAuth(
    {
      authority: IDP,
      clientId: 'tasklist-inbox',
      scopes: 'openid',
      resource: RESOURCE,
      origin: window.location.origin,
      storage: window.sessionStorage,
      ...extra,
    },
    { loadUserManager },
  );
}

const storedKey = storedUserKey(IDP, 'tasklist-inbox');

describe('createAuth reads the session without the library', () => {
  it('answers for a signed-in user from the stored record, loading nothing', async () => {
    await storeUser();
    const load = vi.fn(realLoader);
    const auth = lazyAuth(load);
    expect(await auth.getUser()).toEqual({
      username: 'demo',
      name: 'Demo User',
      email: null,
      groups: [],
    });
    expect(await auth.getAccessToken()).toBe('stored-access');
    expect(auth.getSnapshot().status).toBe('signed-in');
    expect(load).not.toHaveBeenCalled();
  });

  it('says whether a live session is stored, without renewing or loading anything', async () => {
    const load = vi.fn(realLoader);
    expect(lazyAuth(load).hasLiveSession()).toBe(false);
    await storeUser();
    expect(lazyAuth(load).hasLiveSession()).toBe(true);
    await storeUser({ expires_at: epoch() - 5 });
    const expired = lazyAuth(load);
    expect(expired.hasLiveSession()).toBe(false);
    window.sessionStorage.setItem(storedKey, '{"access_token": ');
    expect(lazyAuth(load).hasLiveSession()).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(expired.getSnapshot().status).toBe('signed-out');
  });

  it('with nobody signed in answers null and fetches the library once, for the sign-in', async () => {
    const load = vi.fn(realLoader);
    const auth = lazyAuth(load);
    expect(await auth.getUser()).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    expect(await auth.getUser()).toBeNull();
    expect(auth.getSnapshot()).toEqual({ status: 'signed-out', user: null });
    expect(load).toHaveBeenCalledOnce();
  });

  it('treats a corrupt stored user as signed out, without a crash', async () => {
    window.sessionStorage.setItem(storedKey, '{"access_token": ');
    const auth = lazyAuth();
    expect(await auth.getUser()).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    expect(auth.getSnapshot().status).toBe('signed-out');
  });

  it('renews an expired token once through the library, with the resource', async () => {
    const traffic = serveIdp();
    await storeUser({ expires_at: epoch() - 5 });
    const load = vi.fn(realLoader);
    const auth = lazyAuth(load);
    const answers = await Promise.all([
      auth.getAccessToken(),
      auth.getAccessToken(),
      auth.getUser(),
    ]);
    expect(answers.slice(0, 2)).toEqual([
      'renewed-access-1',
      'renewed-access-1',
    ]);
    expect(answers[2]?.username).toBe('demo');
    expect(traffic.tokenRequests).toHaveLength(1);
    expect(traffic.tokenRequests[0]?.get('grant_type')).toBe('refresh_token');
    expect(traffic.tokenRequests[0]?.get('refresh_token')).toBe('refresh-1');
    expect(traffic.tokenRequests[0]?.get('resource')).toBe(RESOURCE);
    expect(readStoredUser(window.sessionStorage, storedKey)?.access_token).toBe(
      'renewed-access-1',
    );
    expect(auth.getSnapshot().status).toBe('signed-in');
    expect(load).toHaveBeenCalledOnce();
  });

  it('without a refresh token an expired session says so, and fetches the library for the sign-in', async () => {
    await storeUser({ expires_at: epoch() - 5, refresh_token: undefined });
    const load = vi.fn(realLoader);
    const auth = lazyAuth(load);
    expect(await auth.getUser()).toBeNull();
    expect(auth.getSnapshot().status).toBe('expired');
    expect(load).toHaveBeenCalledOnce();
  });

  it('starts renewing a minute before the token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      await storeUser({ expires_at: epoch() + 120, refresh_token: undefined });
      const load = vi.fn(realLoader);
      const auth = lazyAuth(load);
      expect(await auth.getAccessToken()).toBe('stored-access');
      await vi.advanceTimersByTimeAsync(59_000);
      expect(auth.getSnapshot().status).toBe('signed-out');
      expect(load).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      // No refresh token here, so the renewal can only end the session.
      expect(auth.getSnapshot().status).toBe('expired');
      expect(load).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createAuth when the library does not load', () => {
  it('a sign-in says so instead of failing silently', async () => {
    const failure = await lazyAuth(failingOnce())
      .signinRedirect('/tasks')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SigninError);
    expect((failure as Error).message).toBe(i18n._(SIGNIN_UNAVAILABLE));
  });

  it('the callback says so too', async () => {
    await expect(
      lazyAuth(failingOnce()).signinCallback(
        `${window.location.origin}/auth/callback?code=abc&state=xyz`,
      ),
    ).rejects.toThrow(i18n._(SIGNIN_UNAVAILABLE));
  });

  it('a renewal ends the session, and the next one loads the library after all', async () => {
    serveIdp();
    await storeUser({ expires_at: epoch() - 5 });
    const load = failingOnce();
    const auth = lazyAuth(load);
    expect(await auth.renew()).toBe(false);
    expect(auth.getSnapshot().status).toBe('expired');
    expect(await auth.renew()).toBe(true);
    expect(auth.getSnapshot().status).toBe('signed-in');
    expect(await auth.getAccessToken()).toBe('renewed-access-1');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('a popup sign-in closes its window and says so', async () => {
    const popup = { closed: false, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const failure = await lazyAuth(failingOnce())
      .signinPopup()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PopupSigninError);
    expect((failure as PopupSigninError).reason).toBe('failed');
    expect((failure as Error).message).toBe(i18n._(SIGNIN_UNAVAILABLE));
    expect(popup.close).toHaveBeenCalled();
  });

  it('a framed sign-out still ends the session in the tab', async () => {
    await storeUser();
    const auth = lazyAuth(failingOnce(), { framed: true });
    expect(await auth.getUser()).not.toBeNull();
    await auth.signout();
    expect(window.sessionStorage.getItem(storedKey)).toBeNull();
    expect(auth.getSnapshot()).toEqual({ status: 'signed-out', user: null });
  });
});

describe('createAuth framed sign-out with the library', () => {
  it('revokes the refresh token and removes the user', async () => {
    const traffic = serveIdp();
    await storeUser();
    const auth = lazyAuth(vi.fn(realLoader), { framed: true });
    expect(await auth.getUser()).not.toBeNull();
    await auth.signout();
    expect(traffic.revocations).toHaveLength(1);
    expect(traffic.revocations[0]?.get('token')).toBe('refresh-1');
    expect(traffic.revocations[0]?.get('token_type_hint')).toBe(
      'refresh_token',
    );
    expect(window.sessionStorage.getItem(storedKey)).toBeNull();
    expect(auth.getSnapshot().status).toBe('signed-out');
  });
});

describe('createAuth popup sign-in opens the window within the click', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function fakePopup() {
    return {
      closed: false,
      focus: vi.fn(),
      close: vi.fn(),
      location: { replace: vi.fn() },
    };
  }

  it('while the library is still loading: opens it itself, then hands it over', async () => {
    serveIdp();
    const popup = fakePopup();
    const open = vi
      .spyOn(window, 'open')
      .mockReturnValue(popup as unknown as Window);
    const { load, release } = heldLoader();
    const pending = lazyAuth(load)
      .signinPopup()
      .catch((error: unknown) => error);
    // Synchronously, within the click: nothing awaited before it.
    expect(open).toHaveBeenCalledOnce();
    expect(open.mock.calls[0]?.[1]).toBe(SIGNIN_POPUP_NAME);
    expect(String(open.mock.calls[0]?.[2])).toMatch(/height=640/);
    release();
    await vi.waitFor(() => {
      expect(popup.location.replace).toHaveBeenCalled();
    });
    // The library found the same window by its name.
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]?.[1]).toBe(SIGNIN_POPUP_NAME);
    const authorize = new URL(
      String(popup.location.replace.mock.calls[0]?.[0]),
    );
    expect(authorize.origin).toBe(IDP);
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${window.location.origin}/auth/popup-callback.html`,
    );
    expect(authorize.searchParams.get('resource')).toBe(RESOURCE);
    popup.closed = true;
    expect(((await pending) as PopupSigninError).reason).toBe('closed');
  });

  it('while the library is still loading: a blocked window is reported at once', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { load } = heldLoader();
    const failure = await lazyAuth(load)
      .signinPopup()
      .catch((error: unknown) => error);
    expect((failure as PopupSigninError).reason).toBe('blocked');
    expect(load).not.toHaveBeenCalled();
  });

  it('while the library is still loading: a window closed before it loads is reported', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { load, release } = heldLoader();
    const pending = lazyAuth(load)
      .signinPopup()
      .catch((error: unknown) => error);
    popup.closed = true;
    release();
    expect(((await pending) as PopupSigninError).reason).toBe('closed');
    expect(popup.location.replace).not.toHaveBeenCalled();
  });
});

describe('createAuth signinPopup with the library loaded (issue 13)', () => {
  /** Signed out, as on the sign-in page: the library has been fetched ahead. */
  async function popupAuth() {
    serveIdp();
    const load = vi.fn(realLoader);
    const auth = lazyAuth(load, { framed: true });
    expect(await auth.getUser()).toBeNull();
    await load.mock.results[0]?.value;
    await Promise.resolve();
    return auth;
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says the popup was blocked when the browser gave no window', async () => {
    const auth = await popupAuth();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const pending = auth.signinPopup().catch((error: unknown) => error);
    // The library opened it within the call, before anything was awaited.
    expect(open).toHaveBeenCalledOnce();
    expect(open.mock.calls[0]?.[1]).toBe('_blank');
    const failure = await pending;
    expect(failure).toBeInstanceOf(PopupSigninError);
    expect((failure as PopupSigninError).reason).toBe('blocked');
    expect((failure as Error).message).toMatch(/blocked the sign-in window/);
  });

  it('says the popup was closed, and sends it to our callback page', async () => {
    const auth = await popupAuth();
    const popup = {
      closed: false,
      focus: vi.fn(),
      close: vi.fn(),
      location: { replace: vi.fn() },
    };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const pending = auth.signinPopup().catch((error: unknown) => error);
    await vi.waitFor(() => {
      expect(popup.location.replace).toHaveBeenCalled();
    });
    const authorize = new URL(
      String(popup.location.replace.mock.calls[0]?.[0]),
    );
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${window.location.origin}/auth/popup-callback.html`,
    );
    popup.closed = true;
    const failure = await pending;
    expect((failure as PopupSigninError).reason).toBe('closed');
  });
});
