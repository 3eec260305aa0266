import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { captureLogs } from '../test/log-capture';
import { aFakeTask, type FakeTask } from '../test/fake-tasklist';
import { startProxyHarness, type ProxyBff } from '../test/proxy-harness';

const { start } = await startProxyHarness();

// security.md 11.2 G44-G46 and G51, and issue 9's per-user rules: refusals
// carry Tasklist's own message, the forged mutation never reaches the fake
// Tasklist, the allowed one does, and each decision has an audit line.

const logs = captureLogs();
let bff: ProxyBff;
let alice: string;
let bob: string;

/** Open tasks with no candidates, so visibility never gets in the way here. */
const world = (): FakeTask[] => [
  aFakeTask({ id: '1' }),
  aFakeTask({ id: '2', assignee: 'bob' }),
  aFakeTask({ id: '3', assignee: 'alice' }),
  aFakeTask({
    id: '4',
    assignee: 'alice',
    taskState: 'COMPLETED',
    completed: Date.UTC(2024, 4, 9),
  }),
];

beforeAll(async () => {
  bff = await start({
    tasks: world(),
    logger: logs.logger,
    env: { BFF_START_PROCESS_PER_USER: '2' },
  });
  alice = await bff.bffToken('alice');
  bob = await bff.bffToken('bob');
});
beforeEach(() => {
  bff.tasklist.tasks.splice(0, bff.tasklist.tasks.length, ...world());
  bff.tasklist.calls.length = 0;
  logs.lines.length = 0;
});

const CLAIM = 'ClaimTaskMutation';
const UNCLAIM = 'UnclaimTaskMutation';
const COMPLETE = 'CompleteTaskMutation';

function auditLines() {
  return logs.lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.audit === 'graphql_mutation');
}

function expectTasklistError(
  answer: Awaited<ReturnType<ProxyBff['gql']>>,
  message: string,
) {
  expect(answer.status, answer.raw).toBe(200);
  expect(answer.body.data).toBeNull();
  expect(answer.body.errors?.[0]?.message).toBe(message);
}

describe('claimTask (G44)', () => {
  test('claiming for yourself with override false is forwarded with your name', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: '1',
      assignee: 'alice',
    });
    expect(answer.body).toEqual({
      data: {
        claimTask: {
          id: '1',
          assignee: 'alice',
          taskState: 'CREATED',
          __typename: 'Task',
        },
      },
    });
    expect(bff.tasklist.callsOf('claimTask').map((c) => c.variables)).toEqual([
      { taskId: '1', assignee: 'alice', allowOverrideAssignment: false },
    ]);
  });

  test('a claim for another user is refused with Tasklist’s message and never sent', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: '1',
      assignee: 'bob',
    });
    expectTasklistError(
      answer,
      "User doesn't have the permission to assign another user to this task",
    );
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('an override smuggled in as a variable never reaches Tasklist', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: '2',
      assignee: 'alice',
      allowOverrideAssignment: true,
    });
    expectTasklistError(answer, 'Task is already assigned');
    expect(bff.tasklist.callsOf('claimTask').map((c) => c.variables)).toEqual([
      { taskId: '2', assignee: 'alice', allowOverrideAssignment: false },
    ]);
    expect(bff.tasklist.tasks.find((t) => t.id === '2')?.assignee).toBe('bob');
  });

  test('Tasklist’s own refusal of an assigned task passes through unchanged', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: '2',
      assignee: 'alice',
    });
    expectTasklistError(answer, 'Task is already assigned');
    expect(bff.tasklist.tasks.find((t) => t.id === '2')?.assignee).toBe('bob');
  });

  test('claiming an unknown task gives Tasklist’s not-found message', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: '999',
      assignee: 'alice',
    });
    expectTasklistError(answer, 'Task with id 999 was not found');
    expect(bff.tasklist.callsOf('claimTask')).toEqual([]);
  });
});

describe('unclaimTask and completeTask (G45)', () => {
  test('completing someone else’s task is refused and no completeTask is sent', async () => {
    const answer = await bff.gql(alice, COMPLETE, {
      taskId: '2',
      variables: [],
    });
    expectTasklistError(answer, 'Task is not assigned to alice');
    expect(bff.tasklist.callsOf('completeTask')).toEqual([]);
    expect(bff.tasklist.tasks.find((t) => t.id === '2')?.taskState).toBe(
      'CREATED',
    );
  });

  test('completing an unassigned task is refused', async () => {
    const answer = await bff.gql(alice, COMPLETE, {
      taskId: '1',
      variables: [],
    });
    expectTasklistError(answer, 'Task is not assigned');
    expect(bff.tasklist.callsOf('completeTask')).toEqual([]);
  });

  test('completing a finished task is refused as not active', async () => {
    const answer = await bff.gql(alice, COMPLETE, {
      taskId: '4',
      variables: [],
    });
    expectTasklistError(answer, 'Task is not active');
    expect(bff.tasklist.callsOf('completeTask')).toEqual([]);
  });

  test('completing your own open task is forwarded with its variables', async () => {
    const variables = [{ name: 'approved', value: 'true' }];
    const answer = await bff.gql(alice, COMPLETE, { taskId: '3', variables });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({
      completeTask: { id: '3', taskState: 'COMPLETED', assignee: 'alice' },
    });
    expect(
      bff.tasklist.callsOf('completeTask').map((c) => c.variables),
    ).toEqual([{ taskId: '3', variables }]);
  });

  test('unclaiming someone else’s task is refused and never sent', async () => {
    const answer = await bff.gql(alice, UNCLAIM, { taskId: '2' });
    expectTasklistError(answer, 'Task is not assigned to alice');
    expect(bff.tasklist.callsOf('unclaimTask')).toEqual([]);
    const unassigned = await bff.gql(alice, UNCLAIM, { taskId: '1' });
    expectTasklistError(unassigned, 'Task is not assigned');
    expect(bff.tasklist.callsOf('unclaimTask')).toEqual([]);
  });

  test('unclaiming your own task is forwarded', async () => {
    const answer = await bff.gql(alice, UNCLAIM, { taskId: '3' });
    expect(answer.body.data).toEqual({
      unclaimTask: {
        id: '3',
        assignee: null,
        taskState: 'CREATED',
        __typename: 'Task',
      },
    });
    expect(bff.tasklist.callsOf('unclaimTask')).toHaveLength(1);
  });

  test('the task is read with the machine token before the mutation', async () => {
    await bff.gql(bob, COMPLETE, { taskId: '2', variables: [] });
    expect(bff.tasklist.calls.map((c) => c.rootField)).toEqual([
      'task',
      'completeTask',
    ]);
    expect(
      bff.tasklist.calls.every((c) =>
        c.authorization?.startsWith('Bearer upstream-token-'),
      ),
    ).toBe(true);
  });
});

describe('startProcess', () => {
  test('is allowed, and limited per user with a 429', async () => {
    const carol = await bff.bffToken('carol');
    for (let i = 0; i < 2; i++) {
      const answer = await bff.gql(carol, 'StartProcessTestMutation', {
        id: 'invoice',
      });
      expect(answer.body).toEqual({
        data: { startProcess: { id: '4503599627370497' } },
      });
    }
    const third = await bff.gql(carol, 'StartProcessTestMutation', {
      id: 'invoice',
    });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(bff.tasklist.callsOf('startProcess')).toHaveLength(2);
  });
});

describe('other trusted operations', () => {
  test('processes pass through; currentUser is answered from the BFF token', async () => {
    const processes = await bff.gql(alice, 'ProcessesTestQuery');
    expect(processes.body).toEqual({
      data: {
        processes: [{ id: '2251799813685249', name: 'Invoice approval' }],
      },
    });
    bff.tasklist.calls.length = 0;
    const me = await bff.gql(alice, 'CurrentUserTestQuery');
    expect(me.body).toEqual({
      data: {
        currentUser: { userId: 'alice', permissions: ['READ', 'WRITE'] },
      },
    });
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('a variable of the wrong type is GraphQL’s own error, and nothing is sent', async () => {
    const answer = await bff.gql(alice, CLAIM, {
      taskId: 1,
      assignee: ['alice'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.message).toMatch(
      /^Variable "\$taskId" got invalid value 1/,
    );
    expect(bff.tasklist.calls).toEqual([]);
  });
});

describe('audit log (G51)', () => {
  test('every claim and completion decision has one line with sub, user, operation, task and decision', async () => {
    await bff.gql(alice, CLAIM, { taskId: '1', assignee: 'bob' });
    await bff.gql(alice, CLAIM, { taskId: '1', assignee: 'alice' });
    await bff.gql(alice, COMPLETE, { taskId: '2', variables: [] });
    await bff.gql(alice, COMPLETE, { taskId: '3', variables: [] });
    await bff.gql(alice, CLAIM, { taskId: '2', assignee: 'alice' });
    const lines = auditLines();
    expect(
      lines.map(
        ({ sub, username, operation, field, taskId, decision, outcome }) => ({
          sub,
          username,
          operation,
          field,
          taskId,
          decision,
          outcome,
        }),
      ),
    ).toEqual([
      {
        sub: 'sub-alice',
        username: 'alice',
        operation: CLAIM,
        field: 'claimTask',
        taskId: '1',
        decision: 'refused',
        outcome: undefined,
      },
      {
        sub: 'sub-alice',
        username: 'alice',
        operation: CLAIM,
        field: 'claimTask',
        taskId: '1',
        decision: 'allowed',
        outcome: 'ok',
      },
      {
        sub: 'sub-alice',
        username: 'alice',
        operation: COMPLETE,
        field: 'completeTask',
        taskId: '2',
        decision: 'refused',
        outcome: undefined,
      },
      {
        sub: 'sub-alice',
        username: 'alice',
        operation: COMPLETE,
        field: 'completeTask',
        taskId: '3',
        decision: 'allowed',
        outcome: 'ok',
      },
      {
        sub: 'sub-alice',
        username: 'alice',
        operation: CLAIM,
        field: 'claimTask',
        taskId: '2',
        decision: 'allowed',
        outcome: 'error',
      },
    ]);
    expect(lines[0]?.reason).toBe(
      "User doesn't have the permission to assign another user to this task",
    );
    expect(lines[4]?.reason).toBe('Task is already assigned');
    for (const line of lines) expect(typeof line.time).toBe('number');
  });

  test('audit lines and every other log line hold no token', async () => {
    await bff.gql(alice, CLAIM, { taskId: '1', assignee: 'alice' });
    const text = logs.lines.join('\n');
    expect(text).not.toContain(alice);
    expect(text).not.toMatch(/upstream-token-\d/);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});
