import { t } from '@lingui/core/macro';
import { TokenError } from './token-error';

export interface TokenSourceOptions {
  /** The BFF token endpoint; `/api/token` on the serving origin. */
  endpoint?: string;
  /** The signed-in user's access token (audience: the BFF). */
  getUserToken: () => Promise<string | null>;
  /** Renews the user's session once; false when it cannot. */
  renewUser: () => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Reuse a token until this long before it expires. */
  marginMs?: number;
}

export interface TokenSource {
  /** A valid Tasklist token: cached, or fetched once for all concurrent callers. */
  getToken(): Promise<string>;
  /** Forgets `token` (or any token) so the next call fetches a fresh one. */
  invalidate(token?: string): void;
}

interface Cached {
  token: string;
  expiresAt: number;
}

interface ProblemBody {
  code?: unknown;
  detail?: unknown;
  retryable?: unknown;
}

function retryAfterMs(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

async function problemFrom(response: Response): Promise<ProblemBody> {
  try {
    return (await response.json()) as ProblemBody;
  } catch {
    return {};
  }
}

/** Maps a refusal of the token endpoint to a TokenError (security.md 7.5). */
async function toTokenError(response: Response): Promise<TokenError> {
  const problem = await problemFrom(response);
  const code =
    typeof problem.code === 'string' ? problem.code : `http_${response.status}`;
  const options = {
    status: response.status,
    retryAfterMs: retryAfterMs(response),
  };
  if (response.status === 401) {
    return new TokenError(
      'unauthenticated',
      code,
      t`Your session has expired.`,
      options,
    );
  }
  if (response.status === 403) {
    const message =
      code === 'not_entitled'
        ? t`Your account is not allowed to use the task inbox.`
        : t`The app is not allowed to request access from this address.`;
    return new TokenError('forbidden', code, message, options);
  }
  if (
    problem.retryable === false ||
    code === 'token_provider_rejected_credentials'
  ) {
    return new TokenError(
      'configuration',
      code,
      t`The inbox is misconfigured and cannot reach Tasklist. Please tell your administrator.`,
      options,
    );
  }
  return new TokenError(
    'unavailable',
    code,
    t`Tasklist access is temporarily unavailable.`,
    options,
  );
}

/**
 * Gets Tasklist tokens from the BFF with the user's token. The answer lives
 * in this closure only (never in storage), is reused until it nearly expires,
 * and concurrent callers share one request.
 */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const endpoint = options.endpoint ?? '/api/token';
  const fetchImpl =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const margin = options.marginMs ?? 30_000;
  let cached: Cached | null = null;
  let inFlight: Promise<string> | null = null;

  async function request(userToken: string): Promise<Response> {
    try {
      return await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${userToken}`,
          'x-requested-with': 'tasklist-inbox',
          accept: 'application/json',
        },
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (cause) {
      throw new TokenError(
        'unavailable',
        'network_error',
        t`The app server cannot be reached.`,
        {
          cause,
        },
      );
    }
  }

  async function fetchToken(): Promise<string> {
    let response: Response | null = null;
    // A 401 means the user's token expired: renew the session once, retry once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const userToken = await options.getUserToken();
      if (!userToken) {
        throw new TokenError(
          'unauthenticated',
          'signed_out',
          t`You are signed out.`,
        );
      }
      response = await request(userToken);
      if (response.status !== 401 || attempt === 1) break;
      if (!(await options.renewUser())) break;
    }
    if (!response?.ok)
      throw await toTokenError(response ?? new Response(null, { status: 500 }));
    const body = (await response.json()) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (
      typeof body.access_token !== 'string' ||
      typeof body.expires_in !== 'number'
    ) {
      throw new TokenError(
        'unavailable',
        'invalid_response',
        t`The app server answered oddly.`,
      );
    }
    const lifetime = body.expires_in * 1000;
    cached = {
      token: body.access_token,
      // Short-lived tokens keep half their life as margin rather than none.
      expiresAt: now() + lifetime - Math.min(margin, lifetime / 2),
    };
    return body.access_token;
  }

  return {
    getToken() {
      if (cached && now() < cached.expiresAt)
        return Promise.resolve(cached.token);
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate(token) {
      if (!token || cached?.token === token) cached = null;
    },
  };
}
