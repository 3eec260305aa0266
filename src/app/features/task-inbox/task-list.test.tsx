import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aTask } from '../../test/factories';
import { TASKLIST_URL, TOKEN_URL } from '../../test/msw-server';
import { renderAtUrl } from '../../test/render-at-url';
import { World } from '../../test/world';
import { TASK_INBOX_ROUTE_QUERY } from './task-inbox-query';
import { ROW_HEIGHT } from './task-list';
import { toTaskQuery } from './task-view';

// Whole-app tests on a busy machine: room beyond the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

const viewer = { username: 'demo', groups: ['accounting', 'management'] };

/** `count` open tasks, newest first by creation time. */
function manyTasks(count: number, prefix = 't') {
  return Array.from({ length: count }, (_, i) =>
    aTask({
      id: `${prefix}${String(i).padStart(5, '0')}`,
      name: `Task ${String(i)}`,
      creationTime: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    }),
  );
}

function scrollTo(element: HTMLElement, top: number) {
  element.scrollTop = top;
  fireEvent.scroll(element);
}

describe('task list', () => {
  it('loads the next 50 tasks with searchAfter when scrolled near the end', async () => {
    const world = new World(manyTasks(120));
    await renderAtUrl('/tasks', { world });
    expect(await screen.findByText('50+ tasks')).toBeInTheDocument();
    scrollTo(screen.getByTestId('task-list-scroller'), 45 * ROW_HEIGHT);
    expect(await screen.findByText('100+ tasks')).toBeInTheDocument();
    scrollTo(screen.getByTestId('task-list-scroller'), 95 * ROW_HEIGHT);
    expect(await screen.findByText('120 tasks')).toBeInTheDocument();
    expect(
      world.operations.filter((o) => o === 'TaskInboxRouteQuery'),
    ).toHaveLength(3);
  });

  it(
    'keeps fewer than 100 rows in the DOM with 10,000 loaded tasks',
    { timeout: 60_000 },
    async () => {
      const world = new World(manyTasks(50));
      const { client } = await renderAtUrl('/tasks', { world });
      await screen.findByText('50+ tasks');
      const query = toTaskQuery({}, viewer);
      const rest = manyTasks(10_000)
        .slice(50)
        .map((task) => ({
          ...task,
          variables: null,
          sortValues: ['0', task.id],
          isFirst: false,
        }));
      act(() => {
        client.writeQuery({
          query: TASK_INBOX_ROUTE_QUERY,
          variables: { query: { ...query, searchAfter: ['0', 't00049'] } },
          data: { tasks: rest },
        });
      });
      expect(await screen.findByText('10,000+ tasks')).toBeInTheDocument();
      const list = screen.getByRole('list', { name: 'Tasks' });
      expect(within(list).getAllByRole('listitem').length).toBeLessThan(100);
      scrollTo(screen.getByTestId('task-list-scroller'), 5000 * ROW_HEIGHT);
      expect(
        await within(list).findByRole('link', { name: /^Task 5000,/ }),
      ).toBeInTheDocument();
      expect(within(list).getAllByRole('listitem').length).toBeLessThan(100);
    },
  );

  it('announces new tasks above the viewport without moving the list, and scrolls up on request', async () => {
    const world = new World(manyTasks(30));
    const { user } = await renderAtUrl('/tasks', {
      world,
      pollIntervalMs: 100,
    });
    await screen.findByText('30 tasks');
    const scroller = screen.getByTestId('task-list-scroller');
    scrollTo(scroller, 10 * ROW_HEIGHT);
    world.tasks.push(
      aTask({
        id: 'new1',
        name: 'Brand new 1',
        creationTime: '2026-06-01T00:00:00.000Z',
      }),
      aTask({
        id: 'new2',
        name: 'Brand new 2',
        creationTime: '2026-06-02T00:00:00.000Z',
      }),
    );
    const notice = await screen.findByRole(
      'button',
      { name: '2 new tasks' },
      { timeout: 3000 },
    );
    // The same tasks stay under the pointer: the offset grew by two rows.
    expect(scroller.scrollTop).toBe(12 * ROW_HEIGHT);
    await user.click(notice);
    expect(scroller.scrollTop).toBe(0);
    expect(
      screen.queryByRole('button', { name: /new tasks/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Brand new 2/ }),
    ).toBeInTheDocument();
  });

  it('polls while visible, pauses while the tab is hidden and while a page is loading', async () => {
    const pollIntervalMs = 50;
    // The clock still moves by itself, so the app and Testing Library run as
    // usual; the quiet stretches below are skipped ahead on it instead of
    // being waited out, and the poll timers due in them all fire.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      shouldAdvanceTime: true,
    });
    const world = new World(manyTasks(120));
    let hidden = false;
    const hiddenSpy = vi
      .spyOn(document, 'hidden', 'get')
      .mockImplementation(() => hidden);
    try {
      let releasePage: (() => void) | undefined;
      // Holds the next-page request until the test releases it, then lets
      // the fake Tasklist answer it.
      const slowNextPage = http.post(TASKLIST_URL, async ({ request }) => {
        const body = (await request.clone().json()) as {
          variables?: unknown;
        };
        if (JSON.stringify(body.variables).includes('searchAfter')) {
          await new Promise<void>((resolve) => {
            releasePage = resolve;
          });
        }
        return undefined;
      });
      await renderAtUrl('/tasks', {
        world,
        pollIntervalMs,
        handlers: [slowNextPage],
      });
      await screen.findByText('50+ tasks');
      const inboxQueries = () =>
        world.operations.filter((o) => o === 'TaskInboxRouteQuery').length;
      const skipPolls = (count: number) =>
        vi.advanceTimersByTimeAsync(count * pollIntervalMs);

      // Visible: the list refetches on its own.
      const before = inboxQueries();
      await waitFor(() => {
        expect(inboxQueries()).toBeGreaterThan(before + 1);
      });

      // Hidden: once a poll that had already started settles, nothing more.
      hidden = true;
      await skipPolls(2);
      const whileHidden = inboxQueries();
      await skipPolls(10);
      expect(inboxQueries()).toBe(whileHidden);

      // A page being loaded: polls wait until it has arrived.
      hidden = false;
      scrollTo(screen.getByTestId('task-list-scroller'), 45 * ROW_HEIGHT);
      await waitFor(() => {
        expect(releasePage).toBeDefined();
      });
      const whileLoading = inboxQueries();
      await skipPolls(10);
      expect(inboxQueries()).toBe(whileLoading);
      releasePage?.();
      expect(await screen.findByText('100+ tasks')).toBeInTheDocument();
      await waitFor(() => {
        expect(inboxQueries()).toBeGreaterThan(whileLoading + 1);
      });
    } finally {
      hiddenSpy.mockRestore();
      vi.useRealTimers();
    }
  });

  it('shows the offline banner while the token endpoint is down, and recovers', async () => {
    let down = true;
    const tokenDown = http.post(TOKEN_URL, () =>
      down
        ? HttpResponse.json(
            { code: 'token_provider_unavailable', retryable: true },
            { status: 503 },
          )
        : undefined,
    );
    const { user } = await renderAtUrl('/tasks', {
      world: new World(manyTasks(3)),
      handlers: [tokenDown],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'The tasks could not be loaded',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Connection lost — retrying')).toBeInTheDocument();
    down = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('3 tasks')).toBeInTheDocument();
    await waitFor(() => {
      expect(
        screen.queryByText('Connection lost — retrying'),
      ).not.toBeInTheDocument();
    });
  });

  it('shows the banner when the browser goes offline and refreshes when it is back', async () => {
    const world = new World(manyTasks(2));
    await renderAtUrl('/tasks', { world });
    await screen.findByText('2 tasks');
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByText('Connection lost — retrying')).toBeInTheDocument();
    world.tasks.push(
      aTask({
        id: 'later',
        name: 'Arrived while offline',
        creationTime: '2026-06-01T00:00:00.000Z',
      }),
    );
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(
      await screen.findByRole('link', { name: /Arrived while offline/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Connection lost — retrying'),
    ).not.toBeInTheDocument();
  });

  it('explains a refused entitlement instead of retrying', async () => {
    const refuse = http.post(TOKEN_URL, () =>
      HttpResponse.json({ code: 'not_entitled' }, { status: 403 }),
    );
    await renderAtUrl('/tasks', {
      world: new World(manyTasks(1)),
      handlers: [refuse],
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'No access to the task inbox',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Your account is not allowed to use the task inbox.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
