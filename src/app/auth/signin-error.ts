/**
 * A sign-in failure whose message we wrote ourselves, so it is safe to show
 * as it is. Anything else that fails during sign-in gets a generic sentence.
 */
export class SigninError extends Error {
  override name = 'SigninError';
}
