import { describe, expect, it } from 'vitest';
import { createAuth } from './create-auth';
import { SigninError } from './signin-error';

function anAuth() {
  return createAuth({
    // Never contacted: an error response is settled before any request.
    authority: 'http://127.0.0.1:9/realms/none',
    clientId: 'tasklist-inbox',
    scopes: 'openid',
    origin: 'http://localhost:3000',
    storage: window.sessionStorage,
  });
}

describe('createAuth signinCallback', () => {
  it('answers an error response with our sentence, never its error_description', async () => {
    const planted = 'Your session was hijacked. Call +1 555 0100 now.';
    const url = `http://localhost:3000/auth/callback?error=access_denied&error_description=${encodeURIComponent(planted)}&state=abc`;
    const failure = await anAuth()
      .signinCallback(url)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(SigninError);
    expect((failure as Error).message).toBe(
      'The sign-in was cancelled or refused.',
    );
  });

  it('does not echo an unknown error code either', async () => {
    const url =
      'http://localhost:3000/auth/callback?error=visit-evil.example&state=abc';
    await expect(anAuth().signinCallback(url)).rejects.toThrow(
      'The sign-in service reported a problem, so you are not signed in.',
    );
  });
});
