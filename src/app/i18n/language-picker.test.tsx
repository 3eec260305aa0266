import { i18n } from '@lingui/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aTask } from '../test/factories';
import { renderAtUrl } from '../test/render-at-url';
import { World } from '../test/world';
import { activateLocale } from './catalogues';
import { readLocaleChoice } from './locale-choice';

describe('the Language picker in the account menu', () => {
  it('lists each language by its own name, marks the active one, and switches the UI at once', async () => {
    const world = new World([
      aTask({ id: 't1', name: 'Approve invoice', taskState: 'CREATED' }),
    ]);
    const { user } = await renderAtUrl('/tasks', { world });
    await screen.findByRole('list', { name: 'Tasks' });

    await user.click(
      await screen.findByRole('button', { name: 'Account: Demo User' }),
    );
    const menu = await screen.findByRole('menu');
    const choices = within(menu).getAllByRole('menuitemradio');
    expect(choices.map((item) => item.textContent)).toEqual([
      'English',
      'Deutsch',
      'Español',
      'Français',
    ]);
    // Screen readers pronounce each name in its own language.
    expect(within(menu).getByText('Deutsch')).toHaveAttribute('lang', 'de');
    expect(
      within(menu).getByRole('menuitemradio', { name: 'English' }),
    ).toHaveAttribute('aria-checked', 'true');
    expect(within(menu).getByText('Language')).toBeInTheDocument();

    await user.click(
      within(menu).getByRole('menuitemradio', { name: 'Français' }),
    );

    // No reload: the page already speaks French, html[lang] included.
    expect(
      await screen.findByRole('list', { name: 'Tâches' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('navigation', { name: 'Filtres des tâches' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Aller au contenu' }),
    ).toBeVisible();
    expect(document.documentElement.lang).toBe('fr');
    expect(readLocaleChoice()).toBe('fr');

    await user.click(
      await screen.findByRole('button', { name: 'Compte : Demo User' }),
    );
    const again = await screen.findByRole('menu');
    expect(
      within(again).getByRole('menuitemradio', { name: 'Français' }),
    ).toHaveAttribute('aria-checked', 'true');
    expect(within(again).getByText('Langue')).toBeInTheDocument();
    expect(
      within(again).getByRole('menuitem', { name: 'Se déconnecter' }),
    ).toBeInTheDocument();
    // react-aria's own words follow the picker too, not the browser: the
    // menu's hidden dismiss button is French.
    expect(
      screen.getAllByRole('button', { name: 'Rejeter' }).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Dismiss' }),
    ).not.toBeInTheDocument();
  });
});

describe('formats in the active language', () => {
  it('shows German dates, relative due dates and plurals', async () => {
    await activateLocale('de');
    const now = Date.now();
    const inHours = (hours: number) =>
      new Date(now + hours * 60 * 60 * 1000).toISOString();
    const world = new World([
      aTask({
        id: 't1',
        name: 'Rechnung prüfen',
        taskState: 'CREATED',
        creationTime: '2026-03-03T14:16:18.441+0000',
        dueDate: inHours(24 * 3 + 1),
      }),
      aTask({
        id: 't2',
        name: 'Urlaub genehmigen',
        taskState: 'CREATED',
        creationTime: '2026-03-04T09:00:00.000+0000',
        dueDate: inHours(-2),
      }),
    ]);
    await renderAtUrl('/tasks', { world });
    expect(await screen.findByText('2 Aufgaben')).toBeInTheDocument();
    const invoice = screen.getByRole('link', { name: /^Rechnung prüfen/ });
    const vacation = screen.getByRole('link', { name: /^Urlaub genehmigen/ });
    // A past date in German: day, abbreviated month, year.
    expect(invoice).toHaveTextContent('3. März 2026');
    expect(invoice).toHaveTextContent('Fällig in 3 Tagen');
    expect(vacation).toHaveTextContent('Überfällig');
    expect(vacation).toHaveAccessibleName(/überfällig/);
    expect(document.documentElement.lang).toBe('de');
  });

  it('falls back to English for a language it does not ship', async () => {
    const { negotiateLocale } = await import('./locales');
    expect(negotiateLocale(null, ['it-IT', 'it'])).toBe('en');
    expect(negotiateLocale(null, ['it-IT', 'de-AT', 'fr'])).toBe('de');
    expect(negotiateLocale('es', ['de-DE'])).toBe('es');
    expect(negotiateLocale('klingon', ['fr-CA'])).toBe('fr');
    await waitFor(() => {
      expect(i18n.locale).toBe('en');
    });
  });
});
