import { ErrorLink } from '@apollo/client/link/error';
import { ServerError } from '@apollo/client/errors';
import { TokenError } from './token-error';

export interface ErrorLinkOptions {
  /** The session is over, or Tasklist refused a fresh token twice. */
  onUnauthenticated: () => void;
  /**
   * Retrying cannot help: the token service is misconfigured, or this user
   * is not allowed to use Tasklist.
   */
  onConfigurationError: (error: TokenError) => void;
  /** Called once per failed operation, for diagnostics. */
  log?: (operationName: string | undefined, error: unknown) => void;
}

/**
 * Sees every final error (after retries). Auth problems never reach a route
 * error boundary as such: they switch the app to a sign-in or configuration
 * state. It never shows toasts; the UI decides how to present errors.
 */
export function createErrorLink(options: ErrorLinkOptions): ErrorLink {
  return new ErrorLink(({ error, operation }) => {
    options.log?.(operation.operationName, error);
    if (TokenError.is(error)) {
      if (error.kind === 'unauthenticated') options.onUnauthenticated();
      if (error.kind === 'configuration' || error.kind === 'forbidden') {
        options.onConfigurationError(error);
      }
      return;
    }
    if (ServerError.is(error) && error.statusCode === 401) {
      options.onUnauthenticated();
    }
  });
}
