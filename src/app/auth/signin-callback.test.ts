import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCataloguePart } from '../i18n/catalogues';
import { aUser, createFakeAuth } from '../test/create-fake-auth';
import { finishSigninCallback } from './signin-callback';
import { SigninError } from './signin-error';

const ORIGIN = 'http://localhost:3000';

function aBrowser() {
  return { origin: ORIGIN, history: { replaceState: vi.fn() } };
}

// Its sentences are in the sign-in area, which the sign-in routes load.
beforeAll(() => loadCataloguePart('sign-in'));

describe('finishSigninCallback', () => {
  it('redeems the response once and says where to go', async () => {
    const auth = createFakeAuth({ user: null });
    const seen: string[] = [];
    auth.signinCallback = (url) => {
      seen.push(url);
      auth.signInAs(aUser());
      return Promise.resolve('/tasks?filter=completed');
    };
    const browser = aBrowser();
    await expect(
      finishSigninCallback(auth, '/auth/callback?code=c&state=s', browser),
    ).resolves.toEqual({ redirectTo: '/tasks?filter=completed' });
    expect(seen).toEqual([`${ORIGIN}/auth/callback?code=c&state=s`]);
    expect(browser.history.replaceState).not.toHaveBeenCalled();
  });

  it('cleans code and state out of the address bar after a failure, and remembers the message for the reload', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () =>
      Promise.reject(new SigninError('Signing in keeps failing.'));
    const browser = aBrowser();
    await expect(
      finishSigninCallback(auth, '/auth/callback?code=c&state=s', browser),
    ).resolves.toEqual({ signinError: 'Signing in keeps failing.' });
    expect(browser.history.replaceState).toHaveBeenCalledWith(
      null,
      '',
      '/auth/callback',
    );

    // The router loads the cleaned address again: nothing is redeemed twice.
    const redeem = vi.fn<typeof auth.signinCallback>();
    auth.signinCallback = redeem;
    await expect(
      finishSigninCallback(auth, '/auth/callback', browser),
    ).resolves.toEqual({ signinError: 'Signing in keeps failing.' });
    expect(redeem).not.toHaveBeenCalled();
  });

  it('shows our words for the error code, not the text that came with it', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () =>
      Promise.reject(new Error('Call +1 555 0100 to unlock your account'));
    await expect(
      finishSigninCallback(
        auth,
        '/auth/callback?error=login_required&error_description=Call+%2B1+555+0100&state=s',
        aBrowser(),
      ),
    ).resolves.toEqual({
      signinError: 'The sign-in service needs you to sign in again.',
    });
  });

  it('hides the details of a failure that is not ours to explain', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () =>
      Promise.reject(new Error('invalid_grant: PKCE verification failed'));
    await expect(
      finishSigninCallback(auth, '/auth/callback?code=c&state=s', aBrowser()),
    ).resolves.toEqual({
      signinError: 'The sign-in could not be completed. Please sign in again.',
    });
  });
});
