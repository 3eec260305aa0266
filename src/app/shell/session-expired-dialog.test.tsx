import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PopupSigninError } from '../auth/signin-error';
import { activateLocale, loadCataloguePart } from '../i18n/catalogues';
import { WithI18n } from '../test/with-i18n';
import { SessionExpiredDialog } from './session-expired-dialog';

describe('session expired dialog', () => {
  // Rendered alone, so it loads its area as its lazy import would.
  beforeAll(() => loadCataloguePart('sign-in'));

  it('calls onSignIn and shows nothing more when the sign-in goes ahead', async () => {
    const onSignIn = vi.fn(() => undefined);
    render(<SessionExpiredDialog onSignIn={onSignIn} />, { wrapper: WithI18n });
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
      { wrapper: WithI18n },
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
      { wrapper: WithI18n },
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

  it('speaks the active language, its failures and the way out included', async () => {
    await activateLocale('de');
    window.history.replaceState(null, '', '/tasks?embed=true');
    let reason: 'blocked' | 'other' = 'other';
    render(
      <SessionExpiredDialog
        onSignIn={() =>
          Promise.reject(
            reason === 'blocked'
              ? new PopupSigninError('blocked', 'Blockiert.')
              : new Error('internal'),
          )
        }
      />,
      { wrapper: WithI18n },
    );
    expect(
      screen.getByRole('alertdialog', { name: 'Ihre Sitzung ist abgelaufen' }),
    ).toBeInTheDocument();
    const again = screen.getByRole('button', { name: 'Erneut anmelden' });
    await userEvent.click(again);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Anmeldung konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut.',
    );
    reason = 'blocked';
    await userEvent.click(again);
    expect(
      await screen.findByRole('link', {
        name: 'Aufgabeneingang in einem neuen Tab öffnen',
      }),
    ).toBeInTheDocument();
  });
});
