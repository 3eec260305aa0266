/**
 * A problem that stops the whole app (e.g. the token service is
 * misconfigured). Kept outside React so the Apollo links can raise it.
 */
export interface FatalError {
  /** The page heading, e.g. "No access to the task inbox". */
  title: string;
  /** What happened and what to do, in plain words. */
  message: string;
}

export interface FatalErrorStore {
  get: () => FatalError | null;
  set: (error: FatalError) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createFatalErrorStore(): FatalErrorStore {
  let current: FatalError | null = null;
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
