import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { sessionStore } from '../lib/browser-storage';
import { safeReturnTo } from '../lib/safe-return-to';
import type { Auth, AuthState, AuthUser } from './auth-types';
import { mapUser } from './map-user';
import { describeProviderError } from './provider-errors';
import { SIGNIN_CALLBACK_PATH } from './signin-callback';
import { PopupSigninError, SigninError } from './signin-error';
import { createSigninLoopGuard } from './signin-loop-guard';

export interface AuthSettings {
  authority: string;
  clientId: string;
  scopes: string;
  /** Resource indicator, so the access token is meant for the BFF. */
  resource?: string | undefined;
  /** Defaults to `window.location.origin`. */
  origin?: string;
  /**
   * Per-tab storage; never localStorage (security.md 7.2). Defaults to
   * sessionStorage, or memory where the browser blocks it (a cross-site frame).
   */
  storage?: Storage;
  /**
   * Framed in a portal (issue 13): sign-out stays in the frame, since the
   * provider's pages refuse to be framed.
   */
  framed?: boolean;
}

/** The page a popup sign-in returns to; the BFF serves it with COOP unsafe-none. */
export const POPUP_CALLBACK_PATH = '/auth/popup-callback.html';

function toAuthUser(user: User | null): AuthUser | null {
  if (!user) return null;
  return mapUser(user.profile, user.access_token);
}

/**
 * Wraps the single oidc-client-ts UserManager: authorization code + PKCE,
 * the user in sessionStorage, renewal by refresh token only (no iframes).
 */
export function createAuth(settings: AuthSettings): Auth {
  const origin = settings.origin ?? window.location.origin;
  const storage = settings.storage ?? sessionStore();
  const store = new WebStorageStateStore({ store: storage });
  const manager = new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: `${origin}${SIGNIN_CALLBACK_PATH}`,
    popup_redirect_uri: `${origin}${POPUP_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/signed-out`,
    scope: settings.scopes,
    response_type: 'code',
    userStore: store,
    // In-flight state must survive the redirect, which a per-tab store does.
    stateStore: store,
    ...(settings.resource
      ? {
          resource: settings.resource,
          extraTokenParams: { resource: settings.resource },
        }
      : {}),
    // We renew ourselves so the refresh request carries the resource too,
    // and so there is exactly one renewal in flight per tab.
    automaticSilentRenew: false,
    loadUserInfo: false,
    revokeTokensOnSignout: true,
    // Access tokens are JWTs that expire by themselves; providers refuse to
    // revoke them. The refresh token is what must die at sign-out.
    revokeTokenTypes: ['refresh_token'],
    monitorSession: false,
  });
  const loopGuard = createSigninLoopGuard(storage);
  const listeners = new Set<() => void>();
  const callbacks = new Map<string, Promise<string>>();
  let state: AuthState = { status: 'signed-out', user: null };
  let renewal: Promise<boolean> | null = null;
  let redirecting: Promise<void> | null = null;

  function setState(next: AuthState) {
    if (
      next.status === state.status &&
      next.user?.username === state.user?.username
    ) {
      return;
    }
    state = next;
    for (const listener of listeners) listener();
  }

  async function doRenew(): Promise<boolean> {
    const user = await manager.getUser();
    if (!user?.refresh_token) {
      setState({ status: user ? 'expired' : 'signed-out', user: state.user });
      return false;
    }
    try {
      const renewed = await manager.signinSilent(
        settings.resource ? { resource: settings.resource } : {},
      );
      setState({ status: 'signed-in', user: toAuthUser(renewed) });
      return renewed !== null;
    } catch {
      setState({ status: 'expired', user: state.user });
      return false;
    }
  }

  const auth: Auth = {
    async getUser() {
      const user = await manager.getUser();
      if (!user) {
        if (state.status === 'signed-in')
          setState({ status: 'signed-out', user: null });
        return null;
      }
      if (user.expired && !(await auth.renew())) return null;
      const current = toAuthUser(await manager.getUser());
      if (current) setState({ status: 'signed-in', user: current });
      return current;
    },
    async getAccessToken() {
      const user = await manager.getUser();
      if (!user) return null;
      if (user.expired && !(await auth.renew())) return null;
      return (await manager.getUser())?.access_token ?? null;
    },
    renew() {
      renewal ??= doRenew().finally(() => {
        renewal = null;
      });
      return renewal;
    },
    async signinRedirect(returnTo, redirectOptions) {
      if (redirectOptions?.userInitiated) loopGuard.reset();
      if (!loopGuard.allows()) {
        throw new SigninError(
          'Signing in keeps failing. Check that the sign-in service is reachable, then try again.',
        );
      }
      // A second call while the page is already leaving must not count twice.
      if (!redirecting) {
        loopGuard.record();
        redirecting = manager.signinRedirect({
          state: safeReturnTo(returnTo, origin),
        });
      }
      await redirecting;
    },
    async signinPopup() {
      try {
        // Called straight from a click: the library opens the window before
        // its first await, while the click still allows popups.
        const user = await manager.signinPopup({ popupAbortOnClose: true });
        loopGuard.reset();
        setState({ status: 'signed-in', user: toAuthUser(user) });
      } catch (cause) {
        throw popupFailure(cause);
      }
    },
    signinCallback(url) {
      let pending = callbacks.get(url);
      if (!pending) {
        pending = completeSignin(url);
        callbacks.set(url, pending);
      }
      return pending;
    },
    async signout() {
      if (settings.framed) {
        // The provider's sign-out page refuses to be framed: end the session
        // here (refresh token revoked). The provider's own session stays,
        // as the portal's single sign-on expects.
        await manager.revokeTokens(['refresh_token']).catch(() => undefined);
        await manager.removeUser();
        setState({ status: 'signed-out', user: null });
        return;
      }
      // signoutRedirect revokes the refresh token, removes the user and
      // leaves the page; announcing "signed out" first would start a sign-in.
      try {
        await manager.signoutRedirect();
      } catch {
        // The provider is unreachable: still end the session in this tab.
        await manager.removeUser();
        window.location.assign('/signed-out');
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
  };

  async function completeSignin(url: string): Promise<string> {
    const params = new URL(url).searchParams;
    const error = params.get('error');
    // Never error_description: whoever wrote the link chose that text.
    if (error !== null) throw new SigninError(describeProviderError(error));
    try {
      const user = await manager.signinRedirectCallback(url);
      loopGuard.reset();
      setState({ status: 'signed-in', user: toAuthUser(user) });
      return safeReturnTo(user.state, origin);
    } catch (cause) {
      throw new SigninError(
        'The sign-in could not be completed. Please sign in again.',
        { cause },
      );
    }
  }

  manager.events.addAccessTokenExpiring(() => {
    void auth.renew();
  });
  manager.events.addAccessTokenExpired(() => {
    void auth.renew();
  });
  manager.events.addUserSignedOut(() => {
    setState({ status: 'signed-out', user: null });
  });
  void manager.clearStaleState();
  return auth;
}

/**
 * What went wrong with a popup sign-in, in our words. oidc-client-ts says
 * "Attempted to navigate on a disposed window" when `window.open` returned
 * nothing (the browser blocked the popup) and "Popup closed by user" when
 * the person closed it; `create-auth.test.ts` pins both against the library.
 */
function popupFailure(cause: unknown): PopupSigninError {
  const message = cause instanceof Error ? cause.message : '';
  if (/disposed window/i.test(message)) {
    return new PopupSigninError(
      'blocked',
      'Your browser blocked the sign-in window. Allow pop-ups for this site, or open the inbox in a new tab.',
      { cause },
    );
  }
  if (/closed/i.test(message)) {
    return new PopupSigninError(
      'closed',
      'The sign-in window was closed before you signed in.',
      { cause },
    );
  }
  return new PopupSigninError(
    'failed',
    'The sign-in could not be completed. Please try again.',
    { cause },
  );
}
