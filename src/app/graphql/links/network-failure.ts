import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { TokenError } from './token-error';

/**
 * True for failures that say nothing about the request itself: the network,
 * a gateway, or a temporarily unavailable token service. Those may succeed
 * when tried again; GraphQL errors and HTTP 4xx will not.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (TokenError.is(error)) return error.retryable;
  if (ServerError.is(error)) {
    return [502, 503, 504].includes(error.statusCode) && !refusesRetry(error);
  }
  return (
    error instanceof TypeError ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

/** The BFF's problem answers say `"retryable": false` when retrying cannot help. */
function refusesRetry(error: ServerError): boolean {
  try {
    const body = JSON.parse(error.bodyText) as { retryable?: unknown } | null;
    return body?.retryable === false;
  } catch {
    return false;
  }
}
