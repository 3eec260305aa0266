import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCompletedTask, aForm, aTask, aVariable } from '../../test/factories';
import { TASKLIST_URL } from '../../test/msw-server';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

const FORM_KEY = 'camunda-forms:bpmn:userTaskForm_1';

/** Holds the fake Tasklist's answers to `operationName` until released. */
function holdOperation(operationName: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let received = 0;
  const handler = http.post(TASKLIST_URL, async ({ request }) => {
    const body = (await request.clone().json()) as { operationName?: string };
    if (body.operationName === operationName) {
      received += 1;
      await held;
    }
    return undefined;
  });
  return {
    handler,
    received: () => received,
    release: () => {
      release();
    },
  };
}

const count = (world: World, operation: string) =>
  world.operations.filter((name) => name === operation).length;

// Requests are counted, never timed: which request waits for which is
// what makes opening a task fast or slow (issue 11, figure 5).
describe('loading a task form', { timeout: 30_000 }, () => {
  it('fills the form from the variables that came with the task, without asking for them again', async () => {
    const world = new World(
      [
        aTask({
          id: '1',
          formKey: FORM_KEY,
          variables: [aVariable('comment', 'hello')],
        }),
      ],
      [aForm()],
    );
    await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByLabelText(/Comment/, {}, { timeout: 5000 }),
    ).toHaveValue('hello');
    expect(count(world, 'TaskFormQuery')).toBe(1);
    expect(count(world, 'TaskFormVariablesQuery')).toBe(0);
  });

  it('asks for the full value when the task brought a form variable cut short', async () => {
    const long = `${'x'.repeat(9000)}end`;
    const world = new World(
      [
        aTask({
          id: '1',
          formKey: FORM_KEY,
          variables: [aVariable('comment', long)],
        }),
      ],
      [aForm()],
    );
    await renderAtUrl('/tasks/1', { world });
    expect(
      await screen.findByLabelText(/Comment/, {}, { timeout: 5000 }),
    ).toHaveValue(long);
    expect(count(world, 'TaskFormVariablesQuery')).toBe(1);
  });

  it('asks for the form of a task opened from the list while the task itself is still on its way', async () => {
    const world = new World(
      [
        aTask({
          id: '1',
          name: 'Review the offer',
          formKey: FORM_KEY,
          variables: [aVariable('comment', 'hello')],
        }),
      ],
      [aForm()],
    );
    const hold = holdOperation('TaskDetailsRouteQuery');
    const { user } = await renderAtUrl('/tasks', {
      world,
      handlers: [hold.handler],
    });
    const list = await screen.findByRole('list', { name: 'Tasks' });
    await user.click(
      await within(list).findByRole('link', { name: /Review the offer/ }),
    );
    // The task's answer is held, yet the form request has gone out.
    await waitFor(() => {
      expect(count(world, 'TaskFormQuery')).toBe(1);
    });
    expect(hold.received()).toBeGreaterThan(0);
    expect(count(world, 'TaskDetailsRouteQuery')).toBe(0);
    hold.release();
    expect(
      await screen.findByLabelText(/Comment/, {}, { timeout: 5000 }),
    ).toHaveValue('hello');
    // The form area read the schema fetched beside the task, not again.
    expect(count(world, 'TaskFormQuery')).toBe(1);
    expect(count(world, 'TaskFormVariablesQuery')).toBe(0);
  });

  it('does not ask for the form of a completed task opened from the list', async () => {
    const world = new World(
      [aCompletedTask({ id: '1', name: 'Done already', formKey: FORM_KEY })],
      [aForm()],
    );
    const { user } = await renderAtUrl('/tasks?state=completed', { world });
    const list = await screen.findByRole('list', { name: 'Tasks' });
    await user.click(
      await within(list).findByRole('link', { name: /Done already/ }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Done already' }),
    ).toBeInTheDocument();
    expect(count(world, 'TaskFormQuery')).toBe(0);
  });
});
