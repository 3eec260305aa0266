import { createFileRoute, redirect } from '@tanstack/react-router';
import { SignInPage } from '../components/sign-in-page';

export const Route = createFileRoute('/auth/callback')({
  beforeLoad: async ({ context }) => {
    let to: string;
    try {
      // Processed once per URL, even when StrictMode or a preload runs this twice.
      to = await context.auth.signinCallback(window.location.href);
    } catch (error) {
      // Drop code and state from the address bar, so a reload cannot replay them.
      window.history.replaceState(null, '', '/auth/callback');
      return {
        signinError: error instanceof Error ? error.message : 'Sign-in failed.',
      };
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router redirects are thrown by design
    throw redirect({ href: to, replace: true });
  },
  component: function AuthCallbackRoute() {
    const { auth, signinError } = Route.useRouteContext();
    return <SignInPage auth={auth} returnTo="/tasks" error={signinError} />;
  },
});
