import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { allowConsole } from '../../test/allow-console';
import {
  aClaimedTask,
  aCompletedTask,
  aTask,
  aVariable,
} from '../../test/factories';
import { server, TASKLIST_URL } from '../../test/msw-server';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

describe('task details (/tasks/$taskId)', () => {
  it('shows the task name as the level-1 heading, the process, and the details aside', async () => {
    const world = new World([
      aTask({
        id: '7',
        name: 'Check payment',
        processName: 'Order process',
        candidateGroups: ['accounting'],
        candidateUsers: ['alice'],
        dueDate: '2030-01-01T10:00:00.000Z',
      }),
    ]);
    await renderAtUrl('/tasks/7', { world });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check payment' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Order process', { selector: 'p' }),
    ).toBeInTheDocument();
    const aside = screen.getByRole('complementary', { name: 'Task details' });
    expect(within(aside).getByText('Unassigned')).toBeInTheDocument();
    expect(within(aside).getByText('accounting')).toBeInTheDocument();
    expect(within(aside).getByText('alice')).toBeInTheDocument();
    expect(within(aside).getByText('No follow-up date')).toBeInTheDocument();
  });

  it('assigns the task to the signed-in user with allowOverrideAssignment false and announces it', async () => {
    const world = new World([aTask({ id: '7', name: 'Check payment' })]);
    let sent: Record<string, unknown> | undefined;
    server.events.on('request:start', ({ request }) => {
      if (request.url === TASKLIST_URL) {
        void request
          .clone()
          .json()
          .then(
            (body: {
              operationName?: string;
              query: string;
              variables: Record<string, unknown>;
            }) => {
              if (body.operationName === 'ClaimTaskMutation')
                sent = { ...body.variables, query: body.query };
            },
          );
      }
    });
    const { user } = await renderAtUrl('/tasks/7', { world });
    await user.click(
      await screen.findByRole('button', { name: 'Assign to me' }),
    );
    expect(
      await screen.findByText('Task assigned to you.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Unassign' }),
    ).toBeInTheDocument();
    expect(world.find('7').assignee).toBe('demo');
    expect(sent).toMatchObject({ taskId: '7', assignee: 'demo' });
    expect(String(sent?.query)).toContain('allowOverrideAssignment: false');
    server.events.removeAllListeners();
  });

  it('unassigns a task assigned to me', async () => {
    const world = new World([aClaimedTask({ id: '7' })]);
    const { user } = await renderAtUrl('/tasks/7', { world });
    await user.click(await screen.findByRole('button', { name: 'Unassign' }));
    expect(await screen.findByText('Task unassigned.')).toBeInTheDocument();
    expect(world.find('7').assignee).toBeNull();
  });

  it('explains a claim conflict in plain words and refreshes the task to show who has it', async () => {
    const world = new World([aTask({ id: '7', name: 'Check payment' })]);
    const { user } = await renderAtUrl('/tasks/7', { world });
    const button = await screen.findByRole('button', { name: 'Assign to me' });
    world.find('7').assignee = 'alice';
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else assigned this task a moment ago',
    );
    const aside = screen.getByRole('complementary', { name: 'Task details' });
    expect(await within(aside).findByText('alice')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Assign to me' }),
    ).not.toBeInTheDocument();
  });

  it('shows "Task not found" inside the layout and keeps the list usable', async () => {
    allowConsole();
    const world = new World([aTask({ id: '1', name: 'Other task' })]);
    await renderAtUrl('/tasks/does-not-exist', { world });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Task not found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Other task/ }),
    ).toBeInTheDocument();
  });

  it('shows a retryable error panel when the task cannot be loaded', async () => {
    allowConsole();
    const failTask = http.post(TASKLIST_URL, async ({ request }) => {
      const body = (await request.clone().json()) as { operationName: string };
      return body.operationName === 'TaskDetailsRouteQuery'
        ? HttpResponse.json({ errors: [{ message: 'boom' }], data: null })
        : undefined;
    });
    await renderAtUrl('/tasks/7', {
      world: new World([aTask({ id: '7' })]),
      handlers: [failTask],
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The task could not be loaded',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  it('shows a completed task read-only with its variables', async () => {
    const world = new World([
      aCompletedTask({
        id: '9',
        name: 'Approve',
        variables: [aVariable('approved', true), aVariable('note', 'ok')],
      }),
    ]);
    await renderAtUrl('/tasks/9', { world });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Approve' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Completed', { selector: '.badge' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Variables' });
    expect(
      within(table).getByRole('rowheader', { name: 'approved' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('"ok"')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: /Assign to me|Complete task|Add variable/,
      }),
    ).not.toBeInTheDocument();
  });
});
