import { createQueryPreloader } from '@apollo/client/react';
import { createRouter, type RouterHistory } from '@tanstack/react-router';
import type { Auth } from './auth/auth-types';
import { RouteErrorPanel } from './components/route-error-panel';
import { createConnectionStatus } from './graphql/connection-status';
import {
  createApolloClient,
  type CreateApolloClientOptions,
} from './graphql/create-apollo-client';
import { createFatalErrorStore } from './lib/fatal-error';
import { DETACHED_HOST } from './lib/host-messages';
import { parseSearch, stringifySearch } from './lib/search-params';
import { routeTree } from './routeTree.gen';
import type { EmbedContext, RouterContext } from './router-context';

export interface CreateAppRouterOptions extends RouterContext {
  history?: RouterHistory;
}

/** A pure factory: main.tsx makes the app's router, tests make one per test. */
export function createAppRouter({
  history,
  ...context
}: CreateAppRouterOptions) {
  return createRouter({
    routeTree,
    context,
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    // Loaders warm Apollo's cache; Apollo decides freshness, not the router.
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 250,
    defaultErrorComponent: RouteErrorPanel,
    scrollRestoration: false,
    parseSearch,
    stringifySearch,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

export interface CreateAppOptions extends Pick<
  CreateApolloClientOptions,
  'tokenEndpoint' | 'retryAttempts' | 'mode' | 'documentHashes'
> {
  auth: Auth;
  /** The GraphQL endpoint from the runtime config. */
  graphqlUrl: string;
  pollIntervalMs: number;
  history?: RouterHistory;
  /** Issue 13; the standalone app (not framed, no events) when omitted. */
  embed?: EmbedContext;
}

/** The app on a page of its own: chrome, redirects, nobody to report to. */
export const STANDALONE: EmbedContext = {
  embedded: false,
  framed: false,
  host: DETACHED_HOST,
  logoUrl: null,
  memoryOnlyStorage: false,
};

/**
 * Wires auth, the Apollo client and the router together. main.tsx and the
 * route tests both use it, so tests exercise the app's real wiring (what a
 * refused token or a configuration error does), not a copy of it.
 */
export function createApp({
  auth,
  graphqlUrl,
  pollIntervalMs,
  history,
  embed = STANDALONE,
  ...apolloSeams
}: CreateAppOptions) {
  const connection = createConnectionStatus();
  const fatal = createFatalErrorStore();
  const { client, tokens } = createApolloClient({
    ...apolloSeams,
    uri: graphqlUrl,
    getUserToken: () => auth.getAccessToken(),
    renewUser: () => auth.renew(),
    // Tasklist refused even a fresh token, or the session ended: renewing
    // either fixes it or switches the app to its "session expired" notice.
    onUnauthenticated: () => void auth.renew(),
    onConfigurationError: (error) => {
      fatal.set({ title: error.title, message: error.message });
    },
    connection,
  });
  const router = createAppRouter({
    ...(history ? { history } : {}),
    apolloClient: client,
    preloadQuery: createQueryPreloader(client),
    auth,
    connection,
    fatal,
    pollIntervalMs,
    embed,
  });
  return { router, client, tokens, connection, fatal };
}

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
