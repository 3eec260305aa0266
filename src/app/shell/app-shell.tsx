import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Outlet } from '@tanstack/react-router';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ApolloClient } from '@apollo/client';
import type { Auth, AuthUser } from '../auth/auth-types';
import { useAuthState } from '../auth/use-auth-state';
import type { FatalErrorStore } from '../lib/fatal-error';
import type { EmbedContext } from '../router-context';
import { Button } from '../components/button';
import { ErrorPanel } from '../components/error-panel';
import { StorageNote } from '../components/storage-note';
import { OfflineBanner } from '../components/offline-banner';
import { LazySessionExpiredDialog } from './lazy-session-expired-dialog';
import { ThemeToggle } from '../components/theme-toggle';
import { LazyUserMenu } from './lazy-user-menu';
import { AppNav } from './app-nav';
import { useRouteFocus } from '../components/use-route-focus';
import { LazyKeyboardShortcuts } from './lazy-keyboard-shortcuts';

interface AppShellProps {
  auth: Auth;
  user: AuthUser;
  apolloClient: ApolloClient;
  connection: {
    isLost: () => boolean;
    subscribe: (listener: () => void) => () => void;
  };
  fatal: FatalErrorStore;
  embed: EmbedContext;
}

/** Header, banners and the main landmark around every signed-in page. */
export function AppShell({
  auth,
  user,
  apolloClient,
  connection,
  fatal,
  embed,
}: AppShellProps) {
  const state = useAuthState(auth);
  const fatalError = useSyncExternalStore(
    fatal.subscribe,
    fatal.get,
    fatal.get,
  );
  const current = state.user ?? user;
  const [helpOpen, setHelpOpen] = useState(false);
  const showHelp = useCallback(() => {
    setHelpOpen(true);
  }, []);
  const { t } = useLingui();
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
    <div className={`app${embed.embedded ? ' app--embedded' : ''}`}>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      {/* Embedded (issue 13): the portal is the chrome; no header, no account menu. */}
      {embed.embedded ? null : (
        <header className="app-header">
          <Link to="/tasks" className="app-header__brand">
            {embed.logoUrl ? (
              <img className="brand-logo" src={embed.logoUrl} alt="" />
            ) : null}
            <Trans>Tasklist Inbox</Trans>
          </Link>
          <AppNav />
          <div className="app-header__actions">
            <ThemeToggle />
            <LazyUserMenu
              name={current.name}
              username={current.username}
              onSignOut={() => void auth.signout()}
              onShowShortcuts={showHelp}
            />
          </div>
        </header>
      )}
      {embed.memoryOnlyStorage ? <StorageNote /> : null}
      <OfflineBanner connection={connection} />
      <main id="main" className="app-main" tabIndex={-1}>
        {fatalError ? (
          <ErrorPanel
            title={fatalError.title}
            headingLevel={1}
            onRetry={() => {
              window.location.reload();
            }}
            retryLabel={t`Reload`}
          >
            <p>{fatalError.message}</p>
          </ErrorPanel>
        ) : (
          <Outlet />
        )}
      </main>
      {embed.embedded ? (
        <footer className="embed-footer">
          <Button size="small" variant="ghost" onPress={showHelp}>
            <Trans>Keyboard shortcuts</Trans>
          </Button>
        </footer>
      ) : null}
      <LazyKeyboardShortcuts
        onShowHelp={showHelp}
        helpOpen={helpOpen}
        onCloseHelp={() => {
          setHelpOpen(false);
        }}
      />
      {state.status === 'expired' ? (
        <LazySessionExpiredDialog
          onSignIn={() => {
            // In a frame the provider refuses to load: sign in in a popup
            // and stay on this page; the dialog reports a failed or blocked
            // popup and stays open.
            if (embed.framed) return auth.signinPopup();
            const here = `${window.location.pathname}${window.location.search}`;
            void auth.signinRedirect(here, { userInitiated: true });
            return undefined;
          }}
        />
      ) : null}
    </div>
  );
}
