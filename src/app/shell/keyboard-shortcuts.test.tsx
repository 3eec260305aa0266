import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  aClaimedTask,
  aCompletedTask,
  aForm,
  aTask,
  aVariable,
} from '../test/factories';
import { renderAtUrl as renderApp } from '../test/render-at-url';
import { World } from '../test/world';

// Whole-app tests with forms on a busy machine: room beyond the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

// The key listener loads right after the first render; keys wait for it.
async function renderAtUrl(...args: Parameters<typeof renderApp>) {
  const view = await renderApp(...args);
  await screen.findByTestId('shortcut-announcer');
  return view;
}

function announcer() {
  return screen.getByTestId('shortcut-announcer');
}

async function announced(text: string) {
  await waitFor(() => {
    expect(announcer().textContent.trim()).toBe(text);
  });
}

function card(name: string) {
  return within(screen.getByRole('list', { name: 'Tasks' })).getByRole('link', {
    name: new RegExp(`^${name},`),
  });
}

function threeTasks() {
  return new World([
    aTask({
      id: '1',
      name: 'First',
      creationTime: '2026-11-28T12:00:00.000+0000',
    }),
    aTask({
      id: '2',
      name: 'Second',
      creationTime: '2026-11-28T11:00:00.000+0000',
    }),
    aTask({
      id: '3',
      name: 'Third',
      creationTime: '2026-11-28T10:00:00.000+0000',
    }),
  ]);
}

describe('keyboard shortcuts', () => {
  it('j and k move through the list, Enter opens, Escape returns to the task’s card', async () => {
    const { user, router } = await renderAtUrl('/tasks', {
      world: threeTasks(),
    });
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('j');
    expect(card('First')).toHaveFocus();
    await announced('Task 1 of 3');
    await user.keyboard('jj');
    expect(card('Third')).toHaveFocus();
    await user.keyboard('j');
    await announced('This is the last task.');
    await user.keyboard('k');
    expect(card('Second')).toHaveFocus();
    await announced('Task 2 of 3');

    await user.keyboard('{Enter}');
    // The task route's code loads on first use.
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Second' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/2');

    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/tasks');
    });
    await announced('Back to the list');
    await waitFor(() => {
      expect(card('Second')).toHaveFocus();
    });
    // The list carries on from there.
    await user.keyboard('j');
    expect(card('Third')).toHaveFocus();
  });

  it('a assigns the open task to me and unassigns it again', async () => {
    const world = new World([aTask({ id: '1', name: 'Take me' })]);
    const { user } = await renderAtUrl('/tasks/1', { world });
    await screen.findByRole('button', { name: 'Assign to me' });
    await user.keyboard('a');
    expect(
      await screen.findByText('Task assigned to you.'),
    ).toBeInTheDocument();
    expect(world.find('1').assignee).toBe('demo');
    await screen.findByRole('button', { name: 'Unassign' });
    await user.keyboard('a');
    expect(await screen.findByText('Task unassigned.')).toBeInTheDocument();
    expect(world.find('1').assignee).toBeNull();
  });

  it('says why a and Ctrl+Enter cannot act', async () => {
    const world = new World([
      aClaimedTask({ id: '1', name: 'Theirs', assignee: 'alice' }),
      aCompletedTask({ id: '2', name: 'Done' }),
    ]);
    const { user, router } = await renderAtUrl('/tasks/1', { world });
    await screen.findByRole('heading', { level: 1, name: 'Theirs' });
    await user.keyboard('a');
    await announced(
      'This task is assigned to alice; only they can unassign it.',
    );
    await user.keyboard('{Control>}{Enter}{/Control}');
    await announced('Assign the task to yourself to complete it.');
    await router.navigate({ to: '/tasks/$taskId', params: { taskId: '2' } });
    await screen.findByRole('heading', { level: 1, name: 'Done' });
    await user.keyboard('a');
    await announced('This task is completed, so it cannot be assigned.');
    await router.navigate({ to: '/tasks' });
    await screen.findByRole('heading', {
      level: 1,
      name: 'Pick a task to work on',
    });
    await user.keyboard('a');
    await announced('Open a task to assign it.');
  });

  it('f focuses the form’s first field to fill in; Ctrl+Enter completes only a valid form, even while typing, then the next task opens', async () => {
    const form = aForm({
      schema: JSON.stringify({
        type: 'default',
        id: 'Form_1',
        schemaVersion: 16,
        components: [
          {
            type: 'textfield',
            id: 'Field_reference',
            key: 'reference',
            label: 'Reference',
            readonly: true,
          },
          {
            type: 'textfield',
            id: 'Field_comment',
            key: 'comment',
            label: 'Comment',
            validate: { required: true },
          },
        ],
      }),
    });
    const world = new World(
      [
        aClaimedTask({
          id: '1',
          name: 'With form',
          formKey: `camunda-forms:bpmn:${form.id}`,
          creationTime: '2026-11-28T12:00:00.000+0000',
        }),
        aClaimedTask({
          id: '2',
          name: 'Next one',
          creationTime: '2026-11-28T11:00:00.000+0000',
        }),
      ],
      [form],
    );
    const { user, router } = await renderAtUrl('/tasks/1', { world });
    // form-js loads on demand; the first import can take a while.
    const comment = await screen.findByLabelText(
      /^Comment/,
      {},
      { timeout: 15_000 },
    );
    await user.keyboard('f');
    expect(comment).toHaveFocus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(
      await screen.findByText('Please review 1 field.'),
    ).toBeInTheDocument();
    expect(world.find('1').taskState).toBe('CREATED');
    // Typing a shortcut's letter in the field types it.
    await user.type(comment, 'fine, ja');
    expect(comment).toHaveValue('fine, ja');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Task completed')).toBeInTheDocument();
    expect(world.find('1').variables).toContainEqual(
      aVariable('comment', 'fine, ja'),
    );
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/tasks/2');
    });
  });

  it('/ opens the filter dialog, and keys typed in it stay there', async () => {
    const { user } = await renderAtUrl('/tasks', { world: threeTasks() });
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('/');
    // The dialog's code loads on first use.
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Filter tasks' },
      { timeout: 10_000 },
    );
    await announced('Filter tasks');
    const candidate = within(dialog).getByRole('textbox', {
      name: 'Candidate user',
    });
    await user.type(candidate, 'jk1?');
    expect(candidate).toHaveValue('jk1?');
    expect(
      screen.queryByRole('dialog', { name: 'Keyboard shortcuts' }),
    ).toBeNull();
  });

  it('1 to 5 switch queues', async () => {
    const { user, router } = await renderAtUrl('/tasks', {
      world: threeTasks(),
    });
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('3');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ filter: 'unassigned' });
    });
    await announced('Showing Unassigned');
    await user.keyboard('5');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ filter: 'completed' });
    });
    await user.keyboard('1');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({});
    });
  });

  it('? lists every shortcut in a dialog', async () => {
    const { user } = await renderAtUrl('/tasks', { world: threeTasks() });
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('?');
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Keyboard shortcuts' },
      { timeout: 10_000 },
    );
    const keys = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(keys).toEqual([
      'j',
      'k',
      'Enter',
      'Escape',
      'a',
      'f',
      'Ctrl + Enter',
      '/',
      '1 – 5',
      '?',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  it('can be turned off (and on) in the account menu, remembered across reloads', async () => {
    const view = await renderAtUrl('/tasks', { world: threeTasks() });
    await screen.findByRole('list', { name: 'Tasks' });
    await view.user.click(screen.getByRole('button', { name: /^Account: / }));
    const toggle = await screen.findByRole('menuitemcheckbox', {
      name: 'Keyboard shortcuts',
    });
    expect(toggle).toBeChecked();
    await view.user.click(toggle);
    await waitFor(() => {
      expect(localStorage.getItem('tasklist-inbox.keyboard-shortcuts')).toBe(
        'off',
      );
    });
    await view.user.keyboard('{Escape}');
    await view.user.keyboard('3');
    expect(view.router.state.location.search).toEqual({});
    view.unmount();

    const utils = await renderAtUrl('/tasks', { world: threeTasks() });
    await screen.findByRole('list', { name: 'Tasks' });
    await utils.user.keyboard('j');
    expect(document.body).toHaveFocus();
    await utils.user.click(screen.getByRole('button', { name: /^Account: / }));
    const again = await screen.findByRole('menuitemcheckbox', {
      name: 'Keyboard shortcuts',
    });
    expect(again).not.toBeChecked();
    await utils.user.click(
      screen.getByRole('menuitem', { name: 'Show keyboard shortcuts' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Keyboard shortcuts',
    });
    expect(dialog).toHaveTextContent('Shortcuts are turned off.');
    // The dialog's own switch turns them back on.
    const use = within(dialog).getByRole('checkbox', {
      name: 'Use keyboard shortcuts',
    });
    expect(use).not.toBeChecked();
    await utils.user.click(use);
    expect(localStorage.getItem('tasklist-inbox.keyboard-shortcuts')).toBe(
      'on',
    );
  });
});
