import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { savedFiltersKey } from '../features/task-inbox/saved-filters';
import { parseHostView, runHostCommand } from '../host-commands';
import { activateLocale } from '../i18n/catalogues';
import type { HostBridge, HostEvent } from '../lib/host-messages';
import type { EmbedContext } from '../router-context';
import { aClaimedTask, aProcess, aTask } from '../test/factories';
import { createFakeAuth } from '../test/create-fake-auth';
import { renderAtUrl } from '../test/render-at-url';
import { World } from '../test/world';

// Whole-app tests with lazily loaded dialogs on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const INVOICE = '2251799813685249';

/** Two processes' tasks, open and claimed, for the filter journeys. */
function invoiceWorld() {
  const world = new World([
    aTask({
      id: '1',
      name: 'Approve invoice',
      processName: 'Invoice approval',
      processDefinitionId: INVOICE,
      dueDate: '2026-12-03T10:00:00.000Z',
    }),
    aClaimedTask({
      id: '2',
      name: 'Check invoice',
      processName: 'Invoice approval',
      processDefinitionId: INVOICE,
      assignee: 'alice',
    }),
    aTask({ id: '3', name: 'Review vacation', processDefinitionId: '99' }),
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

function listedNames() {
  const list = screen.queryByRole('list', { name: 'Tasks' });
  if (!list) return [];
  return within(list)
    .getAllByRole('link')
    .map((link) => link.querySelector('.task-card__name')?.textContent);
}

/**
 * The search part of the address, as a portal's frame (or a reload) sees
 * it: the app's codec keeps every value a string.
 */
function addressOf(router: { state: { location: { searchStr: string } } }) {
  return Object.fromEntries(
    new URLSearchParams(router.state.location.searchStr),
  );
}

/** A portal that records what the app tells it. */
function portal(overrides: Partial<EmbedContext> = {}) {
  const sent: HostEvent[] = [];
  const host: HostBridge = {
    connected: true,
    send: (event) => sent.push(event),
    dispose: () => undefined,
  };
  const embed: EmbedContext = {
    embedded: true,
    framed: true,
    host,
    logoUrl: null,
    memoryOnlyStorage: false,
    ...overrides,
  };
  return { embed, sent };
}

describe('embed mode (issue 13)', () => {
  it('signs in through a popup in a frame, and offers a new tab when the popup is blocked', async () => {
    const auth = createFakeAuth({ user: null });
    auth.popupOutcome = 'blocked';
    const { embed } = portal();
    const { user, router } = await renderAtUrl(
      '/tasks?embed=true&filter=unassigned',
      {
        auth,
        embed,
        world: new World([aTask({ id: '1', name: 'Check payment' })]),
      },
    );
    // No redirect: the provider would refuse to load in the frame.
    expect(auth.redirects).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your browser blocked the sign-in window.');
    const newTab = within(alert).getByRole('link', {
      name: 'Open the inbox in a new tab',
    });
    expect(newTab).toHaveAttribute('target', '_blank');
    const href = new URL(newTab.getAttribute('href') ?? '');
    expect(href.pathname).toBe('/tasks');
    expect(href.searchParams.get('filter')).toBe('unassigned');
    expect(href.searchParams.has('embed')).toBe(false);

    auth.popupOutcome = 'signed-in';
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('navigation', { name: 'Task filters' }),
    ).toBeInTheDocument();
    expect(auth.popups).toBe(2);
    // No header or account chrome, and embed mode is still in the address.
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(addressOf(router)).toMatchObject({
      embed: 'true',
      filter: 'unassigned',
    });
  });

  it('keeps embed=true across navigation and tells the portal which task opened', async () => {
    const { embed, sent } = portal();
    const { user, router } = await renderAtUrl('/tasks?embed=true', {
      embed,
      world: new World([aTask({ id: '7', name: 'Check payment' })]),
    });
    await user.click(
      within(await screen.findByRole('list', { name: 'Tasks' })).getByRole(
        'link',
        { name: /Check payment/ },
      ),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check payment' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/7');
    expect(addressOf(router)).toMatchObject({ embed: 'true' });
    expect(sent).toContainEqual({ type: 'task-opened', taskId: '7' });
    await user.click(screen.getByRole('link', { name: 'Unassigned' }));
    expect(addressOf(router)).toMatchObject({
      embed: 'true',
      filter: 'unassigned',
    });
  });

  it('says what memory-only storage costs', async () => {
    const { embed } = portal({ memoryOnlyStorage: true });
    await renderAtUrl('/tasks?embed=true', { embed });
    expect(await screen.findByRole('note')).toHaveTextContent(
      'unsent drafts and saved filters are lost and you need to sign in again when this page reloads',
    );
  });

  it('the standalone app keeps its header and shows no note', async () => {
    await renderAtUrl('/tasks');
    expect(await screen.findByRole('banner')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('keeps embed=true through the filter dialog, chips, sort, a saved filter and the queue keys', async () => {
    const { embed } = portal();
    const { user, router } = await renderAtUrl('/tasks?embed=true', {
      embed,
      world: invoiceWorld(),
    });
    const search = () => addressOf(router);
    await user.click(
      await screen.findByRole('button', { name: 'Filter tasks' }),
    );
    const dialog = within(
      await screen.findByRole(
        'dialog',
        { name: 'Filter tasks' },
        { timeout: 10_000 },
      ),
    );
    const process = await dialog.findByRole('combobox', { name: 'Process' });
    await user.click(process);
    await user.click(
      await screen.findByRole('option', { name: 'Invoice approval' }),
    );
    await user.selectOptions(
      dialog.getByRole('combobox', { name: 'Assignee' }),
      'Unassigned',
    );
    await user.click(dialog.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(search()).toEqual({
        embed: 'true',
        assignee: 'unassigned',
        process: INVOICE,
      });
    });
    await waitFor(() => {
      expect(listedNames()).toEqual(['Approve invoice']);
    });

    await user.click(
      await screen.findByRole('button', {
        name: 'Remove Assignee: Unassigned',
      }),
    );
    await waitFor(() => {
      expect(search()).toEqual({ embed: 'true', process: INVOICE });
    });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sort by' }),
      'Due date',
    );
    await waitFor(() => {
      expect(search()).toEqual({
        embed: 'true',
        process: INVOICE,
        sort: 'due',
      });
    });

    await user.click(screen.getByRole('button', { name: 'Save filter' }));
    const save = within(
      await screen.findByRole('dialog', { name: 'Save filter' }),
    );
    await user.type(save.getByRole('textbox', { name: 'Name' }), 'Invoices');
    await user.click(save.getByRole('button', { name: 'Save' }));
    const saved = await screen.findByRole('list', { name: 'Saved filters' });
    // Embed mode is how the inbox is shown, not part of the saved view.
    const stored = JSON.parse(
      localStorage.getItem(savedFiltersKey('demo')) ?? '{}',
    ) as { filters?: { search: object }[] };
    expect(stored.filters?.map((f) => f.search)).toEqual([
      { process: INVOICE, sort: 'due' },
    ]);

    await user.click(screen.getByRole('link', { name: 'Completed' }));
    await waitFor(() => {
      expect(search()).toEqual({ embed: 'true', filter: 'completed' });
    });
    await user.click(within(saved).getByRole('link', { name: 'Invoices' }));
    await waitFor(() => {
      expect(search()).toEqual({
        embed: 'true',
        process: INVOICE,
        sort: 'due',
      });
    });

    await screen.findByTestId('shortcut-announcer');
    await user.keyboard('3');
    await waitFor(() => {
      expect(search()).toEqual({ embed: 'true', filter: 'unassigned' });
    });
  });

  it('a portal’s set-filter shows a queue refined by conditions and a sort, still embedded', async () => {
    const { embed } = portal();
    const { router } = await renderAtUrl('/tasks?embed=true&filter=completed', {
      embed,
      world: invoiceWorld(),
    });
    const view = parseHostView({
      filter: 'all-open',
      process: INVOICE,
      sort: 'due',
    });
    expect(view).toEqual({ filter: 'all-open', process: INVOICE, sort: 'due' });
    if (!view) return;
    await runHostCommand(router, { type: 'set-filter', view });
    expect(addressOf(router)).toEqual({
      embed: 'true',
      process: INVOICE,
      sort: 'due',
    });
    expect(
      await screen.findByRole('button', {
        name: 'Remove Process: Invoice approval',
      }),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(listedNames()).toEqual(['Approve invoice', 'Check invoice']);
    });

    const unassigned = parseHostView({ filter: 'unassigned' });
    if (!unassigned) throw new Error('a queue alone is a view');
    await runHostCommand(router, { type: 'set-filter', view: unassigned });
    // The whole view is replaced: no condition or sort of the one before.
    expect(addressOf(router)).toEqual({
      embed: 'true',
      filter: 'unassigned',
    });
    expect(
      await screen.findByRole('link', { name: 'Unassigned' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it.each([
    ['an unknown queue', { filter: 'everything' }],
    ['no queue', { process: INVOICE }],
    ['a process that is no key', { filter: 'all-open', process: 'invoice' }],
    ['an unknown condition', { filter: 'all-open', colour: 'red' }],
    [
      'a range that ends before it starts',
      { filter: 'all-open', dueFrom: '2026-12-10', dueTo: '2026-12-01' },
    ],
    ['a sort the API lacks', { filter: 'all-open', sort: 'name' }],
    ['a number for a text', { filter: 'all-open', candidateGroup: 7 }],
    ['embed itself', { filter: 'all-open', embed: 'false' }],
  ])('a portal’s set-filter with %s is refused whole', (_, fields) => {
    expect(parseHostView(fields)).toBeNull();
  });

  it('offers the shortcuts list, with its on/off switch, where the account menu would be', async () => {
    const { embed } = portal();
    const { user } = await renderAtUrl('/tasks?embed=true', {
      embed,
      world: invoiceWorld(),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Keyboard shortcuts' }),
    );
    const dialog = within(
      await screen.findByRole(
        'dialog',
        { name: 'Keyboard shortcuts' },
        { timeout: 10_000 },
      ),
    );
    const use = dialog.getByRole('checkbox', {
      name: 'Use keyboard shortcuts',
    });
    expect(use).toBeChecked();
    await user.click(use);
    expect(use).not.toBeChecked();
    expect(localStorage.getItem('tasklist-inbox.keyboard-shortcuts')).toBe(
      'off',
    );
    expect(dialog.getByText('Shortcuts are turned off.')).toBeInTheDocument();
  });

  it('speaks German in a German portal: the popup sign-in and the storage note', async () => {
    await activateLocale('de');
    const auth = createFakeAuth({ user: null });
    const { embed } = portal({ memoryOnlyStorage: true });
    const { user } = await renderAtUrl('/tasks?embed=true', { auth, embed });
    expect(
      await screen.findByRole('heading', {
        name: 'Melden Sie sich an, um Ihre Aufgaben zu sehen',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Die Anmeldeseite öffnet sich in einem kleinen Fenster.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('note')).toHaveTextContent(
      'Nicht gesendete Entwürfe',
    );
  });
});
