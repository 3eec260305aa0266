import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { TokenSource } from './token-source';

/**
 * Adds the Tasklist bearer token to every request. On a 401 from Tasklist it
 * drops that token, fetches a new one and retries the request exactly once;
 * a second 401 goes on to the error link.
 */
export function createAuthLink(tokens: TokenSource): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const attempt = (isRetry: boolean): Observable<ApolloLink.Result> =>
      from(tokens.getToken()).pipe(
        mergeMap((token) => {
          operation.setContext(({ headers }) => ({
            headers: { ...headers, authorization: `Bearer ${token}` },
          }));
          return forward(operation).pipe(
            catchError((error: unknown) => {
              if (
                !isRetry &&
                ServerError.is(error) &&
                error.statusCode === 401
              ) {
                tokens.invalidate(token);
                return attempt(true);
              }
              return throwError(() => error);
            }),
          );
        }),
      );
    return attempt(false);
  });
}
