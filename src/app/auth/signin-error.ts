/**
 * A sign-in failure whose message we wrote ourselves, so it is safe to show
 * as it is. Anything else that fails during sign-in gets a generic sentence.
 */
export class SigninError extends Error {
  override name = 'SigninError';
}

export type PopupFailure = 'blocked' | 'closed' | 'failed';

/** A popup sign-in that did not finish, and why (issue 13). */
export class PopupSigninError extends SigninError {
  override name = 'PopupSigninError';
  constructor(
    readonly reason: PopupFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
