import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aTask } from '../test/factories';
import { aUser, createFakeAuth } from '../test/create-fake-auth';
import { SigninError } from '../auth/signin-error';
import { renderAtUrl } from '../test/render-at-url';
import { World } from '../test/world';

describe('sign-in routing', () => {
  it('sends a signed-out user to sign in with the deep link they asked for', async () => {
    const auth = createFakeAuth({ user: null });
    const { router } = await renderAtUrl('/tasks/123?filter=unassigned', {
      auth,
    });
    expect(router.state.location.pathname).toBe('/login');
    expect(auth.redirects).toEqual(['/tasks/123?filter=unassigned']);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Signing you in…' }),
    ).toBeInTheDocument();
  });

  it('never redirects to another origin after sign-in', async () => {
    const auth = createFakeAuth({ user: null });
    await renderAtUrl('/login?redirect=https%3A%2F%2Fevil.example%2Fsteal', {
      auth,
    });
    expect(auth.redirects).toEqual(['/tasks']);
  });

  it('shows a sign-in error with a button instead of looping when the redirect is refused', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinRedirect = () =>
      Promise.reject(new Error('Signing in keeps failing.'));
    await renderAtUrl('/tasks', { auth });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Sign-in did not work',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Signing in keeps failing.',
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('redirects / to the inbox', async () => {
    const { router } = await renderAtUrl('/', { world: new World([aTask()]) });
    expect(router.state.location.pathname).toBe('/tasks');
  });

  it('shows the user name in the header with a Sign out menu item', async () => {
    const auth = createFakeAuth();
    const { user, router } = await renderAtUrl('/tasks', { auth });
    await user.click(
      await screen.findByRole('button', { name: 'Account: Demo User' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(auth.getSnapshot().status).toBe('signed-out');
    expect(router.state.location.pathname).toBe('/tasks');
  });

  it('offers to sign in again when the session expires, returning to the same page', async () => {
    const auth = createFakeAuth();
    const { user } = await renderAtUrl('/tasks', {
      auth,
      world: new World([aTask()]),
    });
    await screen.findByRole('list', { name: 'Tasks' });
    auth.expire();
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Your session has expired',
    });
    expect(dialog).toHaveTextContent('Anything you typed into a task is kept.');
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(auth.redirects).toHaveLength(1);
  });

  it('shows "Page not found" for an unknown address, with a way back', async () => {
    await renderAtUrl('/no/such/page');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Go to your tasks' }),
    ).toBeInTheDocument();
  });

  it('shows an error from the identity provider on the callback, without redirecting again', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () =>
      Promise.reject(new SigninError('The sign-in was cancelled or refused.'));
    const { router } = await renderAtUrl(
      '/auth/callback?error=access_denied&state=x',
      { auth },
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Sign-in did not work',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The sign-in was cancelled or refused.',
    );
    expect(auth.redirects).toEqual([]);
    expect(router.state.location.pathname).toBe('/auth/callback');
  });

  it('never shows the error_description of a callback link, only our words for its error code', async () => {
    const planted = 'Your account is locked. Call +1 555 0100 to unlock it.';
    const auth = createFakeAuth({ user: null });
    // Even if the sign-in layer passed the provider's text through, the
    // page must not show it: anyone can write such a link.
    auth.signinCallback = () => Promise.reject(new Error(planted));
    await renderAtUrl(
      `/auth/callback?error=temporarily_unavailable&error_description=${encodeURIComponent(planted)}&state=x`,
      { auth },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The sign-in service is busy or down for maintenance. Try again in a moment.',
    );
    expect(document.body).not.toHaveTextContent(/locked|555/);
  });

  it('shows a generic message for an error code it does not know, without echoing it', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () => Promise.reject(new Error('ignored'));
    await renderAtUrl('/auth/callback?error=Visit_evil.example&state=x', {
      auth,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sign-in service reported a problem, so you are not signed in.',
    );
    expect(document.body).not.toHaveTextContent(/evil/);
  });

  it('completes the callback and lands on the path it carried', async () => {
    const auth = createFakeAuth({ user: null });
    auth.signinCallback = () => {
      auth.signInAs(aUser());
      return Promise.resolve('/tasks?filter=completed');
    };
    const { router } = await renderAtUrl('/auth/callback?code=c&state=s', {
      auth,
    });
    await waitFor(() => {
      expect(router.state.location.href).toBe('/tasks?filter=completed');
    });
  });
});
