import { t } from '@lingui/core/macro';
import type { Auth } from './auth-types';
import { describeProviderError } from './provider-errors';
import { SigninError } from './signin-error';

/** Where the identity provider sends people back to (the redirect URI's path). */
export const SIGNIN_CALLBACK_PATH = '/auth/callback';

/**
 * The last failed callback of this page load. Cleaning the address bar makes
 * the router load the callback route again without `code`/`state`; the
 * message must survive that second load, and nothing may be processed twice.
 */
let lastSigninError: string | null = null;

export type SigninCallbackOutcome =
  { redirectTo: string } | { signinError: string };

function hasAuthResponse(params: URLSearchParams): boolean {
  return params.has('code') || params.has('error') || params.has('state');
}

/**
 * The sentence to show for a failed callback. Only text we wrote reaches the
 * page: the provider's `error` code picks one of our sentences, and its
 * `error_description` (which anyone can put into a link) is never used.
 */
function failureMessage(params: URLSearchParams, error: unknown): string {
  const code = params.get('error');
  if (code !== null) return describeProviderError(code);
  return error instanceof SigninError
    ? error.message
    : t`The sign-in could not be completed. Please sign in again.`;
}

/**
 * Finishes the redirect back from the identity provider: where to go next,
 * or what to tell the person. `href` is the callback route's address as the
 * router sees it (path and query). After a failure, `code` and `state` leave
 * the address bar, so a reload cannot replay them.
 */
export async function finishSigninCallback(
  auth: Auth,
  href: string,
  browser: {
    origin: string;
    history: Pick<History, 'replaceState'>;
  } = { origin: window.location.origin, history: window.history },
): Promise<SigninCallbackOutcome> {
  const url = new URL(href, browser.origin);
  const params = url.searchParams;
  // Without an authorization response there is nothing to redeem: this is
  // the reload after a failure (or a bookmark), never a reason to retry.
  if (!hasAuthResponse(params)) {
    return {
      signinError: lastSigninError ?? t`There is no sign-in to finish here.`,
    };
  }
  try {
    // Processed once per URL, even when StrictMode or a preload asks twice.
    const redirectTo = await auth.signinCallback(url.href);
    lastSigninError = null;
    return { redirectTo };
  } catch (error) {
    lastSigninError = failureMessage(params, error);
    browser.history.replaceState(null, '', SIGNIN_CALLBACK_PATH);
    return { signinError: lastSigninError };
  }
}
