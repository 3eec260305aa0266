import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import type { InMemoryCache } from '@apollo/client/cache';
import { trackedFetch, type ConnectionStatus } from './connection-status';
import { createCache } from './cache';
import { createAuthLink } from './links/auth-link';
import { persistedDocumentHashes } from './__generated__/persisted-documents';
import { createErrorLink } from './links/error-link';
import { createRetryLink } from './links/retry-link';
import type { TokenError } from './links/token-error';
import { createTokenSource, type TokenSource } from './links/token-source';
import { createTrustedDocumentLink } from './links/trusted-document-link';

export interface CreateApolloClientOptions {
  /** The GraphQL endpoint from the runtime config: Tasklist's, or the BFF's `/graphql`. */
  uri: string;
  /**
   * `proxy`: operations go by the hash of their trusted document (the BFF
   * holds the texts); `direct` (the default): as text, straight to Tasklist.
   */
  mode?: 'direct' | 'proxy';
  /** The trusted documents' hashes by operation name; tests may add their own. */
  documentHashes?: Readonly<Record<string, string>>;
  /** The signed-in user's access token for the BFF. */
  getUserToken: () => Promise<string | null>;
  /** Renews the user's session once; false when it cannot. */
  renewUser: () => Promise<boolean>;
  onUnauthenticated: () => void;
  onConfigurationError: (error: TokenError) => void;
  connection: ConnectionStatus;
  tokenEndpoint?: string;
  fetch?: typeof fetch;
  cache?: InMemoryCache;
  /** Query retries after network failures, including the first attempt. */
  retryAttempts?: number;
  log?: (operationName: string | undefined, error: unknown) => void;
}

export interface AppApolloClient {
  client: ApolloClient;
  tokens: TokenSource;
}

/**
 * Builds the Apollo client with the link chain error → retry → auth →
 * (trusted documents, proxy mode) → HTTP.
 * There is no singleton: `main.tsx` makes one per page load, tests one per test.
 */
export function createApolloClient(
  options: CreateApolloClientOptions,
): AppApolloClient {
  const baseFetch =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const fetchImpl = trackedFetch(options.connection, baseFetch);
  const tokens = createTokenSource({
    getUserToken: options.getUserToken,
    renewUser: options.renewUser,
    fetch: fetchImpl,
    ...(options.tokenEndpoint ? { endpoint: options.tokenEndpoint } : {}),
  });
  const link = ApolloLink.from([
    createErrorLink({
      onUnauthenticated: options.onUnauthenticated,
      onConfigurationError: options.onConfigurationError,
      ...(options.log ? { log: options.log } : {}),
    }),
    createRetryLink(options.retryAttempts),
    createAuthLink(tokens),
    ...(options.mode === 'proxy'
      ? [
          createTrustedDocumentLink(
            options.documentHashes ?? persistedDocumentHashes,
          ),
        ]
      : []),
    new HttpLink({ uri: options.uri, fetch: fetchImpl }),
  ]);
  const client = new ApolloClient({
    cache: options.cache ?? createCache(),
    link,
    dataMasking: true,
  });
  return { client, tokens };
}
