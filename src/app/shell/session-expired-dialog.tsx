import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import type { PopupSigninError } from '../auth/signin-error';
import { Button } from '../components/button';
import { ModalDialog } from '../components/modal-dialog';
import { asPopupFailure, standaloneUrl } from './popup-failure';

/**
 * Shown when the session ended and could not be renewed; input is kept as
 * drafts. In a portal's frame `onSignIn` opens a popup and returns its
 * promise: a popup that fails or is blocked is reported here, with the app in
 * a new tab as the way out, instead of leaving the dialog silent.
 */
export function SessionExpiredDialog({
  onSignIn,
}: {
  onSignIn: () => Promise<unknown> | undefined;
}) {
  const [failure, setFailure] = useState<PopupSigninError | null>(null);
  return (
    <ModalDialog
      title={<Trans>Your session has expired</Trans>}
      role="alertdialog"
    >
      <p>
        <Trans>
          Sign in again to carry on. Anything you typed into a task is kept.
        </Trans>
      </p>
      {failure ? (
        <div role="alert" className="sign-in__problem">
          <p>{failure.message}</p>
          {failure.reason === 'blocked' ? (
            <a
              href={standaloneUrl(
                `${window.location.pathname}${window.location.search}`,
              )}
              target="_blank"
              rel="noopener"
            >
              <Trans>Open the inbox in a new tab</Trans>
            </a>
          ) : null}
        </div>
      ) : null}
      <Button
        variant="primary"
        onPress={() => {
          setFailure(null);
          // No await before this call: a popup must open within the click.
          onSignIn()?.catch((error: unknown) => {
            setFailure(asPopupFailure(error));
          });
        }}
        autoFocus
      >
        <Trans>Sign in again</Trans>
      </Button>
    </ModalDialog>
  );
}
