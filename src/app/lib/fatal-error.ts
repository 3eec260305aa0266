/**
 * A problem that stops the whole app (e.g. the token service is
 * misconfigured). Kept outside React so the Apollo links can raise it.
 */
export interface FatalErrorStore {
  get: () => Error | null;
  set: (error: Error) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createFatalErrorStore(): FatalErrorStore {
  let current: Error | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(error) {
      if (current) return;
      current = error;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
