import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aProcess, aTask } from '../../test/factories';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

// Whole-app tests on a busy machine: room beyond the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

const INVOICE = '2251799813685249';

function aWorld() {
  const world = new World([
    aTask({
      name: 'Approve invoice',
      processDefinitionId: INVOICE,
      candidateGroups: ['accounting'],
      dueDate: '2026-12-03T10:00:00.000Z',
      followUpDate: '2026-11-15T10:00:00.000Z',
    }),
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

const URL =
  `/tasks?assignee=unassigned&process=${INVOICE}&candidateGroup=accounting` +
  '&dueFrom=2026-12-01&dueTo=2026-12-07&followUpFrom=2026-11-01&sort=due';

function chipNames() {
  const list = screen.queryByRole('list', { name: 'Active filters' });
  return list
    ? within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label'))
    : [];
}

describe('filter chips and the URL', () => {
  it('shows one removable chip per active condition of a link, the process by name', async () => {
    const { world } = await renderAtUrl(URL, { world: aWorld() });
    await screen.findByRole('link', { name: /Approve invoice/ });
    await waitFor(() => {
      expect(chipNames()).toEqual([
        'Remove Assignee: Unassigned',
        'Remove Process: Invoice approval',
        'Remove Candidate group: accounting',
        'Remove Due Dec 1, 2026 – Dec 7, 2026',
        'Remove Follow-up from Nov 1, 2026',
      ]);
    });
    // No queue is current: this is a custom filter.
    const nav = screen.getByRole('navigation', { name: 'Task filters' });
    expect(within(nav).queryByRole('link', { current: 'page' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue(
      'due',
    );
    expect(world.queries[0]).toMatchObject({
      state: 'CREATED',
      assigned: false,
      processDefinitionId: INVOICE,
      candidateGroup: 'accounting',
      sort: [{ field: 'dueDate', order: 'ASC' }],
    });
  });

  it('removes one condition per chip, keeping focus on the chips, and ends at the queue', async () => {
    const { user, router } = await renderAtUrl(
      `/tasks?assignee=unassigned&process=${INVOICE}`,
      { world: aWorld() },
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove Process: Invoice approval',
      }),
    );
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ filter: 'unassigned' });
    });
    // Only the assignee was left: that is the Unassigned queue, which has no chips.
    expect(chipNames()).toEqual([]);
    expect(screen.getByRole('link', { name: 'Unassigned' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await waitFor(() => {
      expect(
        screen.getByRole('button', { name: 'Filter tasks' }),
      ).toHaveFocus();
    });
  });

  it('moves focus to the next chip when one in the middle goes', async () => {
    const { user, router } = await renderAtUrl(URL, { world: aWorld() });
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove Candidate group: accounting',
      }),
    );
    await waitFor(() => {
      expect(router.state.location.search).not.toHaveProperty('candidateGroup');
    });
    await waitFor(() => {
      expect(
        screen.getByRole('button', {
          name: 'Remove Due Dec 1, 2026 – Dec 7, 2026',
        }),
      ).toHaveFocus();
    });
    expect(router.state.location.search).toEqual({
      assignee: 'unassigned',
      process: INVOICE,
      dueFrom: '2026-12-01',
      dueTo: '2026-12-07',
      followUpFrom: '2026-11-01',
      sort: 'due',
    });
  });

  it('clears every condition at once, keeping the sort', async () => {
    const { user, router } = await renderAtUrl(URL, { world: aWorld() });
    await user.click(await screen.findByRole('button', { name: 'Clear all' }));
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ sort: 'due' });
    });
    expect(screen.getByRole('link', { name: 'All open' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('round-trips a dialog choice through the URL: reload shows the same view', async () => {
    const view = await renderAtUrl('/tasks', { world: aWorld() });
    await view.user.click(
      await screen.findByRole('button', { name: 'Filter tasks' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Filter tasks' });
    await view.user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Assignee' }),
      'Unassigned',
    );
    await view.user.type(
      within(dialog).getByLabelText('Due from'),
      '2026-12-01',
    );
    await view.user.click(
      within(dialog).getByRole('button', { name: 'Apply' }),
    );
    await waitFor(() => {
      expect(view.router.state.location.searchStr).toBe(
        '?assignee=unassigned&dueFrom=2026-12-01',
      );
    });
    const link = view.router.state.location.href;
    view.unmount();

    const utils = await renderAtUrl(link, { world: aWorld() });
    await waitFor(() => {
      expect(chipNames()).toEqual([
        'Remove Assignee: Unassigned',
        'Remove Due from Dec 1, 2026',
      ]);
    });
    await utils.user.click(
      screen.getByRole('button', { name: 'Filter tasks' }),
    );
    const again = within(
      await screen.findByRole('dialog', { name: 'Filter tasks' }),
    );
    expect(again.getByRole('combobox', { name: 'Assignee' })).toHaveValue(
      'unassigned',
    );
    expect(again.getByLabelText('Due from')).toHaveValue('2026-12-01');
  });

  it('drops the filter values of a link it cannot use, and shows the rest', async () => {
    const { world } = await renderAtUrl(
      '/tasks?assignee=unassigned&dueFrom=2026-02-30&filter=nonsense',
      { world: aWorld() },
    );
    expect(
      await screen.findByRole('link', { name: 'Unassigned' }),
    ).toHaveAttribute('aria-current', 'page');
    // The router lays validated params over raw ones: nothing invalid leaks.
    expect(world.queries.at(-1)).toEqual({
      pageSize: 50,
      sort: [{ field: 'creationTime', order: 'DESC' }],
      state: 'CREATED',
      assigned: false,
    });
  });
});
