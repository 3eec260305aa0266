import { createFileRoute, redirect } from '@tanstack/react-router';
import { finishSigninCallback } from '../auth/signin-callback';
import { loadCataloguePart } from '../i18n/catalogues';
import { SignInPage } from '../shell/sign-in-page';

export const Route = createFileRoute('/auth/callback')({
  beforeLoad: async ({ context, location }) => {
    // A failed callback is told in the sign-in area's words.
    await loadCataloguePart('sign-in');
    const outcome = await finishSigninCallback(context.auth, location.href);
    if ('redirectTo' in outcome) {
      throw redirect({ href: outcome.redirectTo, replace: true });
    }
    return { signinError: outcome.signinError };
  },
  component: function AuthCallbackRoute() {
    const { auth, signinError } = Route.useRouteContext();
    return <SignInPage auth={auth} returnTo="/tasks" error={signinError} />;
  },
});
