import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { SIGNIN_CALLBACK_PATH } from './signin-callback';

/**
 * Loaded on demand (`create-auth.ts` imports it dynamically): the only
 * module that imports oidc-client-ts, so the library stays out of the first
 * load of the inbox (docs/decisions/026-oidc-client-loaded-on-demand.md).
 */

/** The page a popup sign-in returns to; the BFF serves it with COOP unsafe-none. */
export const POPUP_CALLBACK_PATH = '/auth/popup-callback.html';

export interface UserManagerOptions {
  authority: string;
  clientId: string;
  scopes: string;
  resource?: string | undefined;
  origin: string;
  /** Per-tab storage, the same one `stored-user.ts` reads the user from. */
  storage: Storage;
}

/**
 * The one UserManager of the tab: authorization code + PKCE, the user and
 * the in-flight state in per-tab storage, renewal by refresh token only (no
 * iframes), no session monitor.
 */
export function createUserManager(options: UserManagerOptions): UserManager {
  const { origin, resource } = options;
  const store = new WebStorageStateStore({ store: options.storage });
  const manager = new UserManager({
    authority: options.authority,
    client_id: options.clientId,
    redirect_uri: `${origin}${SIGNIN_CALLBACK_PATH}`,
    popup_redirect_uri: `${origin}${POPUP_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/signed-out`,
    scope: options.scopes,
    response_type: 'code',
    userStore: store,
    // In-flight state must survive the redirect, which a per-tab store does.
    stateStore: store,
    ...(resource ? { resource, extraTokenParams: { resource } } : {}),
    // `createAuth` renews itself so the refresh request carries the resource
    // too, and so there is exactly one renewal in flight per tab.
    automaticSilentRenew: false,
    loadUserInfo: false,
    revokeTokensOnSignout: true,
    // Access tokens are JWTs that expire by themselves; providers refuse to
    // revoke them. The refresh token is what must die at sign-out.
    revokeTokenTypes: ['refresh_token'],
    monitorSession: false,
  });
  void manager.clearStaleState();
  return manager;
}
