import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aClaimedTask, aCompletedTask, aTask } from '../../test/factories';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';

describe('inbox (/tasks)', () => {
  it('lists open tasks with name, process, assignee and dates, and shows the empty detail pane', async () => {
    const world = new World([
      aTask({
        id: '1',
        name: 'Check payment',
        processName: 'Order',
        assignee: null,
      }),
      aClaimedTask({ id: '2', name: 'Ship goods', assignee: 'demo' }),
      aTask({ id: '3', name: 'Review invoice', assignee: 'alice' }),
    ]);
    await renderAtUrl('/tasks', { world });
    const list = await screen.findByRole('list', { name: 'Tasks' });
    const cards = within(list).getAllByRole('link');
    expect(cards).toHaveLength(3);
    expect(
      within(list).getByRole('link', { name: /Check payment/ }),
    ).toHaveTextContent('Unassigned');
    expect(
      within(list).getByRole('link', { name: /Ship goods/ }),
    ).toHaveTextContent('Me');
    expect(
      within(list).getByRole('link', { name: /Review invoice/ }),
    ).toHaveTextContent('alice');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Pick a task to work on' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('navigation', { name: 'Task filters' }),
    ).toBeInTheDocument();
  });

  it('names the active filter when nothing matches', async () => {
    await renderAtUrl('/tasks?filter=completed', {
      world: new World([aTask()]),
    });
    expect(
      await screen.findByRole('heading', { name: 'No tasks found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/There are no tasks in “Completed”/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Completed' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('filters by the URL: assigned to me, unassigned, completed', async () => {
    const world = new World([
      aTask({ name: 'Free task' }),
      aClaimedTask({ name: 'My task' }),
      aCompletedTask({ name: 'Done task' }),
    ]);
    const { user } = await renderAtUrl('/tasks?filter=assigned-to-me', {
      world,
    });
    const list = await screen.findByRole('list', { name: 'Tasks' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([expect.stringContaining('My task')]);
    await user.click(screen.getByRole('link', { name: 'Unassigned' }));
    expect(
      await screen.findByRole('link', { name: /Free task/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /My task/ }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Completed' }));
    expect(
      await screen.findByRole('link', { name: /Done task/ }),
    ).toBeInTheDocument();
  });
});
