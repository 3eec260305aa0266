import { useSyncExternalStore } from 'react';
import type { Auth, AuthState } from './auth-types';

/** Subscribes a component to sign-in state changes. */
export function useAuthState(auth: Auth): AuthState {
  return useSyncExternalStore(
    auth.subscribe,
    auth.getSnapshot,
    auth.getSnapshot,
  );
}
