import { t } from '@lingui/core/macro';
import { PopupSigninError } from '../auth/signin-error';

/** Our own message for a popup failure, or a generic one for anything else. */
export function asPopupFailure(error: unknown): PopupSigninError {
  return error instanceof PopupSigninError
    ? error
    : new PopupSigninError(
        'failed',
        t`The sign-in could not be completed. Please try again.`,
      );
}

/** The same address on a page of its own: no `embed`, so with the full app. */
export function standaloneUrl(returnTo: string): string {
  const url = new URL(returnTo, window.location.origin);
  url.searchParams.delete('embed');
  return url.href;
}
