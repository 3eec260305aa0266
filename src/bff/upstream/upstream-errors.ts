import { BffError, type BffErrorInit } from '../errors';

/** Why one upstream request failed; also the `result` label of its metric. */
export type UpstreamFailureKind =
  | 'network_error'
  | 'timeout'
  | 'server_error'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'client_error'
  | 'bad_response';

/** Seconds the browser should wait before retrying an unreachable upstream. */
const RETRY_AFTER_S = 5;

/**
 * The upstream (Tasklist, or later the REST API v2) could not answer: the
 * request becomes a problem response with `retryable` (security.md section
 * 5). `reason` goes to the log; the body never carries upstream text.
 */
export class UpstreamFailure extends BffError {
  constructor(
    init: BffErrorInit,
    readonly kind: UpstreamFailureKind,
    readonly reason: string,
  ) {
    super(init);
    this.name = 'UpstreamFailure';
  }
}

const retryAfter = (seconds: number | undefined) => ({
  'retry-after': String(Math.max(1, Math.ceil(seconds ?? RETRY_AFTER_S))),
});

/** Maps a failed upstream request to the problem the browser receives. */
export function upstreamFailure(
  kind: UpstreamFailureKind,
  reason: string,
  retryAfterS?: number,
): UpstreamFailure {
  switch (kind) {
    case 'network_error':
      return new UpstreamFailure(
        {
          status: 503,
          code: 'upstream_unavailable',
          title: 'The task service is temporarily unavailable',
          retryable: true,
          headers: retryAfter(retryAfterS),
        },
        kind,
        reason,
      );
    case 'timeout':
      return new UpstreamFailure(
        {
          status: 504,
          code: 'upstream_timeout',
          title: 'The task service did not answer in time',
          retryable: true,
          headers: retryAfter(retryAfterS),
        },
        kind,
        reason,
      );
    case 'rate_limited':
      return new UpstreamFailure(
        {
          status: 503,
          code: 'upstream_rate_limited',
          title: 'The task service is busy',
          retryable: true,
          headers: retryAfter(retryAfterS),
        },
        kind,
        reason,
      );
    case 'server_error':
      return new UpstreamFailure(
        {
          status: 502,
          code: 'upstream_error',
          title: 'The task service failed',
          retryable: true,
        },
        kind,
        reason,
      );
    case 'unauthorized':
      return new UpstreamFailure(
        {
          status: 502,
          code: 'upstream_rejected_token',
          title: 'The task service refused the inbox’s credentials',
          detail: 'Contact your administrator.',
          retryable: false,
        },
        kind,
        reason,
      );
    case 'forbidden':
      return new UpstreamFailure(
        {
          status: 502,
          code: 'upstream_forbidden',
          title: 'The inbox is not allowed to use the task service',
          detail: 'Contact your administrator.',
          retryable: false,
        },
        kind,
        reason,
      );
    case 'client_error':
    case 'bad_response':
      return new UpstreamFailure(
        {
          status: 502,
          code: 'upstream_error',
          title: 'The task service failed',
          retryable: false,
        },
        kind,
        reason,
      );
  }
}
