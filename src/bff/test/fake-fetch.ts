/** One scripted upstream answer for the in-process fake `fetch`. */
export type FetchStep =
  | { token: string; expiresIn: number }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network-error'
  | 'hang';

export interface FakeFetch {
  fetch: typeof fetch;
  /** Request bodies in call order. */
  calls: string[];
  /** Steps used in order; when they run out, `fallback` answers. */
  script: (...steps: FetchStep[]) => void;
  setFallback: (step: FetchStep) => void;
  /** Runs inside every call, e.g. to move a fake clock while "on the wire". */
  onCall: (hook: () => void) => void;
}

function respond(
  step: FetchStep,
  signal: AbortSignal | undefined,
): Promise<Response> {
  if (step === 'network-error') {
    return Promise.reject(new TypeError('fetch failed'));
  }
  if (step === 'hang') {
    // Like a server that never answers: only the caller's timeout ends it.
    return new Promise((_resolve, reject) => {
      signal?.addEventListener('abort', () => {
        reject(signal.reason as Error);
      });
    });
  }
  if ('token' in step) {
    return Promise.resolve(
      Response.json({
        access_token: step.token,
        token_type: 'Bearer',
        expires_in: step.expiresIn,
      }),
    );
  }
  return Promise.resolve(
    Response.json(step.body ?? {}, {
      status: step.status,
      ...(step.headers ? { headers: step.headers } : {}),
    }),
  );
}

/**
 * A `fetch` stand-in for the token cache's unit tests: no sockets, a call
 * counter, and a script of answers including network errors and hangs.
 */
export function createFakeFetch(): FakeFetch {
  const calls: string[] = [];
  const queue: FetchStep[] = [];
  let fallback: FetchStep = { token: 'token-a', expiresIn: 300 };
  let hook: () => void = () => undefined;
  const fake = (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(typeof init?.body === 'string' ? init.body : '');
    hook();
    return respond(queue.shift() ?? fallback, init?.signal ?? undefined);
  };
  return {
    fetch: fake,
    calls,
    script: (...steps) => queue.push(...steps),
    setFallback: (step) => {
      fallback = step;
    },
    onCall: (next) => {
      hook = next;
    },
  };
}
