/**
 * Every refusal and failure the BFF reports is a `BffError`: an HTTP status,
 * a stable machine `code` the SPA switches on, a short human title and the
 * headers the status needs. One error handler renders them as RFC 9457
 * problem details, so no route formats errors itself.
 */
export interface BffErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  /** Present on upstream failures only: may the SPA retry automatically? */
  retryable?: boolean;
  headers?: Record<string, string>;
}

export class BffError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly retryable: boolean | undefined;
  readonly headers: Record<string, string>;

  constructor(init: BffErrorInit) {
    super(init.title);
    this.name = 'BffError';
    this.statusCode = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.retryable = init.retryable;
    this.headers = init.headers ?? {};
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  retryable?: boolean;
}

/** The RFC 9457 body for an error; `type` is a URN per code. */
export function problemBody(error: BffError): ProblemBody {
  return {
    type: `urn:tasklist-inbox:problem:${error.code}`,
    title: error.title,
    status: error.statusCode,
    code: error.code,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    ...(error.retryable === undefined ? {} : { retryable: error.retryable }),
  };
}

export const methodNotAllowed = () =>
  new BffError({
    status: 405,
    code: 'method_not_allowed',
    title: 'Method not allowed',
    detail: 'The token endpoint accepts POST only.',
    headers: { allow: 'POST' },
  });

export const queryNotAllowed = () =>
  new BffError({
    status: 400,
    code: 'query_not_allowed',
    title: 'Query string not allowed',
    detail: 'The token endpoint takes no parameters in its URL.',
  });

export const originNotAllowed = () =>
  new BffError({
    status: 403,
    code: 'origin_not_allowed',
    title: 'Origin not allowed',
    detail: 'The request did not come from a configured app origin.',
  });

export const csrfHeaderMissing = () =>
  new BffError({
    status: 403,
    code: 'csrf_header_missing',
    title: 'Missing request header',
    detail: 'Send the header X-Requested-With: tasklist-inbox.',
  });

/** 401 per RFC 6750: no error attribute when no credentials were sent at all. */
export const invalidToken = (credentialsSent: boolean) =>
  new BffError({
    status: 401,
    code: 'invalid_token',
    title: credentialsSent
      ? 'The access token is invalid or expired'
      : 'A bearer access token is required',
    headers: {
      'www-authenticate': credentialsSent
        ? 'Bearer error="invalid_token"'
        : 'Bearer',
    },
  });

export const notEntitled = () =>
  new BffError({
    status: 403,
    code: 'not_entitled',
    title: 'Not entitled',
    detail: 'Your account is not in a group allowed to use Tasklist Inbox.',
  });

export const rateLimited = (retryAfterS: number) =>
  new BffError({
    status: 429,
    code: 'rate_limited',
    title: 'Too many token requests',
    headers: { 'retry-after': String(retryAfterS) },
  });

export const identityProviderUnavailable = () =>
  new BffError({
    status: 503,
    code: 'identity_provider_unavailable',
    title: 'Sign-in verification is temporarily unavailable',
    retryable: true,
    headers: { 'retry-after': '5' },
  });

export const notFound = () =>
  new BffError({ status: 404, code: 'not_found', title: 'Not found' });

export const internalError = () =>
  new BffError({
    status: 500,
    code: 'internal_error',
    title: 'Internal server error',
  });
