import { decodeJwt } from 'jose';
import type { TokenHttpRequest } from './token-request';
import type { UpstreamFailure } from './token-errors';

export interface UpstreamToken {
  accessToken: string;
  lifetimeMs: number;
}

export type AttemptOutcome =
  { ok: true; token: UpstreamToken } | { ok: false; failure: UpstreamFailure };

/** Token responses are small; anything bigger is not a token response. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * One POST to the token endpoint with a hard timeout. Never throws: every
 * outcome is classified so the caller can decide on retries. Upstream bodies
 * are parsed for the token or the OAuth `error` code and otherwise dropped.
 */
export async function attemptTokenFetch(
  fetchFn: typeof fetch,
  request: TokenHttpRequest,
  timeoutMs: number,
  now: () => number,
): Promise<AttemptOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await readLimited(response);
  } catch (error) {
    const timedOut =
      error instanceof Error &&
      (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      failure: { kind: timedOut ? 'timeout' : 'network_error' },
    };
  }
  if (response.ok) return parseToken(text, response.status);
  return { ok: false, failure: classifyHttpFailure(response, text, now) };
}

async function readLimited(response: Response): Promise<string> {
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) return '';
  return new TextDecoder().decode(body);
}

function classifyHttpFailure(
  response: Response,
  text: string,
  now: () => number,
): UpstreamFailure {
  const status = response.status;
  const oauthError = oauthErrorCode(text);
  const retryAfterS = parseRetryAfter(response.headers.get('retry-after'), now);
  const base = {
    status,
    ...(oauthError === undefined ? {} : { oauthError }),
    ...(retryAfterS === undefined ? {} : { retryAfterS }),
  };
  if (status === 429) return { kind: 'rate_limited', ...base };
  if (status >= 500) return { kind: 'server_error', ...base };
  // 400/401/403 mean wrong credentials, scope or audience: configuration
  // errors that retrying cannot fix (and that SaaS tar-pits when repeated).
  if (status === 400 || status === 401 || status === 403) {
    return { kind: 'rejected', ...base };
  }
  return { kind: 'client_error', ...base };
}

function parseToken(text: string, status: number): AttemptOutcome {
  const bad: AttemptOutcome = {
    ok: false,
    failure: { kind: 'bad_response', status },
  };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad;
  }
  if (typeof body !== 'object' || body === null) return bad;
  const fields = body as Record<string, unknown>;
  const accessToken = fields.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') return bad;
  const tokenType = fields.token_type;
  if (
    tokenType !== undefined &&
    (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')
  ) {
    return bad;
  }
  const lifetimeS = lifetimeSeconds(fields.expires_in, accessToken);
  if (lifetimeS === undefined) return bad;
  return { ok: true, token: { accessToken, lifetimeMs: lifetimeS * 1000 } };
}

/**
 * `expires_in` is the lifetime, measured against our own clock from the
 * moment the response arrives, so clock skew with the provider cannot
 * matter. Without it, a JWT's `exp - iat` (also a duration) is the fallback.
 */
function lifetimeSeconds(
  expiresIn: unknown,
  accessToken: string,
): number | undefined {
  const value =
    typeof expiresIn === 'string' && /^\d+$/.test(expiresIn)
      ? Number(expiresIn)
      : expiresIn;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value > 0 ? value : undefined;
  }
  if (value !== undefined) return undefined;
  try {
    const { exp, iat } = decodeJwt(accessToken);
    return exp !== undefined && iat !== undefined && exp > iat
      ? exp - iat
      : undefined;
  } catch {
    return undefined;
  }
}

function oauthErrorCode(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = body.error;
      // Only a short token-like code goes to the logs, never free text.
      if (typeof error === 'string' && /^[\w.-]{1,64}$/.test(error)) {
        return error;
      }
    }
  } catch {
    // Not JSON: there is no code to report.
  }
  return undefined;
}

/** `Retry-After` as seconds (delta or HTTP date), capped to one hour. */
export function parseRetryAfter(
  header: string | null,
  now: () => number,
): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    seconds = Math.ceil((date - now()) / 1000);
  }
  return Math.min(3600, Math.max(0, seconds));
}
