import { createFileRoute } from '@tanstack/react-router';
import { SignInPage } from '../shell/sign-in-page';
import { safeReturnTo } from '../lib/safe-return-to';

export const Route = createFileRoute('/login')({
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } =>
    typeof raw.redirect === 'string' ? { redirect: raw.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const returnTo = safeReturnTo(search.redirect);
    try {
      // Leaves the page for the identity provider; the loop guard may refuse.
      await context.auth.signinRedirect(returnTo);
      return { returnTo, signinError: null };
    } catch (error) {
      return {
        returnTo,
        signinError: error instanceof Error ? error.message : 'Sign-in failed.',
      };
    }
  },
  component: function LoginRoute() {
    const { auth, returnTo, signinError } = Route.useRouteContext();
    return <SignInPage auth={auth} returnTo={returnTo} error={signinError} />;
  },
});
