import { ApolloLink } from '@apollo/client';
import { throwError } from 'rxjs';

/**
 * Proxy mode: sends each operation as the hash of its trusted document
 * (Apollo's persisted-query shape, `extensions.persistedQuery.sha256Hash`)
 * instead of its text, with the header the BFF's CSRF check wants. The BFF holds the texts and refuses anything else,
 * so an operation missing from the generated hashes fails here, loudly,
 * rather than as a 403 from the server.
 */
export function createTrustedDocumentLink(
  hashes: Readonly<Record<string, string>>,
): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const hash = hashes[operation.operationName ?? ''];
    if (!hash) {
      return throwError(
        () =>
          new Error(
            `${operation.operationName ?? 'An unnamed operation'} is not a trusted document; run npm run codegen`,
          ),
      );
    }
    operation.extensions.persistedQuery = { version: 1, sha256Hash: hash };
    operation.setContext(
      ({ headers }: { headers?: Record<string, string> }) => ({
        // The BFF's CSRF check, as on its token endpoint.
        headers: { ...headers, 'x-requested-with': 'tasklist-inbox' },
        http: { includeQuery: false, includeExtensions: true },
      }),
    );
    return forward(operation);
  });
}
