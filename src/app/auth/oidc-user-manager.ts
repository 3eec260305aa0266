import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/**
 * Loaded on demand (`create-auth.ts` imports it dynamically): the only
 * module that imports oidc-client-ts, so the library stays out of the first
 * load of the inbox (docs/decisions/026-oidc-client-loaded-on-demand.md).
 * It imports nothing else of the app, so it shares no chunk with the entry.
 */

export interface UserManagerOptions {
  authority: string;
  clientId: string;
  scopes: string;
  resource?: string | undefined;
  /** Where the provider sends the browser back to, after sign-in (redirect, popup) and sign-out. */
  redirectUri: string;
  popupRedirectUri: string;
  postLogoutRedirectUri: string;
  /** Per-tab storage, the same one `stored-user.ts` reads the user from. */
  storage: Storage;
}

/**
 * The one UserManager of the tab: authorization code + PKCE, the user and
 * the in-flight state in per-tab storage, renewal by refresh token only (no
 * iframes), no session monitor.
 */
export function createUserManager(options: UserManagerOptions): UserManager {
  const { resource } = options;
  const store = new WebStorageStateStore({ store: options.storage });
  const manager = new UserManager({
    authority: options.authority,
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    popup_redirect_uri: options.popupRedirectUri,
    post_logout_redirect_uri: options.postLogoutRedirectUri,
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
