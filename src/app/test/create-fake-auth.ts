import type { Auth, AuthState, AuthUser } from '../auth/auth-types';
import { PopupSigninError, type PopupFailure } from '../auth/signin-error';

export interface FakeAuth extends Auth {
  /** Return paths passed to signinRedirect, in order. */
  readonly redirects: string[];
  /** Ends the session: renewals fail and the state becomes `expired`. */
  expire(): void;
  /** Signs `user` in, as a completed callback would. */
  signInAs(user: AuthUser): void;
  renewCalls: number;
  /** How many popup sign-ins were started. */
  popups: number;
  /** What the next popup sign-ins do: sign `user` in, or fail this way. */
  popupOutcome: 'signed-in' | PopupFailure;
}

/** A demo user: `demo`, in groups accounting and management. */
export function aUser(overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    username: 'demo',
    name: 'Demo User',
    email: 'demo@example.com',
    groups: ['accounting', 'management'],
    ...overrides,
  };
}

/**
 * The Auth interface without oidc-client-ts: route and component tests sign
 * in as `user` (or nobody) and observe redirects instead of leaving the page.
 */
export function createFakeAuth({
  user = aUser(),
}: { user?: AuthUser | null } = {}): FakeAuth {
  const listeners = new Set<() => void>();
  let state: AuthState = user
    ? { status: 'signed-in', user }
    : { status: 'signed-out', user: null };
  let renewable = true;
  const set = (next: AuthState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const auth: FakeAuth = {
    redirects: [],
    renewCalls: 0,
    popups: 0,
    popupOutcome: 'signed-in',
    getUser: () =>
      Promise.resolve(state.status === 'signed-in' ? state.user : null),
    getAccessToken: () =>
      Promise.resolve(
        state.status === 'signed-in' ? 'user-access-token' : null,
      ),
    hasLiveSession: () => state.status === 'signed-in',
    renew() {
      auth.renewCalls += 1;
      if (!renewable) set({ status: 'expired', user: state.user });
      return Promise.resolve(renewable);
    },
    signinRedirect(returnTo) {
      auth.redirects.push(returnTo);
      return Promise.resolve();
    },
    signinPopup() {
      auth.popups += 1;
      if (auth.popupOutcome === 'signed-in') {
        auth.signInAs(user ?? aUser());
        return Promise.resolve();
      }
      return Promise.reject(
        new PopupSigninError(
          auth.popupOutcome,
          auth.popupOutcome === 'blocked'
            ? 'Your browser blocked the sign-in window. Allow pop-ups for this site, or open the inbox in a new tab.'
            : 'The sign-in window was closed before you signed in.',
        ),
      );
    },
    signinCallback() {
      auth.signInAs(user ?? aUser());
      return Promise.resolve('/tasks');
    },
    signout() {
      set({ status: 'signed-out', user: null });
      return Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    signInAs(user) {
      renewable = true;
      set({ status: 'signed-in', user });
    },
    expire() {
      renewable = false;
      set({ status: 'expired', user: state.user });
    },
  };
  return auth;
}
