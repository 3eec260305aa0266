import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupSigninError } from '../auth/signin-error';
import { SessionExpiredDialog } from './session-expired-dialog';

describe('session expired dialog', () => {
  it('calls onSignIn and shows nothing more when the sign-in goes ahead', async () => {
    const onSignIn = vi.fn(() => undefined);
    render(<SessionExpiredDialog onSignIn={onSignIn} />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in again' }),
    );
    expect(onSignIn).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a blocked popup was blocked and offers the app in a new tab, without embed', async () => {
    window.history.replaceState(null, '', '/tasks/42?embed=true&filter=mine');
    render(
      <SessionExpiredDialog
        onSignIn={() =>
          Promise.reject(
            new PopupSigninError(
              'blocked',
              'The browser blocked the sign-in window.',
            ),
          )
        }
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in again' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The browser blocked the sign-in window.',
    );
    const link = screen.getByRole('link', {
      name: 'Open the inbox in a new tab',
    });
    expect(link).toHaveAttribute(
      'href',
      `${window.location.origin}/tasks/42?filter=mine`,
    );
    expect(link).toHaveAttribute('target', '_blank');
    // The dialog stays, so the user can try again once popups are allowed.
    expect(
      screen.getByRole('button', { name: 'Sign in again' }),
    ).toBeInTheDocument();
  });

  it('shows a generic sentence for any other failure, never its own text', async () => {
    render(
      <SessionExpiredDialog
        onSignIn={() => Promise.reject(new Error('internal: token=abc'))}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in again' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sign-in could not be completed. Please try again.',
    );
    expect(screen.queryByText(/token=abc/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Open the inbox in a new tab' }),
    ).not.toBeInTheDocument();
  });
});
