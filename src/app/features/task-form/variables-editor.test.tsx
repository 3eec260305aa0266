import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aClaimedTask, aTask, aVariable } from '../../test/factories';
import { TASKLIST_URL } from '../../test/msw-server';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

function failOnce(operationName: string, answer: () => Response) {
  let used = false;
  return http.post(TASKLIST_URL, async ({ request }) => {
    const body = (await request.clone().json()) as { operationName: string };
    if (used || body.operationName !== operationName) return undefined;
    used = true;
    return answer();
  });
}

// The first test pays for loading the task route and types a few dozen
// keystrokes; on a busy shared machine that can pass the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

describe('completing a task without a form (variables editor)', () => {
  it('shows an inline error for invalid JSON and completes once it is valid', async () => {
    const world = new World([
      aClaimedTask({
        id: '1',
        name: 'First',
        variables: [aVariable('amount', 12)],
      }),
      aTask({ id: '2', name: 'Second' }),
    ]);
    const { user } = await renderAtUrl('/tasks/1', { world });
    await user.click(
      await screen.findByRole('button', { name: 'Add variable' }),
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Name of new variable 1' }),
      'decision',
    );
    const value = screen.getByRole('textbox', {
      name: 'Value of new variable 1',
    });
    await user.type(value, 'approved');
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(
      await screen.findByText(/This is not valid JSON/),
    ).toBeInTheDocument();
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveFocus();
    expect(world.find('1').taskState).toBe('CREATED');

    await user.clear(value);
    await user.type(value, '"approved"');
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(world.find('1').taskState).toBe('COMPLETED');
    expect(world.find('1').variables).toContainEqual({
      name: 'decision',
      value: '"approved"',
    });
    // The view moves on to the next task in the list, and focus follows.
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Second',
    });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
  });

  it('edits an existing variable, removes an added one, and sends only changes', async () => {
    const world = new World([
      aClaimedTask({
        id: '1',
        variables: [aVariable('amount', 12), aVariable('note', 'x')],
      }),
    ]);
    const { user } = await renderAtUrl('/tasks/1', { world });
    await user.click(
      await screen.findByRole('button', { name: 'Edit amount' }),
    );
    const amount = screen.getByRole('textbox', { name: 'Value of amount' });
    await user.clear(amount);
    await user.type(amount, '15');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.click(
      screen.getByRole('button', { name: 'Remove new variable 1' }),
    );
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(world.find('1').variables).toEqual([
      { name: 'amount', value: '15' },
      { name: 'note', value: '"x"' },
    ]);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Pick a task to work on',
      }),
    ).toBeInTheDocument();
  });

  it('keeps the editor read-only and Complete task unavailable until the task is mine', async () => {
    const world = new World([
      aTask({ id: '1', variables: [aVariable('amount', 12)] }),
    ]);
    await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByRole('button', { name: 'Complete task' }),
    ).toBeDisabled();
    expect(
      screen.getByText('Assign the task to yourself to complete it.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add variable' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit amount' }),
    ).not.toBeInTheDocument();
  });

  it('explains "Task is not active" and keeps the input', async () => {
    const world = new World([aClaimedTask({ id: '1' })]);
    const { user } = await renderAtUrl('/tasks/1', { world });
    await user.click(
      await screen.findByRole('button', { name: 'Add variable' }),
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Name of new variable 1' }),
      'ok',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Value of new variable 1' }),
      'true',
    );
    world.find('1').taskState = 'CANCELED';
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Task is not active');
    expect(alert).toHaveTextContent(/completed or cancelled/);
    expect(
      screen.getByRole('textbox', { name: 'Name of new variable 1' }),
    ).toHaveValue('ok');
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it('says "Task is not assigned to you" when Tasklist refuses the assignee', async () => {
    const refuse = failOnce('CompleteTaskMutation', () =>
      HttpResponse.json({
        data: null,
        errors: [{ message: 'Task is not assigned to demo' }],
      }),
    );
    const { user } = await renderAtUrl('/tasks/1', {
      world: new World([aClaimedTask({ id: '1' })]),
      handlers: [refuse],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Complete task' }),
    );
    expect(
      await screen.findByText('Task is not assigned to you'),
    ).toBeInTheDocument();
  });

  it('offers Try again after a network error, and succeeds on retry', async () => {
    const world = new World([aClaimedTask({ id: '1' })]);
    const { user } = await renderAtUrl('/tasks/1', {
      world,
      handlers: [failOnce('CompleteTaskMutation', () => HttpResponse.error())],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Complete task' }),
    );
    expect(
      await screen.findByText('The task could not be completed'),
    ).toBeInTheDocument();
    expect(world.find('1').taskState).toBe('CREATED');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(world.find('1').taskState).toBe('COMPLETED');
  });

  it('loads a truncated variable in full on request', async () => {
    const long = 'x'.repeat(9000);
    const world = new World([
      aTask({ id: '1', variables: [aVariable('payload', long)] }),
    ]);
    const { user } = await renderAtUrl('/tasks/1', { world });
    const table = await screen.findByRole('table', { name: 'Variables' });
    expect(
      within(table).getByText(/Only the first 8,191 characters are shown/),
    ).toBeInTheDocument();
    await user.click(
      within(table).getByRole('button', {
        name: 'Load the full value of payload',
      }),
    );
    await waitFor(() => {
      expect(within(table).getByText(`"${long}"`)).toBeInTheDocument();
    });
    expect(within(table).queryByText(/Only the first/)).not.toBeInTheDocument();
  });

  it('restores a draft after a reload and clears it only after completion', async () => {
    const world = new World([aClaimedTask({ id: '1' })]);
    const view = await renderAtUrl('/tasks/1', { world });
    await view.user.click(
      await screen.findByRole('button', { name: 'Add variable' }),
    );
    await view.user.type(
      screen.getByRole('textbox', { name: 'Name of new variable 1' }),
      'comment',
    );
    await view.user.type(
      screen.getByRole('textbox', { name: 'Value of new variable 1' }),
      '"half done"',
    );
    view.unmount();

    const { user } = await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByRole('textbox', { name: 'Name of new variable 1' }),
    ).toHaveValue('comment');
    expect(
      screen.getByRole('textbox', { name: 'Value of new variable 1' }),
    ).toHaveValue('"half done"');
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(sessionStorage.getItem('tasklist-inbox:draft:demo:1')).toBeNull();
  });
});
