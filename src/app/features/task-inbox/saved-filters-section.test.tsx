import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aUser, createFakeAuth } from '../../test/create-fake-auth';
import { aProcess, aTask } from '../../test/factories';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';
import { savedFiltersKey } from './saved-filters';
import { writeSavedFilters } from './saved-filters-edit';

// Whole-app tests on a busy machine: room beyond the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

const INVOICE = '2251799813685249';

function aWorld() {
  const world = new World([
    aTask({ name: 'Approve invoice', processDefinitionId: INVOICE }),
    aTask({ name: 'Other task', processDefinitionId: '99' }),
  ]);
  world.processes = [
    aProcess({
      id: INVOICE,
      name: 'Invoice approval',
      processDefinitionId: 'invoice-approval',
      version: 1,
    }),
  ];
  return world;
}

function stored(username = 'demo') {
  const raw = localStorage.getItem(savedFiltersKey(username));
  return raw
    ? (JSON.parse(raw) as { filters: { name: string; search: object }[] })
        .filters
    : [];
}

function savedList() {
  return screen.queryByRole('list', { name: 'Saved filters' });
}

function savedNames() {
  const list = savedList();
  return list
    ? within(list)
        .getAllByRole('link')
        .map((l) => l.textContent)
    : [];
}

async function openActions(
  user: { click: (e: Element) => Promise<void> },
  name: string,
) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menu', { name: `Actions for ${name}` });
}

describe('saved filters', () => {
  it('saves the current filter and sort under a name, lists it under the queues and opens it', async () => {
    const { user, router } = await renderAtUrl(
      `/tasks?assignee=unassigned&process=${INVOICE}&sort=due`,
      { world: aWorld() },
    );
    expect(
      await screen.findByText('None yet. Set up a view, then use Save filter.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save filter' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Save filter' }),
    );
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription('Enter a name.');
    await user.type(name, '  Invoices to take ');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(savedNames()).toEqual(['Invoices to take']);
    expect(
      within(screen.getByRole('list', { name: 'Saved filters' })).getByRole(
        'link',
        {
          name: 'Invoices to take',
        },
      ),
    ).toHaveAttribute('aria-current', 'page');
    expect(
      await screen.findByText('Saved “Invoices to take”'),
    ).toBeInTheDocument();
    expect(stored()).toEqual([
      {
        id: expect.any(String) as unknown,
        name: 'Invoices to take',
        search: { assignee: 'unassigned', process: INVOICE, sort: 'due' },
      },
    ]);

    await user.click(screen.getByRole('link', { name: 'Completed' }));
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ filter: 'completed' });
    });
    await user.click(screen.getByRole('link', { name: 'Invoices to take' }));
    await waitFor(() => {
      expect(router.state.location.search).toEqual({
        assignee: 'unassigned',
        process: INVOICE,
        sort: 'due',
      });
    });
  });

  it('refuses a name that is taken', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
    ]);
    const { user } = await renderAtUrl('/tasks?filter=unassigned', {
      world: aWorld(),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Save filter' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Save filter' }),
    );
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'INVOICES');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(
      dialog.getByRole('textbox', { name: 'Name' }),
    ).toHaveAccessibleDescription(
      'You already have a saved filter with this name.',
    );
    expect(stored()).toHaveLength(1);
  });

  it('renames a saved filter', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
      { id: 'b', name: 'Mine', search: { filter: 'assigned-to-me' } },
    ]);
    const { user } = await renderAtUrl('/tasks', { world: aWorld() });
    await screen.findByRole('link', { name: 'Invoices' });
    const menu = await openActions(user, 'Invoices');
    await user.click(within(menu).getByRole('menuitem', { name: 'Rename' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Rename “Invoices”' }),
    );
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Invoices');
    await user.clear(name);
    await user.type(name, 'mine');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription(
      'You already have a saved filter with this name.',
    );
    await user.clear(name);
    await user.type(name, 'Invoice approvals');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(savedNames()).toEqual(['Invoice approvals', 'Mine']);
    });
    expect(stored()[0]).toMatchObject({
      name: 'Invoice approvals',
      search: { process: INVOICE },
    });
  });

  it('edits a saved filter’s conditions and sort in the filter dialog', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
    ]);
    const { user, router } = await renderAtUrl('/tasks', { world: aWorld() });
    await screen.findByRole('link', { name: 'Invoices' });
    const menu = await openActions(user, 'Invoices');
    await user.click(within(menu).getByRole('menuitem', { name: 'Edit' }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Edit “Invoices”' }),
    );
    expect(
      await dialog.findByRole('combobox', { name: 'Process' }),
    ).toHaveValue('Invoice approval');
    await user.selectOptions(
      dialog.getByRole('combobox', { name: 'Assignee' }),
      'Unassigned',
    );
    await user.selectOptions(
      dialog.getByRole('combobox', { name: 'Sort by' }),
      'Due date',
    );
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(stored()[0]?.search).toEqual({
        process: INVOICE,
        assignee: 'unassigned',
        sort: 'due',
      });
    });
    expect(router.state.location.search).toEqual({
      process: INVOICE,
      assignee: 'unassigned',
      sort: 'due',
    });
    expect(await screen.findByText('Updated “Invoices”')).toBeInTheDocument();
  });

  it('deletes a saved filter after confirmation', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
      { id: 'b', name: 'Mine', search: { filter: 'assigned-to-me' } },
    ]);
    const { user } = await renderAtUrl('/tasks', { world: aWorld() });
    await screen.findByRole('link', { name: 'Invoices' });
    let menu = await openActions(user, 'Invoices');
    await user.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
    let confirm = within(
      await screen.findByRole('alertdialog', { name: 'Delete “Invoices”?' }),
    );
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(savedNames()).toEqual(['Invoices', 'Mine']);

    menu = await openActions(user, 'Invoices');
    await user.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
    confirm = within(
      await screen.findByRole('alertdialog', { name: 'Delete “Invoices”?' }),
    );
    await user.click(confirm.getByRole('button', { name: 'Delete' }));
    await waitFor(() => {
      expect(savedNames()).toEqual(['Mine']);
    });
    expect(stored().map((f) => f.name)).toEqual(['Mine']);
    expect(await screen.findByText('Deleted “Invoices”')).toBeInTheDocument();
  });

  it('exports the saved filters as a versioned JSON file', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
    ]);
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:filters';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const { user } = await renderAtUrl('/tasks', { world: aWorld() });
    await user.click(
      await screen.findByRole('button', { name: 'Export saved filters' }),
    );
    await waitFor(() => {
      expect(clicked).toHaveLength(1);
    });
    expect(clicked[0]?.download).toMatch(
      /^tasklist-inbox-filters-\d{4}-\d{2}-\d{2}\.json$/,
    );
    expect(blobs[0]?.type).toBe('application/json');
    expect(JSON.parse((await blobs[0]?.text()) ?? '')).toMatchObject({
      format: 'tasklist-inbox.saved-filters',
      version: 1,
      filters: [{ name: 'Invoices', search: { process: INVOICE } }],
    });
    expect(
      screen.getByText('The saved filters were exported.'),
    ).toBeInTheDocument();
  });

  it('imports a file: new names added, known names replaced', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: '1' } },
    ]);
    const { user } = await renderAtUrl('/tasks', { world: aWorld() });
    const file = new File(
      [
        JSON.stringify({
          format: 'tasklist-inbox.saved-filters',
          version: 1,
          filters: [
            { name: 'Invoices', search: { process: INVOICE } },
            { name: 'Team sales', search: { candidateGroup: 'sales' } },
          ],
        }),
      ],
      'filters.json',
      { type: 'application/json' },
    );
    await user.upload(
      await screen.findByLabelText('Saved filters file to import'),
      file,
    );
    expect(
      await screen.findByText('Import done: 1 added, 1 replaced.'),
    ).toBeInTheDocument();
    expect(savedNames()).toEqual(['Invoices', 'Team sales']);
    expect(stored().map((f) => f.search)).toEqual([
      { process: INVOICE },
      { candidateGroup: 'sales' },
    ]);
  });

  it('refuses a bad import file with a clear message and changes nothing', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
    ]);
    const before = localStorage.getItem(savedFiltersKey('demo'));
    const { user } = await renderAtUrl('/tasks', { world: aWorld() });
    const input = await screen.findByLabelText('Saved filters file to import');
    await user.upload(
      input,
      new File(['{"format":'], 'broken.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file is not valid JSON. Nothing was changed.',
    );
    await user.upload(
      input,
      new File(
        [
          JSON.stringify({
            format: 'tasklist-inbox.saved-filters',
            version: 1,
            filters: [
              { name: 'Fine', search: {} },
              { name: 'Broken', search: { dueTo: 'friday' } },
            ],
          }),
        ],
        'filters.json',
        { type: 'application/json' },
      ),
    );
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The filter “Broken” has conditions this inbox does not understand. Nothing was changed.',
      );
    });
    expect(localStorage.getItem(savedFiltersKey('demo'))).toBe(before);
    expect(savedNames()).toEqual(['Invoices']);
  });

  it('keeps filters per user and keeps them across sign-out', async () => {
    writeSavedFilters('demo', [
      { id: 'a', name: 'Invoices', search: { process: INVOICE } },
    ]);
    writeSavedFilters('alice', [
      { id: 'b', name: 'Alice’s view', search: { filter: 'completed' } },
    ]);
    const auth = createFakeAuth({
      user: aUser({ username: 'alice', name: 'Alice' }),
    });
    const { unmount } = await renderAtUrl('/tasks', { world: aWorld(), auth });
    await screen.findByRole('link', { name: 'Alice’s view' });
    expect(savedNames()).toEqual(['Alice’s view']);
    await auth.signout();
    unmount();
    expect(stored('alice')).toHaveLength(1);
    expect(stored('demo')).toHaveLength(1);
  });
});
