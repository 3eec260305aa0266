import { createRouter, type RouterHistory } from '@tanstack/react-router';
import { RouteErrorPanel } from './components/route-error-panel';
import { routeTree } from './routeTree.gen';
import type { RouterContext } from './router-context';

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
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
