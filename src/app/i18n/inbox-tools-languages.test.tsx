import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aTask } from '../test/factories';
import { renderAtUrl } from '../test/render-at-url';
import { World } from '../test/world';
import { activateLocale } from './catalogues';

// The inbox's lazy parts (filter dialog, chips, saved filters, keyboard
// shortcuts) load their own catalogue area; in another language they must
// arrive speaking it, and follow a switch like the rest of the page.
describe('the inbox tools in another language', () => {
  it('speaks German in the filter dialog, its chips and the shortcuts list', async () => {
    await activateLocale('de');
    const world = new World([
      aTask({ id: '1', name: 'Rechnung prüfen', taskState: 'CREATED' }),
    ]);
    const { user } = await renderAtUrl('/tasks', { world });
    await user.click(
      await screen.findByRole('button', { name: 'Aufgaben filtern' }),
    );
    const dialog = within(
      await screen.findByRole(
        'dialog',
        { name: 'Aufgaben filtern' },
        { timeout: 10_000 },
      ),
    );
    expect(
      dialog.getByRole('combobox', { name: 'Aufgabenstatus' }),
    ).toHaveValue('open');
    await user.selectOptions(
      dialog.getByRole('combobox', { name: 'Aufgabenstatus' }),
      'Offen oder abgeschlossen',
    );
    expect(
      dialog.getByRole('option', { name: 'Nicht zugewiesen' }),
    ).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Anwenden' }));

    const chips = await screen.findByRole('list', { name: 'Aktive Filter' });
    expect(
      within(chips).getByRole('button', {
        name: 'Status: Offen oder abgeschlossen entfernen',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Gespeicherte Filter' }),
    ).toBeInTheDocument();

    await user.keyboard('?');
    const help = within(
      await screen.findByRole(
        'dialog',
        { name: 'Tastenkürzel' },
        { timeout: 10_000 },
      ),
    );
    // Named keys as German keyboards label them.
    expect(help.getByText('Strg + Eingabe')).toBeInTheDocument();
    expect(help.getByText('Esc')).toBeInTheDocument();
    expect(
      help.getByRole('columnheader', { name: 'Tasten' }),
    ).toBeInTheDocument();
  });

  it('switches the chips with the language', async () => {
    const world = new World([
      aTask({ id: '1', name: 'Approve invoice', taskState: 'CREATED' }),
    ]);
    await renderAtUrl('/tasks?state=completed&taskDefinition=approveInvoice', {
      world,
    });
    const chips = await screen.findByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('State: Completed')).toBeInTheDocument();

    await activateLocale('fr');
    await waitFor(() => {
      expect(
        screen.getByRole('list', { name: 'Filtres actifs' }),
      ).toHaveTextContent('État : Terminées');
    });
    expect(
      screen.getByText('Définition de tâche : approveInvoice'),
    ).toBeInTheDocument();
  });
});
