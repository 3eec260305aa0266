import { createFileRoute, redirect } from '@tanstack/react-router';
import { SignInPage } from '../shell/sign-in-page';

/**
 * The last failed callback of this page load. Cleaning the address bar makes
 * the router load this route again without `code`/`state`; the message must
 * survive that second load, and nothing may be processed twice.
 */
let lastSigninError: string | null = null;

function hasAuthResponse(searchStr: string): boolean {
  const params = new URLSearchParams(searchStr);
  return params.has('code') || params.has('error') || params.has('state');
}

export const Route = createFileRoute('/auth/callback')({
  beforeLoad: async ({ context, location }) => {
    // Without an authorization response there is nothing to redeem: this is
    // the reload after a failure (or a bookmark), never a reason to retry.
    if (!hasAuthResponse(location.searchStr)) {
      return {
        signinError: lastSigninError ?? 'There is no sign-in to finish here.',
      };
    }
    let to: string;
    try {
      // Processed once per URL, even when StrictMode or a preload runs this twice.
      to = await context.auth.signinCallback(window.location.href);
    } catch (error) {
      lastSigninError =
        error instanceof Error ? error.message : 'Sign-in failed.';
      // Drop code and state from the address bar, so a reload cannot replay
      // them. The router notices and loads this route again, without them.
      window.history.replaceState(null, '', '/auth/callback');
      return { signinError: lastSigninError };
    }
    lastSigninError = null;
    throw redirect({ href: to, replace: true });
  },
  component: function AuthCallbackRoute() {
    const { auth, signinError } = Route.useRouteContext();
    return <SignInPage auth={auth} returnTo="/tasks" error={signinError} />;
  },
});
