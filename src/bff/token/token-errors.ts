import { BffError } from '../errors';

/** Why one upstream attempt failed; also the `result` label of the upstream metric. */
export type FailureKind =
  | 'timeout'
  | 'network_error'
  | 'server_error'
  | 'rate_limited'
  | 'rejected'
  | 'client_error'
  | 'bad_response';

export interface UpstreamFailure {
  kind: FailureKind;
  /** The upstream HTTP status, when there was a response. */
  status?: number;
  /** Seconds from the upstream `Retry-After`, when it sent one. */
  retryAfterS?: number;
  /** The OAuth `error` value (e.g. `invalid_client`), for logs only. */
  oauthError?: string;
}

/** Seconds the browser should wait after a timeout or an unreachable provider. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * A token-provider failure as the browser sees it (security.md section 5).
 * `reason` is for logs and metrics; the body never carries upstream text.
 */
export class TokenProviderError extends BffError {
  constructor(
    init: ConstructorParameters<typeof BffError>[0],
    readonly reason: string,
  ) {
    super(init);
    this.name = 'TokenProviderError';
  }
}

/** Maps the last failed attempt to the problem the browser receives. */
export function toProviderError(failure: UpstreamFailure): TokenProviderError {
  const reason = failure.status
    ? `${failure.kind} (HTTP ${failure.status}${failure.oauthError ? `, ${failure.oauthError}` : ''})`
    : failure.kind;
  switch (failure.kind) {
    case 'timeout':
    case 'network_error':
      return unavailable(
        failure.kind === 'timeout' ? 504 : 503,
        UNAVAILABLE_RETRY_AFTER_S,
        reason,
      );
    case 'rate_limited':
      return providerRateLimited(
        failure.retryAfterS ?? UNAVAILABLE_RETRY_AFTER_S,
        reason,
      );
    case 'rejected':
      return rejectedCredentials(reason);
    case 'server_error':
      return providerError(true, reason);
    case 'client_error':
    case 'bad_response':
      return providerError(false, reason);
  }
}

/** The provider cannot be reached, timed out, or the circuit is open. */
export function unavailable(
  status: 503 | 504,
  retryAfterS: number,
  reason: string,
): TokenProviderError {
  return new TokenProviderError(
    {
      status,
      code: 'token_provider_unavailable',
      title: 'The task service sign-in is temporarily unavailable',
      retryable: true,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
    },
    reason,
  );
}

export function providerRateLimited(
  retryAfterS: number,
  reason: string,
): TokenProviderError {
  return new TokenProviderError(
    {
      status: 503,
      code: 'token_provider_rate_limited',
      title: 'The task service sign-in is busy',
      retryable: true,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
    },
    reason,
  );
}

export function rejectedCredentials(reason: string): TokenProviderError {
  return new TokenProviderError(
    {
      status: 502,
      code: 'token_provider_rejected_credentials',
      title: 'The task service sign-in is misconfigured',
      detail: 'Contact your administrator.',
      retryable: false,
    },
    reason,
  );
}

export function providerError(
  retryable: boolean,
  reason: string,
): TokenProviderError {
  return new TokenProviderError(
    {
      status: 502,
      code: 'token_provider_error',
      title: 'The task service sign-in failed',
      retryable,
    },
    reason,
  );
}
