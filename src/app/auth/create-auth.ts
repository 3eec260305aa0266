import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { User, UserManager } from 'oidc-client-ts';
import { sessionStore } from '../lib/browser-storage';
import { safeReturnTo } from '../lib/safe-return-to';
import type { Auth, AuthState, AuthUser } from './auth-types';
import { createExpiryWatch } from './expiry-watch';
import { mapUser } from './map-user';
import type * as OidcUserManager from './oidc-user-manager';
import { openSigninPopup, SIGNIN_POPUP_NAME } from './popup-window';
import { describeProviderError } from './provider-errors';
import { SIGNIN_CALLBACK_PATH } from './signin-callback';
import { PopupSigninError, SigninError } from './signin-error';
import { createSigninLoopGuard } from './signin-loop-guard';
import { isExpired, readStoredUser, storedUserKey } from './stored-user';

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

export interface AuthSeams {
  /** Loads the module holding oidc-client-ts; tests make it fail or wait. */
  loadUserManager?: () => Promise<typeof OidcUserManager>;
}

/** What a sign-in says when the library could not be loaded (offline, or a deploy replaced it). */
export const SIGNIN_UNAVAILABLE = msg`Signing in could not start because part of the app did not load. Check your connection, then try again.`;

const loadUserManagerModule = () => import('./oidc-user-manager');

/** The page a popup sign-in returns to; the BFF serves it with COOP unsafe-none. */
export const POPUP_CALLBACK_PATH = '/auth/popup-callback.html';

/** The library's `User` and the stored record both fit. */
function toAuthUser(
  user: { profile: Record<string, unknown>; access_token: string } | null,
): AuthUser | null {
  if (!user) return null;
  return mapUser(user.profile, user.access_token);
}

/**
 * The app's sign-in over oidc-client-ts: authorization code + PKCE, the user
 * in sessionStorage, renewal by refresh token only (no iframes).
 *
 * Reading the session needs no library: the user, the access token and its
 * expiry come from the record oidc-client-ts stored (`stored-user.ts`), and
 * renewal is timed here (`expiry-watch.ts`). The library loads, once, when
 * the session must change: sign-in, the callback, renewal, sign-out. It is
 * fetched ahead as soon as a sign-in is coming (nobody signed in, or the
 * session ended), so a popup can still open within the click.
 */
export function createAuth(
  settings: AuthSettings,
  { loadUserManager = loadUserManagerModule }: AuthSeams = {},
): Auth {
  const origin = settings.origin ?? window.location.origin;
  const storage = settings.storage ?? sessionStore();
  const userKey = storedUserKey(settings.authority, settings.clientId);
  const readUser = () => readStoredUser(storage, userKey);
  const loopGuard = createSigninLoopGuard(storage);
  const listeners = new Set<() => void>();
  const callbacks = new Map<string, Promise<string>>();
  const expiry = createExpiryWatch(() => {
    void auth.renew();
  });
  let state: AuthState = { status: 'signed-out', user: null };
  let renewal: Promise<boolean> | null = null;
  let redirecting: Promise<void> | null = null;
  let manager: UserManager | null = null;
  let loading: Promise<UserManager> | null = null;

  /** The one UserManager, loaded on first use. */
  function userManager(): Promise<UserManager> {
    loading ??= loadUserManager().then(
      (module) => {
        manager = module.createUserManager({
          authority: settings.authority,
          clientId: settings.clientId,
          scopes: settings.scopes,
          resource: settings.resource,
          redirectUri: `${origin}${SIGNIN_CALLBACK_PATH}`,
          popupRedirectUri: `${origin}${POPUP_CALLBACK_PATH}`,
          postLogoutRedirectUri: `${origin}/signed-out`,
          storage,
        });
        return manager;
      },
      (cause: unknown) => {
        // Not kept: the next attempt loads again (back online, say).
        loading = null;
        throw new SigninError(i18n._(SIGNIN_UNAVAILABLE), { cause });
      },
    );
    return loading;
  }

  /** A sign-in is coming: fetch the library now. A failure is reported when it is used. */
  function preload() {
    userManager().catch(() => undefined);
  }

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

  function signedIn(user: User) {
    loopGuard.reset();
    expiry.watch(user.expires_at);
    setState({ status: 'signed-in', user: toAuthUser(user) });
  }

  async function removeUser() {
    expiry.stop();
    if (manager) await manager.removeUser();
    else storage.removeItem(userKey);
  }

  async function doRenew(): Promise<boolean> {
    const user = readUser();
    if (!user?.refresh_token) {
      setState({ status: user ? 'expired' : 'signed-out', user: state.user });
      preload();
      return false;
    }
    try {
      const loaded = await userManager();
      const renewed = await loaded.signinSilent(
        settings.resource ? { resource: settings.resource } : {},
      );
      expiry.watch(renewed?.expires_at);
      setState({ status: 'signed-in', user: toAuthUser(renewed) });
      return renewed !== null;
    } catch {
      setState({ status: 'expired', user: state.user });
      return false;
    }
  }

  /** The stored user after renewing an expired one; null when there is none (any more). */
  async function currentUser() {
    const user = readUser();
    if (!user) {
      expiry.stop();
      return null;
    }
    if (isExpired(user) && !(await auth.renew())) return null;
    const current = readUser();
    expiry.watch(current?.expires_at);
    return current;
  }

  /** Opens the popup within the click, whether or not the library is loaded yet. */
  function popupSignin(): Promise<User> {
    const ready = manager;
    // Loaded: the library opens the window before its first await.
    if (ready) return ready.signinPopup({ popupAbortOnClose: true });
    // Still loading: open the window now, and let the library take it over.
    const popup = openSigninPopup();
    if (!popup) return Promise.reject(popupBlocked());
    return userManager().then(
      (loaded) => {
        if (popup.closed) throw popupClosed();
        return loaded.signinPopup({
          popupAbortOnClose: true,
          popupWindowTarget: SIGNIN_POPUP_NAME,
        });
      },
      (cause: unknown) => {
        popup.close();
        throw cause;
      },
    );
  }

  const auth: Auth = {
    async getUser() {
      const user = await currentUser();
      if (!user) {
        if (state.status === 'signed-in')
          setState({ status: 'signed-out', user: null });
        // Nobody is signed in: the sign-in page comes next.
        preload();
        return null;
      }
      const current = toAuthUser(user);
      if (current) setState({ status: 'signed-in', user: current });
      return current;
    },
    async getAccessToken() {
      return (await currentUser())?.access_token ?? null;
    },
    hasLiveSession() {
      const user = readUser();
      return user !== null && !isExpired(user);
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
          t`Signing in keeps failing. Check that the sign-in service is reachable, then try again.`,
        );
      }
      // A second call while the page is already leaving must not count twice.
      if (!redirecting) {
        loopGuard.record();
        const leaving = userManager().then((loaded) =>
          loaded.signinRedirect({ state: safeReturnTo(returnTo, origin) }),
        );
        redirecting = leaving;
        // A failed start may be tried again (the sign-in page's button).
        leaving.catch(() => {
          if (redirecting === leaving) redirecting = null;
        });
      }
      await redirecting;
    },
    async signinPopup() {
      try {
        // Called straight from a click: nothing may be awaited before the
        // window opens, or the browser no longer allows the popup.
        signedIn(await popupSignin());
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
        // as the portal's single sign-on expects. Without the library the
        // refresh token cannot be revoked; it dies when it expires.
        const loaded = await userManager().catch(() => null);
        await loaded?.revokeTokens(['refresh_token']).catch(() => undefined);
        await removeUser();
        setState({ status: 'signed-out', user: null });
        return;
      }
      // signoutRedirect revokes the refresh token, removes the user and
      // leaves the page; announcing "signed out" first would start a sign-in.
      try {
        expiry.stop();
        await (await userManager()).signoutRedirect();
      } catch {
        // The provider (or the library) is unreachable: still end the
        // session in this tab.
        await removeUser();
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
      const loaded = await userManager();
      const user = await loaded.signinRedirectCallback(url);
      signedIn(user);
      return safeReturnTo(user.state, origin);
    } catch (cause) {
      // Ours already (the library did not load): it says what to do.
      if (cause instanceof SigninError) throw cause;
      throw new SigninError(
        t`The sign-in could not be completed. Please sign in again.`,
        { cause },
      );
    }
  }

  return auth;
}

function popupBlocked(cause?: unknown): PopupSigninError {
  return new PopupSigninError(
    'blocked',
    t`Your browser blocked the sign-in window. Allow pop-ups for this site, or open the inbox in a new tab.`,
    { cause },
  );
}

function popupClosed(cause?: unknown): PopupSigninError {
  return new PopupSigninError(
    'closed',
    t`The sign-in window was closed before you signed in.`,
    { cause },
  );
}

/**
 * What went wrong with a popup sign-in, in our words. oidc-client-ts says
 * "Attempted to navigate on a disposed window" when `window.open` returned
 * nothing (the browser blocked the popup) and "Popup closed by user" when
 * the person closed it; `create-auth.test.ts` pins both against the library.
 */
function popupFailure(cause: unknown): PopupSigninError {
  if (cause instanceof PopupSigninError) return cause;
  // Our own sentence, e.g. the library did not load.
  if (cause instanceof SigninError) {
    return new PopupSigninError('failed', cause.message, { cause });
  }
  const message = cause instanceof Error ? cause.message : '';
  if (/disposed window/i.test(message)) return popupBlocked(cause);
  if (/closed/i.test(message)) return popupClosed(cause);
  return new PopupSigninError(
    'failed',
    t`The sign-in could not be completed. Please try again.`,
    { cause },
  );
}
