import type { ApolloClient } from '@apollo/client';
import type { PreloadQueryFunction } from '@apollo/client/react';
import type { Auth } from './auth/auth-types';
import type { ConnectionStatus } from './graphql/connection-status';
import type { FatalErrorStore } from './lib/fatal-error';

/** What every route can reach: created once in main.tsx (or per test). */
export interface RouterContext {
  apolloClient: ApolloClient;
  preloadQuery: PreloadQueryFunction;
  auth: Auth;
  connection: ConnectionStatus;
  fatal: FatalErrorStore;
  pollIntervalMs: number;
}
