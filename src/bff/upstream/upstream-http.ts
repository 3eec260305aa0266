import { Pool } from 'undici';
import { parseRetryAfter } from '../token/upstream-attempt';
import { upstreamFailure, type UpstreamFailureKind } from './upstream-errors';

/** The BFF's client-credentials token, as the upstream transport needs it. */
export interface ServiceTokens {
  get(): Promise<string>;
  /** Drops `token` from the cache after the upstream refused it. */
  invalidate(token: string): void;
}

export interface UpstreamHttpOptions {
  /** The upstream endpoint; every request goes to this origin. */
  url: string;
  timeoutMs: number;
  connections: number;
  /** Null: the upstream wants no credentials (Camunda 8 Run without authentication). */
  tokens: ServiceTokens | null;
  now?: () => number;
  /** Called once per HTTP attempt, for the duration histogram. */
  observe?: (call: string, result: string, seconds: number) => void;
  maxResponseBytes?: number;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path (and query) on the upstream origin. */
  path: string;
  body?: unknown;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Enough for a page of tasks with long variables; more is not a Tasklist answer. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const TOO_LARGE = 'UND_ERR_RES_EXCEEDED_MAX_SIZE';

class Attempt {
  constructor(
    readonly response: UpstreamResponse,
    readonly retryAfterS: number | undefined,
  ) {}
}

/**
 * HTTP to the one configured upstream: a keep-alive undici pool, the cached
 * client-credentials token in place of anything the browser sent, a hard
 * timeout, a bounded response size, and the 401 rule of G48
 * (drop the token, fetch one more, retry once; a second 401 is a 502).
 * Network failures, timeouts, 5xx, 429 and 403 become `UpstreamFailure`s;
 * every other answer goes back to the caller, which knows its protocol.
 */
export class UpstreamHttp {
  readonly #pool: Pool;

  constructor(private readonly options: UpstreamHttpOptions) {
    this.#pool = new Pool(new URL(options.url).origin, {
      connections: options.connections,
      // undici stops reading past the bound (by Content-Length or by the
      // bytes received) and fails the request with UND_ERR_RES_EXCEEDED_MAX_SIZE.
      maxResponseSize: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: Math.min(options.timeoutMs, 5_000) },
    });
  }

  /** Sends one request for `call` (a port method name, used in metrics and logs). */
  async send(
    call: string,
    request: UpstreamRequest,
  ): Promise<UpstreamResponse> {
    const { tokens } = this.options;
    if (tokens === null) {
      const answer = await this.#attempt(call, request, null);
      if (answer.response.status === 401) {
        throw upstreamFailure(
          'unauthorized',
          `${call}: HTTP 401 without credentials`,
        );
      }
      return this.#accept(answer);
    }
    const first = await tokens.get();
    const answer = await this.#attempt(call, request, first);
    if (answer.response.status !== 401) return this.#accept(answer);
    // The upstream no longer accepts our cached token (rotated keys, revoked
    // client): fetch one more and try exactly once again.
    tokens.invalidate(first);
    const second = await tokens.get();
    const retried = await this.#attempt(call, request, second);
    if (retried.response.status === 401) {
      tokens.invalidate(second);
      throw upstreamFailure('unauthorized', `${call}: HTTP 401 twice`);
    }
    return this.#accept(retried);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  #accept(answer: Attempt): UpstreamResponse {
    const { status } = answer.response;
    if (status === 429) {
      throw upstreamFailure('rate_limited', 'HTTP 429', answer.retryAfterS);
    }
    if (status === 503) {
      throw upstreamFailure('network_error', 'HTTP 503', answer.retryAfterS);
    }
    if (status === 504) throw upstreamFailure('timeout', 'HTTP 504');
    if (status >= 500) throw upstreamFailure('server_error', `HTTP ${status}`);
    if (status === 403) throw upstreamFailure('forbidden', 'HTTP 403');
    return answer.response;
  }

  async #attempt(
    call: string,
    request: UpstreamRequest,
    token: string | null,
  ): Promise<Attempt> {
    const started = performance.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await this.#pool.request({
        method: request.method,
        path: request.path,
        headers: {
          accept: 'application/json, application/problem+json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(request.body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined
          ? {}
          : { body: JSON.stringify(request.body) }),
        signal,
      });
      // Read whole by undici itself: cheaper than iterating the stream.
      const text = await response.body.text();
      const status = response.statusCode;
      this.#observe(call, resultOf(status), started);
      return new Attempt(
        {
          status,
          contentType: firstHeader(response.headers, 'content-type') ?? '',
          text,
        },
        parseRetryAfter(
          firstHeader(response.headers, 'retry-after') ?? null,
          this.#now,
        ),
      );
    } catch (error) {
      const kind = failureKind(error, signal);
      this.#observe(call, kind, started);
      if (kind === 'bad_response') {
        throw upstreamFailure(kind, `${call}: response larger than allowed`);
      }
      throw upstreamFailure(kind, `${call}: ${describe(error)}`);
    }
  }

  readonly #now = () => (this.options.now ?? Date.now)();

  // A method rather than a closure per attempt: under tsx every named
  // function made per request also pays a defineProperty for its name.
  #observe(call: string, result: string, started: number): void {
    this.options.observe?.(call, result, (performance.now() - started) / 1000);
  }
}

function firstHeader(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function resultOf(status: number): string {
  if (status < 400) return 'ok';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

function failureKind(error: unknown, signal: AbortSignal): UpstreamFailureKind {
  const code = (error as { code?: unknown }).code;
  if (code === TOO_LARGE) return 'bad_response';
  if (signal.aborted) return 'timeout';
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return 'timeout';
  return 'network_error';
}

/** A log-safe description: error codes and names, never bodies or headers. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
