import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { Auth } from '../auth/auth-types';
import { Button } from '../components/button';

interface SignInPageProps {
  auth: Auth;
  returnTo: string;
  error: string | null;
}

/** Shown while leaving for the identity provider, or when sign-in failed. */
export function SignInPage({ auth, returnTo, error }: SignInPageProps) {
  const { t } = useLingui();
  const [failure, setFailure] = useState(error);
  return (
    <main className="page-center" id="main">
      <div className="sign-in">
        <h1 tabIndex={-1}>
          {failure ? t`Sign-in did not work` : t`Signing you in…`}
        </h1>
        {failure ? (
          <>
            <p role="alert">{failure}</p>
            <Button
              variant="primary"
              onPress={() => {
                auth
                  .signinRedirect(returnTo, { userInitiated: true })
                  .catch((e: unknown) => {
                    setFailure(
                      e instanceof Error ? e.message : t`Sign-in failed.`,
                    );
                  });
              }}
            >
              <Trans>Sign in</Trans>
            </Button>
          </>
        ) : (
          <p>
            <Trans>Taking you to the sign-in page.</Trans>
          </p>
        )}
      </div>
    </main>
  );
}
