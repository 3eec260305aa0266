import type { ApolloClient } from '@apollo/client';
import type { PreloadQueryFunction } from '@apollo/client/react';
import type { Auth } from './auth/auth-types';
import type { ConnectionStatus } from './graphql/connection-status';
import type { FatalErrorStore } from './lib/fatal-error';
import type { HostBridge } from './lib/host-messages';

/** How the app is shown, and the portal it reports to (issue 13). */
export interface EmbedContext {
  /** `?embed=true`: no header or account chrome; the content fits the frame. */
  embedded: boolean;
  /** Inside a frame: sign-in goes through a popup, never a redirect. */
  framed: boolean;
  /** Events to the portal page; a no-op when the parent is not allowed. */
  host: HostBridge;
  /** The brand logo from the runtime config. */
  logoUrl: string | null;
  /** The browser refused storage: drafts and the sign-in last until reload. */
  memoryOnlyStorage: boolean;
}

/** What every route can reach: created once in main.tsx (or per test). */
export interface RouterContext {
  apolloClient: ApolloClient;
  preloadQuery: PreloadQueryFunction;
  auth: Auth;
  connection: ConnectionStatus;
  fatal: FatalErrorStore;
  pollIntervalMs: number;
  embed: EmbedContext;
}
