/** The signed-in person, as the app needs them (never the raw OIDC user). */
export interface AuthUser {
  /** `preferred_username`: the id Tasklist knows as the assignee. */
  username: string;
  /** Display name; falls back to the username. */
  name: string;
  email: string | null;
  groups: string[];
}

export type AuthStatus = 'signed-in' | 'signed-out' | 'expired';

export interface AuthState {
  status: AuthStatus;
  user: AuthUser | null;
}

/**
 * The app's view of sign-in. `createAuth` implements it over oidc-client-ts;
 * tests use `createFakeAuth`, so nothing else depends on the OIDC library.
 */
export interface Auth {
  /** The current user, or null when nobody is signed in (or the session ended). */
  getUser(): Promise<AuthUser | null>;
  /** The user's access token for the BFF, or null. */
  getAccessToken(): Promise<string | null>;
  /**
   * Whether a stored session is there that needs no renewal, read at once
   * and without side effects (boot uses it to start the first token request
   * early; nothing is renewed, loaded or redirected).
   */
  hasLiveSession(): boolean;
  /**
   * Renews the session with the refresh token (one renewal at a time).
   * Resolves to false when it cannot; the state then becomes `expired`.
   */
  renew(): Promise<boolean>;
  /**
   * Leaves for the identity provider; `returnTo` is a same-origin path.
   * Automatic redirects are loop-guarded; a click (`userInitiated`) resets the guard.
   */
  signinRedirect(
    returnTo: string,
    options?: { userInitiated?: boolean },
  ): Promise<void>;
  /**
   * Signs in through a popup window, for the app framed in a portal where
   * the provider refuses to be framed. Call it straight from a click. Throws
   * a `PopupSigninError` saying whether the popup was blocked or closed.
   */
  signinPopup(): Promise<void>;
  /** Completes the redirect back from the identity provider; returns the path to go to. */
  signinCallback(url: string): Promise<string>;
  /** Signs out at the identity provider and revokes the refresh token. */
  signout(): Promise<void>;
  /** Notifies on every state change; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** The latest state, synchronously (for useSyncExternalStore). */
  getSnapshot: () => AuthState;
}
