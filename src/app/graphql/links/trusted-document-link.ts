import { ApolloLink } from '@apollo/client';
import { throwError } from 'rxjs';

/**
 * Proxy mode: sends each operation as the hash of its trusted document
 * (Apollo's persisted-query shape, `extensions.persistedQuery.sha256Hash`)
 * instead of its text. The BFF holds the texts and refuses anything else,
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
    operation.setContext({
      http: { includeQuery: false, includeExtensions: true },
    });
    return forward(operation);
  });
}
