/**
 * Our own words for the `error` codes an identity provider sends back to the
 * sign-in callback: OAuth 2.0 (RFC 6749, 4.1.2.1), OpenID Connect Core
 * (3.1.2.6) and resource indicators (RFC 8707). The `error_description` that
 * may come with them is never shown: anyone can send a person a link to
 * /auth/callback carrying any text, and our page would lend it our origin.
 */
const ASK_ADMIN = 'Ask your administrator to check the sign-in settings.';

const MESSAGES = new Map<string, string>([
  ['access_denied', 'The sign-in was cancelled or refused.'],
  ['login_required', 'The sign-in service needs you to sign in again.'],
  [
    'interaction_required',
    'The sign-in service needs you to finish a step on its page. Sign in again to continue.',
  ],
  [
    'consent_required',
    'The sign-in service needs your consent before Tasklist Inbox can sign you in.',
  ],
  [
    'account_selection_required',
    'The sign-in service needs you to choose an account. Sign in again to choose one.',
  ],
  [
    'invalid_request',
    `The sign-in service did not accept the sign-in request. ${ASK_ADMIN}`,
  ],
  [
    'unauthorized_client',
    `Tasklist Inbox is not allowed to sign people in at this sign-in service. ${ASK_ADMIN}`,
  ],
  [
    'unsupported_response_type',
    `The sign-in service does not support the way Tasklist Inbox signs in. ${ASK_ADMIN}`,
  ],
  [
    'invalid_scope',
    `The sign-in service did not accept the permissions Tasklist Inbox asked for. ${ASK_ADMIN}`,
  ],
  [
    'invalid_target',
    `The sign-in service does not know the service Tasklist Inbox asked a token for. ${ASK_ADMIN}`,
  ],
  [
    'server_error',
    'The sign-in service ran into an error. Try again in a moment.',
  ],
  [
    'temporarily_unavailable',
    'The sign-in service is busy or down for maintenance. Try again in a moment.',
  ],
  [
    'invalid_request_uri',
    `The sign-in service could not read the sign-in request. ${ASK_ADMIN}`,
  ],
  [
    'invalid_request_object',
    `The sign-in service could not read the sign-in request. ${ASK_ADMIN}`,
  ],
  [
    'request_not_supported',
    `The sign-in service does not support signed sign-in requests. ${ASK_ADMIN}`,
  ],
  [
    'request_uri_not_supported',
    `The sign-in service does not support sign-in requests by reference. ${ASK_ADMIN}`,
  ],
  [
    'registration_not_supported',
    `The sign-in service does not support registering apps on the fly. ${ASK_ADMIN}`,
  ],
]);

/** For codes we do not know; the code itself is not shown either, as anyone can write one. */
export const UNKNOWN_PROVIDER_ERROR =
  'The sign-in service reported a problem, so you are not signed in.';

/** The sentence to show for an `error` code from the identity provider. */
export function describeProviderError(code: string): string {
  return MESSAGES.get(code) ?? UNKNOWN_PROVIDER_ERROR;
}

/** The codes {@link describeProviderError} has its own sentence for. */
export const KNOWN_PROVIDER_ERRORS: readonly string[] = [...MESSAGES.keys()];
