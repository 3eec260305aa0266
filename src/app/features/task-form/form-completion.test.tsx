import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aClaimedTask, aForm, aTask, aVariable } from '../../test/factories';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

const FORM_KEY = 'camunda-forms:bpmn:userTaskForm_1';

function worldWith(task: ReturnType<typeof aTask>) {
  return new World([task], [aForm()]);
}

describe('completing a task with a Camunda form', { timeout: 30_000 }, () => {
  it('prefills the form from the variables and keeps it read-only until the task is mine', async () => {
    const world = worldWith(
      aTask({
        id: '1',
        formKey: FORM_KEY,
        variables: [aVariable('comment', 'hello')],
      }),
    );
    const { user } = await renderAtUrl('/tasks/1', { world });
    const field = await screen.findByLabelText(
      /Comment/,
      {},
      { timeout: 5000 },
    );
    expect(field).toHaveValue('hello');
    expect(field).toHaveAttribute('readonly');
    expect(
      screen.getByRole('button', { name: 'Complete task' }),
    ).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    await waitFor(() => {
      expect(screen.getByLabelText(/Comment/)).not.toHaveAttribute('readonly');
    });
    expect(screen.getByRole('button', { name: 'Complete task' })).toBeEnabled();
  });

  it('shows validation errors on the fields and does not send anything', async () => {
    const world = worldWith(aClaimedTask({ id: '1', formKey: FORM_KEY }));
    const { user } = await renderAtUrl('/tasks/1', { world });
    const field = await screen.findByLabelText(
      /Comment/,
      {},
      { timeout: 5000 },
    );
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(
      await screen.findByText('Please review 1 field.'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(field).toHaveFocus();
    });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(world.find('1').taskState).toBe('CREATED');
    expect(world.operations).not.toContain('CompleteTaskMutation');
  });

  it('sends every form value JSON-encoded when valid, then shows the toast', async () => {
    const world = worldWith(aClaimedTask({ id: '1', formKey: FORM_KEY }));
    const { user } = await renderAtUrl('/tasks/1', { world });
    await user.type(
      await screen.findByLabelText(/Comment/, {}, { timeout: 10_000 }),
      'All good',
    );
    await user.click(screen.getByRole('button', { name: 'Complete task' }));
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(world.find('1').taskState).toBe('COMPLETED');
    expect(world.find('1').variables).toContainEqual({
      name: 'comment',
      value: '"All good"',
    });
  });

  it('restores the draft after a reload', async () => {
    const world = worldWith(aClaimedTask({ id: '1', formKey: FORM_KEY }));
    const view = await renderAtUrl('/tasks/1', { world });
    await view.user.type(
      await screen.findByLabelText(/Comment/, {}, { timeout: 10_000 }),
      'typed before reload',
    );
    await waitFor(() => {
      expect(sessionStorage.getItem('tasklist-inbox:draft:demo:1')).toContain(
        'typed before reload',
      );
    });
    view.unmount();
    await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByLabelText(/Comment/, {}, { timeout: 10_000 }),
    ).toHaveValue('typed before reload');
    expect(
      screen.getByText('Your unsaved input was restored.'),
    ).toBeInTheDocument();
  });

  it('falls back to the variables when the form schema is invalid', async () => {
    const world = new World(
      [
        aClaimedTask({
          id: '1',
          formKey: FORM_KEY,
          variables: [aVariable('amount', 3)],
        }),
      ],
      [aForm({ schema: '{not json' })],
    );
    await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByText(/form could not be displayed/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Variables' }),
    ).toBeInTheDocument();
  });
});
