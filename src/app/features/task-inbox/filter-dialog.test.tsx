import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  aClaimedTask,
  aCompletedTask,
  aProcess,
  aTask,
} from '../../test/factories';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

// Whole-app tests on a busy machine: room beyond the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

const INVOICE = '2251799813685249';
const VACATION = '2251799813685250';

function aWorld() {
  const world = new World([
    aTask({
      id: '1',
      name: 'Approve invoice',
      processName: 'Invoice approval',
      processDefinitionId: INVOICE,
      candidateGroups: ['accounting'],
      candidateUsers: ['bob'],
      dueDate: '2026-12-03T10:00:00.000Z',
      followUpDate: '2026-12-01T10:00:00.000Z',
      taskDefinitionId: 'approveInvoice',
      processInstanceId: '2251799813685300',
    }),
    aClaimedTask({
      id: '2',
      name: 'Check invoice',
      processName: 'Invoice approval',
      processDefinitionId: INVOICE,
      assignee: 'alice',
      candidateGroups: ['sales'],
    }),
    aTask({
      id: '3',
      name: 'Review vacation',
      processName: 'Vacation request',
      processDefinitionId: VACATION,
      candidateGroups: ['management'],
      dueDate: '2026-12-20T10:00:00.000Z',
    }),
    aClaimedTask({
      id: '4',
      name: 'My vacation task',
      processName: 'Vacation request',
      processDefinitionId: VACATION,
    }),
    aCompletedTask({
      id: '5',
      name: 'Old invoice',
      processName: 'Invoice approval',
      processDefinitionId: INVOICE,
    }),
  ]);
  world.processes = [
    aProcess({
      id: VACATION,
      name: 'Vacation request',
      processDefinitionId: 'vacation-request',
      version: 1,
    }),
    aProcess({
      id: INVOICE,
      name: 'Invoice approval',
      processDefinitionId: 'invoice-approval',
      version: 3,
    }),
  ];
  return world;
}

async function openDialog(url = '/tasks', world = aWorld()) {
  const view = await renderAtUrl(url, { world });
  // The list, or its empty state, has loaded.
  await screen.findByText(/^\d+\+? tasks?$|^No tasks found$/);
  await view.user.click(screen.getByRole('button', { name: 'Filter tasks' }));
  // The dialog's code loads on first use.
  const dialog = await screen.findByRole(
    'dialog',
    { name: 'Filter tasks' },
    { timeout: 10_000 },
  );
  // The process list loads inside the dialog.
  await within(dialog).findByRole('combobox', { name: 'Process' });
  return { ...view, dialog };
}

function listedNames() {
  const list = screen.queryByRole('list', { name: 'Tasks' });
  if (!list) return [];
  return within(list)
    .getAllByRole('link')
    .map((link) => link.querySelector('.task-card__name')?.textContent);
}

function searchOf(router: { state: { location: { search: unknown } } }) {
  return router.state.location.search;
}

describe('Filter tasks dialog', () => {
  it('offers every filter the API has, prefilled from the current view', async () => {
    const { dialog } = await openDialog('/tasks?filter=unassigned');
    const d = within(dialog);
    expect(d.getByRole('combobox', { name: 'Process' })).toHaveValue(
      'Any process',
    );
    expect(d.getByRole('combobox', { name: 'Assignee' })).toHaveValue(
      'unassigned',
    );
    expect(d.getByRole('combobox', { name: 'Candidate group' })).toHaveValue(
      '',
    );
    expect(d.getByRole('textbox', { name: 'Candidate user' })).toHaveValue('');
    expect(d.getByRole('combobox', { name: 'Task state' })).toHaveValue('open');
    for (const name of ['Due from', 'Due to', 'Follow-up from', 'Follow-up to'])
      expect(d.getByLabelText(name)).toHaveAttribute('type', 'date');
    expect(d.getByLabelText('Process instance key')).toBeInTheDocument();
    expect(d.getByLabelText('Task definition ID')).toBeInTheDocument();
    expect(d.getByRole('button', { name: 'Apply' })).toBeInTheDocument();
    expect(d.getByRole('button', { name: 'Reset' })).toBeInTheDocument();
  });

  it('Process: lists the processes A–Z, searchable, and filters by the chosen one', async () => {
    const { dialog, user, router, world } = await openDialog();
    const process = within(dialog).getByRole('combobox', { name: 'Process' });
    await user.click(process);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Any process',
      'Invoice approval',
      'Vacation request',
    ]);
    await user.clear(process);
    await user.type(process, 'vaca');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Vacation request',
    ]);
    await user.click(screen.getByRole('option', { name: 'Vacation request' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({ process: VACATION });
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => {
      expect(listedNames()).toEqual(['Review vacation', 'My vacation task']);
    });
    expect(world.queries.at(-1)).toMatchObject({
      processDefinitionId: VACATION,
      state: 'CREATED',
    });
  });

  it('Assignee: anyone, me, unassigned, or a named user (which needs a name)', async () => {
    const { dialog, user, router } = await openDialog();
    const d = within(dialog);
    const assignee = d.getByRole('combobox', { name: 'Assignee' });
    await user.selectOptions(assignee, 'A user…');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    const name = d.getByRole('textbox', { name: 'Assignee user name' });
    expect(name).toHaveAccessibleDescription(
      'Enter the user name of the assignee.',
    );
    expect(name).toHaveFocus();
    await user.type(name, 'alice');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({ assignee: 'user:alice' });
    });
    await waitFor(() => {
      expect(listedNames()).toEqual(['Check invoice']);
    });

    await user.click(screen.getByRole('button', { name: 'Filter tasks' }));
    const again = within(
      await screen.findByRole('dialog', { name: 'Filter tasks' }),
    );
    expect(
      again.getByRole('textbox', { name: 'Assignee user name' }),
    ).toHaveValue('alice');
    await user.selectOptions(
      again.getByRole('combobox', { name: 'Assignee' }),
      'Me',
    );
    await user.click(again.getByRole('button', { name: 'Apply' }));
    // Conditions equal to a queue become that queue.
    await waitFor(() => {
      expect(searchOf(router)).toEqual({ filter: 'assigned-to-me' });
    });
    expect(
      screen.getByRole('link', { name: 'Assigned to me' }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('Candidate group: the user’s groups first, any other group typed', async () => {
    const { dialog, user, router } = await openDialog();
    const group = within(dialog).getByRole('combobox', {
      name: 'Candidate group',
    });
    await user.click(group);
    expect(
      (await screen.findAllByRole('option')).map((o) => o.textContent),
    ).toEqual(['accounting', 'management']);
    await user.type(group, 'sal');
    await user.keyboard('es');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({ candidateGroup: 'sales' });
    });
    // sales is no group of the user's and the task is assigned: still found.
    await waitFor(() => {
      expect(listedNames()).toEqual(['Check invoice']);
    });
  });

  it('Candidate user and Task state', async () => {
    const { dialog, user, router } = await openDialog();
    const d = within(dialog);
    await user.type(d.getByRole('textbox', { name: 'Candidate user' }), 'bob');
    await user.selectOptions(
      d.getByRole('combobox', { name: 'Task state' }),
      'Open or completed',
    );
    await user.click(d.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({ candidateUser: 'bob', state: 'any' });
    });
    await waitFor(() => {
      expect(listedNames()).toEqual(['Approve invoice']);
    });
  });

  it('Due and follow-up ranges, with a range that ends before it starts refused', async () => {
    const { dialog, user, router, world } = await openDialog();
    const d = within(dialog);
    await user.type(d.getByLabelText('Due from'), '2026-12-10');
    await user.type(d.getByLabelText('Due to'), '2026-12-01');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    expect(d.getByLabelText('Due to')).toHaveAccessibleDescription(
      'Due to must be on or after Due from.',
    );
    expect(d.getByLabelText('Due to')).toHaveFocus();
    await user.clear(d.getByLabelText('Due from'));
    await user.type(d.getByLabelText('Due from'), '2026-12-01');
    await user.type(d.getByLabelText('Follow-up to'), '2026-12-02');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({
        dueFrom: '2026-12-01',
        dueTo: '2026-12-01',
        followUpTo: '2026-12-02',
      });
    });
    expect(world.queries.at(-1)?.followUpDate?.from).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  it('More conditions: process instance key and task definition ID, validated', async () => {
    const { dialog, user, router } = await openDialog();
    const d = within(dialog);
    await user.click(d.getByText('More conditions'));
    await user.type(d.getByLabelText('Process instance key'), 'abc');
    await user.type(d.getByLabelText('Task definition ID'), 'approveInvoice');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    expect(
      d.getByLabelText('Process instance key'),
    ).toHaveAccessibleDescription(
      /Only the tasks of one process instance. A process instance key is a number./,
    );
    await user.clear(d.getByLabelText('Process instance key'));
    await user.type(
      d.getByLabelText('Process instance key'),
      '2251799813685300',
    );
    await user.click(d.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({
        processInstance: '2251799813685300',
        taskDefinition: 'approveInvoice',
      });
    });
    await waitFor(() => {
      expect(listedNames()).toEqual(['Approve invoice']);
    });
  });

  it('Sort by offers completion date once completed tasks are included', async () => {
    const { dialog, user, router } = await openDialog();
    const d = within(dialog);
    const sort = d.getByRole('combobox', { name: 'Sort by' });
    expect(
      within(sort).queryByRole('option', { name: 'Completion date' }),
    ).toBeNull();
    await user.selectOptions(
      d.getByRole('combobox', { name: 'Task state' }),
      'Completed',
    );
    await user.selectOptions(sort, 'Completion date');
    await user.click(d.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(searchOf(router)).toEqual({
        filter: 'completed',
        sort: 'completion',
      });
    });
  });

  it('Reset clears the fields without applying; Cancel and Escape change nothing', async () => {
    const { dialog, user, router } = await openDialog(
      `/tasks?process=${INVOICE}&assignee=unassigned`,
    );
    const d = within(dialog);
    expect(d.getByRole('combobox', { name: 'Process' })).toHaveValue(
      'Invoice approval',
    );
    await user.click(d.getByRole('button', { name: 'Reset' }));
    expect(d.getByRole('combobox', { name: 'Assignee' })).toHaveValue('anyone');
    expect(d.getByRole('combobox', { name: 'Process' })).toHaveValue(
      'Any process',
    );
    expect(searchOf(router)).toEqual({
      process: INVOICE,
      assignee: 'unassigned',
    });
    await user.click(d.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => {
      expect(
        screen.getByRole('button', { name: 'Filter tasks' }),
      ).toHaveFocus();
    });

    await user.click(screen.getByRole('button', { name: 'Filter tasks' }));
    await screen.findByRole('dialog', { name: 'Filter tasks' });
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(searchOf(router)).toEqual({
      process: INVOICE,
      assignee: 'unassigned',
    });
  });

  it('names a process that is no longer listed by its key, and still filters by it', async () => {
    const { dialog, world } = await openDialog('/tasks?process=42');
    expect(
      within(dialog).getByRole('combobox', { name: 'Process' }),
    ).toHaveValue('Process 42 (not among the current processes)');
    expect(world.queries.at(-1)).toMatchObject({ processDefinitionId: '42' });
  });
});
