import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowConsole } from '../../test/allow-console';
import { aProcess, aTask } from '../../test/factories';
import { TASKLIST_URL } from '../../test/msw-server';
import { renderAtUrl } from '../../test/render-at-url';
import { TasklistError, World } from '../../test/world';

function demoWorld(): World {
  const world = new World();
  world.processes = [
    aProcess({
      id: '2251799813685249',
      name: 'Vacation request',
      processDefinitionId: 'vacation-request',
      version: 3,
    }),
    aProcess({
      id: '2251799813685251',
      name: 'Invoice approval',
      processDefinitionId: 'invoice-approval',
      version: 1,
    }),
  ];
  return world;
}

/** Operation names seen by the fake Tasklist, `name` only. */
const count = (world: World, name: string) =>
  world.operations.filter((o) => o === name).length;

/**
 * Holds the fake Tasklist's answer to `operationName` until released, then
 * lets the default handler answer it.
 */
function holdOperation(operationName: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = http.post(TASKLIST_URL, async ({ request }) => {
    const body = (await request.clone().json()) as { operationName?: string };
    if (body.operationName === operationName) await held;
    return undefined;
  });
  return {
    handler,
    release: () => {
      release();
    },
  };
}

/** The items of the process list (the header navigation has list items too). */
const processItems = () =>
  within(screen.getByRole('list', { name: 'Processes' })).getAllByRole(
    'listitem',
  );

const startButton = (name: string) =>
  screen.getByRole('button', { name: `Start process ${name}` });

afterEach(() => {
  vi.useRealTimers();
});

/**
 * With the clock faked, moves it on in steps (letting requests finish in
 * between) until `assertion` passes: the polling window is seconds long.
 */
async function fastForwardUntil(assertion: () => void, maxMs = 15_000) {
  const stepMs = 250;
  for (let waited = 0; ; waited += stepMs) {
    try {
      assertion();
      return;
    } catch (error) {
      if (waited >= maxMs) throw error;
    }
    await vi.advanceTimersByTimeAsync(stepMs);
  }
}

describe('processes page (/processes)', () => {
  it('lists each process with its name, version and a Start process button', async () => {
    await renderAtUrl('/processes', { world: demoWorld() });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Processes' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Processes' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const vacation = within(list).getByRole('listitem', {
      name: 'Vacation request',
    });
    expect(vacation).toHaveTextContent('Version 3');
    expect(vacation).toHaveTextContent('vacation-request');
    const button = within(vacation).getByRole('button', {
      name: 'Start process Vacation request',
    });
    // The visible text stays "Start process"; the name is for screen readers.
    expect(within(button).getByText('Vacation request')).toHaveClass(
      'visually-hidden',
    );
    expect(
      screen.getByRole('searchbox', { name: 'Search processes' }),
    ).toBeInTheDocument();
  });

  it('marks the current section in the header navigation, which leads both ways', async () => {
    const { user, router } = await renderAtUrl('/tasks', {
      world: demoWorld(),
    });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Tasks' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(within(nav).getByRole('link', { name: 'Processes' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Processes' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/processes');
    expect(
      within(nav).getByRole('link', { name: 'Processes' }),
    ).toHaveAttribute('aria-current', 'page');
    expect(
      within(nav).getByRole('link', { name: 'Tasks' }),
    ).not.toHaveAttribute('aria-current');
    await user.click(within(nav).getByRole('link', { name: 'Tasks' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/tasks');
    });
  });

  it('searches by name or id as you type, keeps the search in the URL, and can clear it', async () => {
    const world = demoWorld();
    const { user, router } = await renderAtUrl('/processes', { world });
    const field = await screen.findByRole('searchbox', {
      name: 'Search processes',
    });
    await user.type(field, 'vacat');
    await waitFor(() => {
      expect(router.state.location.search).toEqual({ q: 'vacat' });
    });
    await waitFor(() => {
      expect(processItems()).toHaveLength(1);
    });
    expect(startButton('Vacation request')).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(field).toHaveValue('vacat');

    await user.clear(field);
    await user.type(field, 'nothing-like-this{Enter}');
    expect(
      await screen.findByRole('heading', { name: 'No processes found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No process name or id contains “nothing-like-this”.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => {
      expect(processItems()).toHaveLength(2);
    });
    expect(field).toHaveValue('');
    expect(router.state.location.search).toEqual({});
  });

  it('opens with the search of a shared link', async () => {
    await renderAtUrl('/processes?q=invoice', { world: demoWorld() });
    expect(
      await screen.findByRole('searchbox', { name: 'Search processes' }),
    ).toHaveValue('invoice');
    await screen.findByRole('list', { name: 'Processes' });
    expect(processItems()).toHaveLength(1);
    expect(startButton('Invoice approval')).toBeInTheDocument();
  });

  it('says when nothing can be started at all', async () => {
    await renderAtUrl('/processes', { world: new World() });
    expect(
      await screen.findByRole('heading', { name: 'No processes to start' }),
    ).toBeInTheDocument();
  });

  it('starts a process, waits for its first task and opens it', async () => {
    const world = demoWorld();
    // Like a real cluster, the task shows up a moment after the start.
    world.onStart = (_process, instanceId) => {
      setTimeout(() => {
        world.tasks.push(
          aTask({
            id: 'review-1',
            name: 'Review vacation request',
            processInstanceId: instanceId,
            candidateGroups: ['management'],
          }),
        );
      }, 300);
    };
    const { user, router } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Vacation request',
      }),
    );
    expect(
      await screen.findByText('Waiting for the first task…'),
    ).toBeInTheDocument();
    expect(startButton('Vacation request')).toHaveAttribute(
      'aria-busy',
      'true',
    );
    // One start at a time.
    expect(startButton('Invoice approval')).toBeDisabled();
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Review vacation request' },
        { timeout: 4000 },
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/review-1');
    expect(world.started.map((s) => s.bpmnProcessId)).toEqual([
      'vacation-request',
    ]);
    expect(count(world, 'StartProcessMutation')).toBe(1);
    expect(count(world, 'StartProcessFirstTaskQuery')).toBeGreaterThan(1);
  });

  it('shows "Starting…" while Tasklist has not answered yet', async () => {
    const world = demoWorld();
    const hold = holdOperation('StartProcessMutation');
    world.onStart = (_process, instanceId) => {
      world.tasks.push(
        aTask({
          id: 'approve-1',
          name: 'Approve invoice',
          processInstanceId: instanceId,
          candidateGroups: ['accounting'],
        }),
      );
    };
    const { user } = await renderAtUrl('/processes', {
      world,
      handlers: [hold.handler],
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Invoice approval',
      }),
    );
    expect(
      await screen.findByText('Starting Invoice approval…'),
    ).toBeInTheDocument();
    hold.release();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Approve invoice' }),
    ).toBeInTheDocument();
  });

  it('prefers a task assigned to the user over one they could claim', async () => {
    const world = demoWorld();
    world.onStart = (_process, instanceId) => {
      world.tasks.push(
        aTask({
          id: 'hr-task',
          name: 'For HR',
          processInstanceId: instanceId,
          candidateGroups: ['hr'],
        }),
        aTask({
          id: 'claimable',
          name: 'Claimable',
          processInstanceId: instanceId,
          candidateGroups: ['accounting'],
        }),
        aTask({
          id: 'mine',
          name: 'Mine already',
          processInstanceId: instanceId,
          assignee: 'demo',
        }),
      );
    };
    const { user, router } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Invoice approval',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mine already' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/mine');
  });

  it('says so when the first task went to another group, and offers a way back', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldAdvanceTime: true,
    });
    const world = demoWorld();
    world.onStart = (_process, instanceId) => {
      world.tasks.push(
        aTask({
          name: 'Record vacation in the HR system',
          processInstanceId: instanceId,
          candidateGroups: ['hr'],
        }),
        // Not this instance: never picked.
        aTask({ name: 'Other instance', candidateGroups: ['management'] }),
      );
    };
    const { user, router } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Vacation request',
      }),
    );
    await screen.findByText('Waiting for the first task…');
    const item = within(
      screen.getByRole('list', { name: 'Processes' }),
    ).getByRole('listitem', { name: 'Vacation request' });
    await fastForwardUntil(() => {
      expect(within(item).getByRole('status')).toHaveTextContent(
        /Vacation request started, but its first task is not for you\./,
      );
    });
    expect(within(item).getByRole('status')).toHaveTextContent(
      '“Record vacation in the HR system” is for the hr group.',
    );
    expect(router.state.location.pathname).toBe('/processes');
    expect(
      screen.getByRole('link', { name: 'Go to your tasks' }),
    ).toHaveAttribute('href', '/tasks');
    await user.click(screen.getByRole('button', { name: 'Back to processes' }));
    expect(
      screen.queryByText(/its first task is not for you/),
    ).not.toBeInTheDocument();
    expect(startButton('Invoice approval')).toBeEnabled();
  });

  it('says so when no task appears within the polling window', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldAdvanceTime: true,
    });
    const world = demoWorld();
    const { user } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Vacation request',
      }),
    );
    await screen.findByText('Waiting for the first task…');
    const looksBefore = count(world, 'StartProcessFirstTaskQuery');
    await fastForwardUntil(() => {
      expect(
        screen.getByText(
          /Vacation request started, but no task for you appeared/,
        ),
      ).toBeInTheDocument();
    });
    const looks = count(world, 'StartProcessFirstTaskQuery');
    expect(looks).toBeGreaterThan(looksBefore);
    expect(looks).toBeLessThanOrEqual(11);
    // It stopped looking.
    await vi.advanceTimersByTimeAsync(5000);
    expect(count(world, 'StartProcessFirstTaskQuery')).toBe(looks);
    expect(
      screen.getByRole('button', { name: 'Back to processes' }),
    ).toBeInTheDocument();
  });

  it('stops looking when the user leaves the page', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldAdvanceTime: true,
    });
    const world = demoWorld();
    const { user } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Vacation request',
      }),
    );
    await screen.findByText('Waiting for the first task…');
    await user.click(screen.getByRole('link', { name: 'Tasks' }));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Pick a task to work on',
    });
    const looks = count(world, 'StartProcessFirstTaskQuery');
    await vi.advanceTimersByTimeAsync(5000);
    expect(count(world, 'StartProcessFirstTaskQuery')).toBe(looks);
  });

  it('shows an incident at the first gateway inline, and the page stays usable', async () => {
    const world = demoWorld();
    world.onStart = (_process, instanceId) => {
      throw new TasklistError(
        `Process instance ${instanceId} was started, but process instance ${instanceId} stopped at 'approvedGateway' with an incident: Expected at least one condition to evaluate to true, or to have a default flow`,
      );
    };
    const { user } = await renderAtUrl('/processes?q=vac', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Vacation request',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The process started, but stopped at an incident.',
    );
    expect(alert).toHaveTextContent(
      /stopped at “approvedGateway” before it reached a task: Expected at least one condition to evaluate to true, or to have a default flow\./,
    );
    expect(count(world, 'StartProcessFirstTaskQuery')).toBe(0);
    // Nothing is lost: the search and the list stay as they were.
    expect(
      screen.getByRole('searchbox', { name: 'Search processes' }),
    ).toHaveValue('vac');
    expect(startButton('Vacation request')).toBeEnabled();
    await user.click(
      within(alert).getByRole('button', { name: 'Back to processes' }),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a rate limit from the BFF (HTTP 429) with the wait from Retry-After', async () => {
    const world = demoWorld();
    const limited = http.post(TASKLIST_URL, async ({ request }) => {
      const body = (await request.clone().json()) as { operationName?: string };
      if (body.operationName !== 'StartProcessMutation') return undefined;
      return HttpResponse.json(
        {
          type: 'about:blank',
          title: 'Too many requests',
          status: 429,
          code: 'rate_limited',
        },
        {
          status: 429,
          headers: {
            'content-type': 'application/problem+json',
            'retry-after': '42',
          },
        },
      );
    });
    const { user } = await renderAtUrl('/processes', {
      world,
      handlers: [limited],
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Invoice approval',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many processes started.');
    expect(alert).toHaveTextContent('Try again in 42 seconds.');
    expect(world.started).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains the embedded Tasklist’s own rate limit', async () => {
    const world = demoWorld();
    world.onStart = () => {
      throw new TasklistError(
        'Too many requests: at most 1200 per minute per caller. Try again in 7 seconds.',
      );
    };
    const { user } = await renderAtUrl('/processes', { world });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Invoice approval',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Try again in 7 seconds.',
    );
  });

  it('offers to refresh the list when the process is no longer deployed', async () => {
    const world = demoWorld();
    const { user } = await renderAtUrl('/processes', { world });
    const button = await screen.findByRole('button', {
      name: 'Start process Invoice approval',
    });
    // Undeployed after the list was loaded.
    world.processes = world.processes.filter(
      (p) => p.processDefinitionId !== 'invoice-approval',
    );
    await user.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This process is no longer deployed.');
    const listings = count(world, 'ProcessesRouteQuery');
    await user.click(
      within(alert).getByRole('button', { name: 'Refresh the list' }),
    );
    await waitFor(() => {
      expect(count(world, 'ProcessesRouteQuery')).toBe(listings + 1);
    });
    await waitFor(() => {
      expect(processItems()).toHaveLength(1);
    });
    expect(startButton('Vacation request')).toBeEnabled();
  });

  it('says the process may have started when the connection fails', async () => {
    allowConsole();
    const world = demoWorld();
    const offline = http.post(TASKLIST_URL, async ({ request }) => {
      const body = (await request.clone().json()) as { operationName?: string };
      return body.operationName === 'StartProcessMutation'
        ? HttpResponse.error()
        : undefined;
    });
    const { user } = await renderAtUrl('/processes', {
      world,
      handlers: [offline],
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Start process Invoice approval',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The process could not be started.');
    expect(alert).toHaveTextContent('may or may not have started');
  });

  it('shows a failed list inside the app frame, with a retry', async () => {
    allowConsole();
    const world = demoWorld();
    let failing = true;
    const broken = http.post(TASKLIST_URL, async ({ request }) => {
      const body = (await request.clone().json()) as { operationName?: string };
      return failing && body.operationName === 'ProcessesRouteQuery'
        ? HttpResponse.json({
            errors: [{ message: 'Access Denied' }],
            data: null,
          })
        : undefined;
    });
    const { user } = await renderAtUrl('/processes', {
      world,
      handlers: [broken],
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The processes could not be loaded',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('navigation', { name: 'Main' }),
    ).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Processes' }),
    ).toBeInTheDocument();
    await screen.findByRole('list', { name: 'Processes' });
    expect(processItems()).toHaveLength(2);
  });
});
