import { OperationTypeNode } from 'graphql';
import { RetryLink } from '@apollo/client/link/retry';
import { isNetworkFailure } from './network-failure';

/**
 * Retries queries (never mutations: a retried completion could run twice)
 * after network failures only, with a short jittered backoff.
 */
export function createRetryLink(maxAttempts = 3): RetryLink {
  return new RetryLink({
    delay: { initial: 300, max: 3000, jitter: true },
    attempts: {
      max: maxAttempts,
      retryIf: (error, operation) =>
        operation.operationType === OperationTypeNode.QUERY &&
        isNetworkFailure(error),
    },
  });
}
