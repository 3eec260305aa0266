export interface ConnectionStatus {
  /** True while the network or the app's servers cannot be reached. */
  isLost: () => boolean;
  subscribe: (listener: () => void) => () => void;
  reportFailure: () => void;
  reportSuccess: () => void;
}

/**
 * Tracks whether requests get through. The browser's offline event flips it
 * at once; a failed fetch flips it too (the Wi-Fi may be up while the
 * server is not), and the next answered request clears it.
 */
export function createConnectionStatus(
  target: Window = window,
): ConnectionStatus {
  const listeners = new Set<() => void>();
  let lost = !target.navigator.onLine;
  const set = (value: boolean) => {
    if (value === lost) return;
    lost = value;
    for (const listener of listeners) listener();
  };
  target.addEventListener('offline', () => {
    set(true);
  });
  return {
    isLost: () => lost,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportFailure: () => {
      set(true);
    },
    reportSuccess: () => {
      set(false);
    },
  };
}

/** A fetch that reports to `status` whether the server answered at all. */
export function trackedFetch(
  status: ConnectionStatus,
  inner: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    try {
      const response = await inner(input, init);
      // Gateways answer for an unreachable server; treat them as a lost connection.
      if ([502, 503, 504].includes(response.status)) status.reportFailure();
      else status.reportSuccess();
      return response;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError'))
        status.reportFailure();
      throw error;
    }
  };
}
