import { Trans, useLingui } from '@lingui/react/macro';
import {
  Link,
  Outlet,
  createRootRouteWithContext,
  retainSearchParams,
} from '@tanstack/react-router';
import { LazyToastRegion } from '../components/lazy-toast-region';
import { EmptyState } from '../components/empty-state';
import type { RouterContext } from '../router-context';

export const Route = createRootRouteWithContext<RouterContext>()({
  // Issue 13: embed mode is in the address, and every link and redirect
  // inside the app keeps it, so a reload in the portal's frame stays embedded.
  validateSearch: (raw: Record<string, unknown>): { embed?: true } =>
    raw.embed === true || raw.embed === 'true' ? { embed: true } : {},
  search: { middlewares: [retainSearchParams(['embed'])] },
  component: function RootLayout() {
    return (
      <>
        <Outlet />
        <LazyToastRegion />
      </>
    );
  },
  notFoundComponent: function PageNotFound() {
    const { t } = useLingui();
    return (
      <main className="page-center" id="main">
        <EmptyState title={t`Page not found`} headingLevel={1}>
          <p>
            <Trans>There is nothing at this address.</Trans>
          </p>
          <Link to="/tasks" className="button button--primary button--medium">
            <Trans>Go to your tasks</Trans>
          </Link>
        </EmptyState>
      </main>
    );
  },
});
