import { Link, Outlet } from '@tanstack/react-router';
import { useEffect, useSyncExternalStore } from 'react';
import type { ApolloClient } from '@apollo/client';
import type { Auth, AuthUser } from '../auth/auth-types';
import { useAuthState } from '../auth/use-auth-state';
import type { FatalErrorStore } from '../lib/fatal-error';
import { ErrorPanel } from '../components/error-panel';
import { OfflineBanner } from '../components/offline-banner';
import { LazySessionExpiredDialog } from './lazy-session-expired-dialog';
import { ThemeToggle } from '../components/theme-toggle';
import { LazyUserMenu } from './lazy-user-menu';
import { AppNav } from './app-nav';
import { useRouteFocus } from '../components/use-route-focus';

interface AppShellProps {
  auth: Auth;
  user: AuthUser;
  apolloClient: ApolloClient;
  connection: {
    isLost: () => boolean;
    subscribe: (listener: () => void) => () => void;
  };
  fatal: FatalErrorStore;
}

/** Header, banners and the main landmark around every signed-in page. */
export function AppShell({
  auth,
  user,
  apolloClient,
  connection,
  fatal,
}: AppShellProps) {
  const state = useAuthState(auth);
  const fatalError = useSyncExternalStore(
    fatal.subscribe,
    fatal.get,
    fatal.get,
  );
  const current = state.user ?? user;
  useRouteFocus();

  // Back online: refresh what is on screen instead of waiting for the next poll.
  useEffect(() => {
    const onOnline = () => void apolloClient.refetchObservableQueries();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, [apolloClient]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/tasks" className="app-header__brand">
          Tasklist Inbox
        </Link>
        <AppNav />
        <div className="app-header__actions">
          <ThemeToggle />
          <LazyUserMenu
            name={current.name}
            username={current.username}
            onSignOut={() => void auth.signout()}
          />
        </div>
      </header>
      <OfflineBanner connection={connection} />
      <main id="main" className="app-main" tabIndex={-1}>
        {fatalError ? (
          <ErrorPanel
            title={fatalError.title}
            headingLevel={1}
            onRetry={() => {
              window.location.reload();
            }}
            retryLabel="Reload"
          >
            <p>{fatalError.message}</p>
          </ErrorPanel>
        ) : (
          <Outlet />
        )}
      </main>
      {state.status === 'expired' ? (
        <LazySessionExpiredDialog
          onSignIn={() => {
            const here = `${window.location.pathname}${window.location.search}`;
            void auth.signinRedirect(here, { userInitiated: true });
          }}
        />
      ) : null}
    </div>
  );
}
