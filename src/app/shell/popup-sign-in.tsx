import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import type { Auth } from '../auth/auth-types';
import type { PopupSigninError } from '../auth/signin-error';
import { Button } from '../components/button';
import { asPopupFailure, standaloneUrl } from './popup-failure';

interface PopupSignInProps {
  auth: Auth;
  /** Where the app continues after sign-in (a same-origin path). */
  returnTo: string;
  logoUrl: string | null;
  onSignedIn: (returnTo: string) => void;
}

/**
 * Sign-in for the app in a portal's frame (issue 13). Identity providers
 * refuse to be framed, so the provider opens in a popup; the frame carries
 * on signed in. A blocked popup gets a way out: the app in a new tab.
 */
export function PopupSignIn({
  auth,
  returnTo,
  logoUrl,
  onSignedIn,
}: PopupSignInProps) {
  const [failure, setFailure] = useState<PopupSigninError | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <main className="page-center" id="main">
      <div className="sign-in">
        {logoUrl ? <img className="brand-logo" src={logoUrl} alt="" /> : null}
        <h1 tabIndex={-1}>
          <Trans>Sign in to see your tasks</Trans>
        </h1>
        <p>
          <Trans>The sign-in page opens in a small window.</Trans>
        </p>
        {failure ? (
          <div role="alert" className="sign-in__problem">
            <p>{failure.message}</p>
            {failure.reason === 'blocked' ? (
              <a href={standaloneUrl(returnTo)} target="_blank" rel="noopener">
                <Trans>Open the inbox in a new tab</Trans>
              </a>
            ) : null}
          </div>
        ) : null}
        <Button
          variant="primary"
          isPending={pending}
          onPress={() => {
            setPending(true);
            setFailure(null);
            // No await before this call: the popup must open within the click.
            auth.signinPopup().then(
              () => {
                onSignedIn(returnTo);
              },
              (error: unknown) => {
                setPending(false);
                setFailure(asPopupFailure(error));
              },
            );
          }}
        >
          <Trans>Sign in</Trans>
        </Button>
      </div>
    </main>
  );
}
