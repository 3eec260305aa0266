import { t } from '@lingui/core/macro';
import { createFileRoute } from '@tanstack/react-router';
import { loadCataloguePart } from '../i18n/catalogues';
import { SignInPage } from '../shell/sign-in-page';
import { PopupSignIn } from '../shell/popup-sign-in';
import { safeReturnTo } from '../lib/safe-return-to';

export const Route = createFileRoute('/login')({
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } =>
    typeof raw.redirect === 'string' ? { redirect: raw.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const returnTo = safeReturnTo(search.redirect);
    // The words of signing in, before anything here can fail with them.
    await loadCataloguePart('sign-in');
    // In a frame the provider's page would refuse to load, and a popup
    // needs a click: wait for the person to press "Sign in".
    if (context.embed.framed) return { returnTo, signinError: null };
    try {
      // Leaves the page for the identity provider; the loop guard may refuse.
      await context.auth.signinRedirect(returnTo);
      return { returnTo, signinError: null };
    } catch (error) {
      return {
        returnTo,
        signinError:
          error instanceof Error ? error.message : t`Sign-in failed.`,
      };
    }
  },
  component: function LoginRoute() {
    const { auth, returnTo, signinError, embed } = Route.useRouteContext();
    const navigate = Route.useNavigate();
    if (embed.framed) {
      return (
        <PopupSignIn
          auth={auth}
          returnTo={returnTo}
          logoUrl={embed.logoUrl}
          onSignedIn={(to) => void navigate({ href: to, replace: true })}
        />
      );
    }
    return <SignInPage auth={auth} returnTo={returnTo} error={signinError} />;
  },
});
