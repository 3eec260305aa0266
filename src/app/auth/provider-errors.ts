/**
 * Our own words for the `error` codes an identity provider sends back to the
 * sign-in callback: OAuth 2.0 (RFC 6749, 4.1.2.1), OpenID Connect Core
 * (3.1.2.6) and resource indicators (RFC 8707). The `error_description` that
 * may come with them is never shown: anyone can send a person a link to
 * /auth/callback carrying any text, and our page would lend it our origin.
 */
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
const ASK_ADMIN = msg`Ask your administrator to check the sign-in settings.`;

/** Each code's sentence, and whether an administrator has to act. */
const MESSAGES = new Map<string, [MessageDescriptor, MessageDescriptor?]>([
  ['access_denied', [msg`The sign-in was cancelled or refused.`]],
  ['login_required', [msg`The sign-in service needs you to sign in again.`]],
  [
    'interaction_required',
    [
      msg`The sign-in service needs you to finish a step on its page. Sign in again to continue.`,
    ],
  ],
  [
    'consent_required',
    [
      msg`The sign-in service needs your consent before Tasklist Inbox can sign you in.`,
    ],
  ],
  [
    'account_selection_required',
    [
      msg`The sign-in service needs you to choose an account. Sign in again to choose one.`,
    ],
  ],
  [
    'invalid_request',
    [msg`The sign-in service did not accept the sign-in request.`, ASK_ADMIN],
  ],
  [
    'unauthorized_client',
    [
      msg`Tasklist Inbox is not allowed to sign people in at this sign-in service.`,
      ASK_ADMIN,
    ],
  ],
  [
    'unsupported_response_type',
    [
      msg`The sign-in service does not support the way Tasklist Inbox signs in.`,
      ASK_ADMIN,
    ],
  ],
  [
    'invalid_scope',
    [
      msg`The sign-in service did not accept the permissions Tasklist Inbox asked for.`,
      ASK_ADMIN,
    ],
  ],
  [
    'invalid_target',
    [
      msg`The sign-in service does not know the service Tasklist Inbox asked a token for.`,
      ASK_ADMIN,
    ],
  ],
  [
    'server_error',
    [msg`The sign-in service ran into an error. Try again in a moment.`],
  ],
  [
    'temporarily_unavailable',
    [
      msg`The sign-in service is busy or down for maintenance. Try again in a moment.`,
    ],
  ],
  [
    'invalid_request_uri',
    [msg`The sign-in service could not read the sign-in request.`, ASK_ADMIN],
  ],
  [
    'invalid_request_object',
    [msg`The sign-in service could not read the sign-in request.`, ASK_ADMIN],
  ],
  [
    'request_not_supported',
    [
      msg`The sign-in service does not support signed sign-in requests.`,
      ASK_ADMIN,
    ],
  ],
  [
    'request_uri_not_supported',
    [
      msg`The sign-in service does not support sign-in requests by reference.`,
      ASK_ADMIN,
    ],
  ],
  [
    'registration_not_supported',
    [
      msg`The sign-in service does not support registering apps on the fly.`,
      ASK_ADMIN,
    ],
  ],
]);

/** For codes we do not know; the code itself is not shown either, as anyone can write one. */
export const UNKNOWN_PROVIDER_ERROR = msg`The sign-in service reported a problem, so you are not signed in.`;

/**
 * The sentence to show for an `error` code from the identity provider, in
 * the active language.
 */
export function describeProviderError(code: string): string {
  const parts = MESSAGES.get(code) ?? [UNKNOWN_PROVIDER_ERROR];
  return parts
    .map((part) => (part ? i18n._(part) : ''))
    .join(' ')
    .trim();
}

/** The codes {@link describeProviderError} has its own sentence for. */
export const KNOWN_PROVIDER_ERRORS: readonly string[] = [...MESSAGES.keys()];
