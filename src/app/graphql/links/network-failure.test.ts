import { ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from './network-failure';

// Which failures the retry link may try again: a gateway or a busy service
// yes, but not when the BFF says retrying cannot help (proxy mode).

function serverError(status: number, body: unknown): ServerError {
  return new ServerError('failed', {
    response: new Response(null, { status }),
    bodyText: JSON.stringify(body),
  });
}

describe('isNetworkFailure', () => {
  it('502, 503 and 504 are retried', () => {
    for (const status of [502, 503, 504]) {
      expect(isNetworkFailure(serverError(status, { retryable: true }))).toBe(
        true,
      );
      expect(isNetworkFailure(serverError(status, 'gateway page'))).toBe(true);
    }
  });

  it('a problem answer with retryable false is not', () => {
    expect(
      isNetworkFailure(
        serverError(502, { code: 'upstream_rejected_token', retryable: false }),
      ),
    ).toBe(false);
  });

  it('4xx answers are not', () => {
    expect(
      isNetworkFailure(serverError(403, { code: 'unknown_document' })),
    ).toBe(false);
  });
});
