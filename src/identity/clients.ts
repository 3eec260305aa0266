/**
 * The two registered clients: the SPA (public, PKCE) and the BFF
 * (confidential, client credentials only).
 */
import type { ClientMetadata } from 'oidc-provider';
import type { IdentityConfig } from './config';

/** The app's sign-in callback path; the SPA's router owns this route. */
export const CALLBACK_PATH = '/auth/callback';
/** Where a popup sign-in (the app framed in a portal) comes back to. */
export const POPUP_CALLBACK_PATH = '/auth/popup-callback.html';
/** Where the app lands after signing out. */
export const SIGNED_OUT_PATH = '/signed-out';

/** Client registrations derived from the configuration. */
export function buildClients(config: IdentityConfig): ClientMetadata[] {
  return [
    {
      client_id: config.spaClientId,
      client_name: 'Tasklist Inbox',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: config.appOrigins.flatMap((o) => [
        `${o}${CALLBACK_PATH}`,
        `${o}${POPUP_CALLBACK_PATH}`,
      ]),
      post_logout_redirect_uris: config.appOrigins.map(
        (o) => `${o}${SIGNED_OUT_PATH}`,
      ),
    },
    {
      client_id: config.bffClientId,
      client_name: 'Tasklist Inbox BFF',
      client_secret: config.bffClientSecret,
      // Either method authenticates: oidc-provider accepts Basic and POST
      // credentials for any client registered with a client_secret_* method.
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/** Clients we run ourselves: no consent screen, refresh tokens without asking. */
export function isFirstParty(
  config: IdentityConfig,
  clientId: string,
): boolean {
  return clientId === config.spaClientId;
}
