import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../test/msw-server';
import { createAuth } from './create-auth';
import { PopupSigninError, SigninError } from './signin-error';

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

describe('createAuth signinPopup (issue 13)', () => {
  const AUTHORITY = 'http://idp.test';

  function popupAuth() {
    server.use(
      http.get(`${AUTHORITY}/.well-known/openid-configuration`, () =>
        HttpResponse.json({
          issuer: AUTHORITY,
          authorization_endpoint: `${AUTHORITY}/auth`,
          token_endpoint: `${AUTHORITY}/token`,
          jwks_uri: `${AUTHORITY}/jwks`,
        }),
      ),
    );
    return createAuth({
      authority: AUTHORITY,
      clientId: 'tasklist-inbox',
      scopes: 'openid',
      origin: window.location.origin,
      storage: window.sessionStorage,
      framed: true,
    });
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says the popup was blocked when the browser gave no window', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const failure = await popupAuth()
      .signinPopup()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PopupSigninError);
    expect((failure as PopupSigninError).reason).toBe('blocked');
    expect((failure as Error).message).toMatch(/blocked the sign-in window/);
  });

  it('says the popup was closed, and sends it to our callback page', async () => {
    const popup = {
      closed: false,
      focus: vi.fn(),
      close: vi.fn(),
      location: { replace: vi.fn() },
    };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const pending = popupAuth()
      .signinPopup()
      .catch((error: unknown) => error);
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
