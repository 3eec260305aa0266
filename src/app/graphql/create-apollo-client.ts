import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import type { InMemoryCache } from '@apollo/client/cache';
import { trackedFetch, type ConnectionStatus } from './connection-status';
import { createCache } from './cache';
import { createAuthLink } from './links/auth-link';
import { createErrorLink } from './links/error-link';
import { createRetryLink } from './links/retry-link';
import type { TokenError } from './links/token-error';
import { createTokenSource, type TokenSource } from './links/token-source';

export interface CreateApolloClientOptions {
  /** Tasklist's GraphQL endpoint (direct mode) from the runtime config. */
  uri: string;
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
 * Builds the Apollo client with the link chain error → retry → auth → HTTP.
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
    new HttpLink({ uri: options.uri, fetch: fetchImpl }),
  ]);
  const client = new ApolloClient({
    cache: options.cache ?? createCache(),
    link,
    dataMasking: true,
  });
  return { client, tokens };
}
