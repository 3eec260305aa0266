import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/records';
import { createHarness, type Harness } from '../test/harness';
import { deployLinear } from '../test/model-builder';
import {
  expectProblem,
  type UserTaskJson,
  type VariableJson,
  type SearchJson,
} from '../test/v2-json';
import { addTask, T0, type TaskSpec } from '../test/world-builder';

/*
 * The task commands of the REST API: assignment, unassignment and
 * completion, with Zeebe's answers (204, 404 for tasks that are gone, 409 for
 * a claim on an assigned task) and Tasklist's rules for people.
 */

let h: Harness;
let demo: string;

beforeAll(async () => {
  h = await createHarness({ seed: false });
  demo = await h.userToken('demo');
});

afterAll(async () => {
  await h.close();
});

const task = (spec: Partial<TaskSpec> = {}): TaskRecord =>
  addTask(h.store, { created: T0, ...spec });

async function read(key: number | string): Promise<UserTaskJson> {
  const reply = await h.v2<UserTaskJson>('GET', `/v2/user-tasks/${key}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

const assign = (key: number | string, body: unknown, token?: string) =>
  h.v2('POST', `/v2/user-tasks/${key}/assignment`, { body, token });
const unassign = (key: number | string, token?: string) =>
  h.v2('DELETE', `/v2/user-tasks/${key}/assignee`, { token });
const complete = (key: number | string, body?: unknown, token?: string) =>
  h.v2('POST', `/v2/user-tasks/${key}/completion`, { body, token });

const claimRefusal = (key: number) =>
  `Command 'CLAIM' rejected with code 'INVALID_STATE': Expected to claim user task with key '${key}', but it has already been assigned`;
const gone = (intent: string, key: number | string) =>
  `Command '${intent.toUpperCase()}' rejected with code 'NOT_FOUND': Expected to ${intent} user task with key '${key}', but no such user task was found`;

describe('GET /v2/user-tasks/{userTaskKey}', () => {
  it('returns a task in any state', async () => {
    const open = task({ due: T0 + 1000, assignee: 'carol' });
    expect(await read(open.key)).toMatchObject({
      userTaskKey: String(open.key),
      state: 'CREATED',
      assignee: 'carol',
      dueDate: new Date(T0 + 1000).toISOString(),
      processDefinitionId: 'process-reviewDocument',
      processInstanceKey: String(open.processInstanceKey),
      tenantId: '<default>',
      priority: 50,
    });
    const done = task({ state: 'COMPLETED', finished: T0 + 5000 });
    expect(await read(done.key)).toMatchObject({
      state: 'COMPLETED',
      completionDate: new Date(T0 + 5000).toISOString(),
    });
    expect((await read(task({ state: 'CANCELED' }).key)).state).toBe(
      'CANCELED',
    );
  });

  it('answers 404 for an unknown key and 400 for something that is not a key', async () => {
    const missing = await h.v2('GET', '/v2/user-tasks/2251799813699999');
    expect(expectProblem(missing, 404, 'NOT_FOUND').detail).toBe(
      'User Task with key 2251799813699999 not found',
    );
    const bad = await h.v2('GET', '/v2/user-tasks/abc');
    expect(expectProblem(bad, 400, 'Bad Request')).toMatchObject({
      detail: "Failed to convert 'userTaskKey' with value: 'abc'",
      instance: '/v2/user-tasks/abc',
    });
  });
});

describe('POST /v2/user-tasks/{userTaskKey}/assignment', () => {
  it('assigns, and reassigns unless allowOverride is false', async () => {
    const t = task();
    const first = await assign(t.key, { assignee: 'alice' });
    expect(first.status).toBe(204);
    expect(first.raw).toBe('');
    expect((await read(t.key)).assignee).toBe('alice');

    for (const allowOverride of [undefined, null, true]) {
      const again = await assign(t.key, { assignee: 'bob', allowOverride });
      expect(again.status).toBe(204);
      expect((await read(t.key)).assignee).toBe('bob');
      await assign(t.key, { assignee: 'alice' });
    }
  });

  it('answers 409 to allowOverride: false on a task someone else holds, and changes nothing', async () => {
    const t = task({ assignee: 'alice' });
    const reply = await assign(t.key, {
      assignee: 'bob',
      allowOverride: false,
    });
    expect(expectProblem(reply, 409, 'INVALID_STATE')).toMatchObject({
      detail: claimRefusal(t.key),
      instance: `/v2/user-tasks/${t.key}/assignment`,
    });
    expect((await read(t.key)).assignee).toBe('alice');
  });

  it('lets allowOverride: false claim a free task, or one the same assignee holds', async () => {
    const free = task();
    expect(
      (await assign(free.key, { assignee: 'bob', allowOverride: false }))
        .status,
    ).toBe(204);
    expect(
      (await assign(free.key, { assignee: 'bob', allowOverride: false }))
        .status,
    ).toBe(204);
    expect((await read(free.key)).assignee).toBe('bob');
  });

  it('accepts an action and works on both task implementations', async () => {
    const zeebe = task({ implementation: 'ZEEBE_USER_TASK' });
    const reply = await assign(zeebe.key, {
      assignee: 'carol',
      action: 'pick-up',
    });
    expect(reply.status).toBe(204);
    expect((await read(zeebe.key)).assignee).toBe('carol');
  });

  it('answers 404 for unknown and finished tasks, in Zeebe words', async () => {
    const unknown = await assign('2251799813699999', { assignee: 'a' });
    expect(expectProblem(unknown, 404, 'NOT_FOUND').detail).toBe(
      gone('assign', '2251799813699999'),
    );
    const done = task({ state: 'COMPLETED' });
    expect(
      expectProblem(await assign(done.key, { assignee: 'a' }), 404).detail,
    ).toBe(gone('assign', done.key));
    const canceled = task({ state: 'CANCELED' });
    const claim = await assign(canceled.key, {
      assignee: 'a',
      allowOverride: false,
    });
    expect(expectProblem(claim, 404, 'NOT_FOUND').detail).toBe(
      gone('claim', canceled.key),
    );
  });

  it.each([
    [undefined, 'Bad Request', 'Required request body is missing'],
    [{}, 'INVALID_ARGUMENT', 'No assignee provided'],
    [{ assignee: '' }, 'INVALID_ARGUMENT', 'No assignee provided'],
    [{ assignee: '  ' }, 'INVALID_ARGUMENT', 'No assignee provided'],
    [{ assignee: null }, 'INVALID_ARGUMENT', 'No assignee provided'],
    [
      { assignee: 5 },
      'INVALID_ARGUMENT',
      "The value for assignee is '5' but must be a string.",
    ],
    [
      { assignee: 'a', allowOverride: 'no' },
      'INVALID_ARGUMENT',
      "The value for allowOverride is 'no' but must be true, false or null.",
    ],
    [
      { assignee: 'a', assignees: ['b'] },
      'INVALID_ARGUMENT',
      "Unknown request property 'assignees'.",
    ],
  ])('refuses %j with 400', async (body, title, detail) => {
    const t = task();
    const reply = await assign(t.key, body);
    expect(expectProblem(reply, 400, title).detail).toBe(detail);
    expect(await read(t.key)).not.toHaveProperty('assignee');
  });

  it('refuses a key that is not a key with 400', async () => {
    const reply = await assign('12x', { assignee: 'a' });
    expect(expectProblem(reply, 400, 'Bad Request').detail).toBe(
      "Failed to convert 'userTaskKey' with value: '12x'",
    );
  });

  describe('for people (user tokens), as in Tasklist', () => {
    it('lets them assign themselves, also when they already hold the task', async () => {
      const t = task();
      expect((await assign(t.key, { assignee: 'demo' }, demo)).status).toBe(
        204,
      );
      expect((await assign(t.key, { assignee: 'demo' }, demo)).status).toBe(
        204,
      );
      expect((await read(t.key)).assignee).toBe('demo');
    });

    it('refuses assigning someone else with 403', async () => {
      const t = task();
      const reply = await assign(t.key, { assignee: 'alice' }, demo);
      expect(expectProblem(reply, 403, 'FORBIDDEN').detail).toBe(
        "User doesn't have the permission to assign another user to this task",
      );
    });

    it('never takes a task from its assignee, even with allowOverride', async () => {
      const t = task({ assignee: 'alice' });
      const reply = await assign(
        t.key,
        { assignee: 'demo', allowOverride: true },
        demo,
      );
      expect(expectProblem(reply, 409, 'INVALID_STATE').detail).toBe(
        claimRefusal(t.key),
      );
      expect((await read(t.key)).assignee).toBe('alice');
    });
  });
});

describe('DELETE /v2/user-tasks/{userTaskKey}/assignee', () => {
  it('removes the assignee; an unassigned task stays unassigned', async () => {
    const t = task({ assignee: 'alice' });
    const reply = await unassign(t.key);
    expect(reply.status).toBe(204);
    expect(reply.raw).toBe('');
    expect(await read(t.key)).not.toHaveProperty('assignee');
    expect((await unassign(t.key)).status).toBe(204);
  });

  it('lets people unassign any open task, as Tasklist does', async () => {
    const t = task({ assignee: 'alice' });
    expect((await unassign(t.key, demo)).status).toBe(204);
  });

  it('answers 404 for unknown and finished tasks', async () => {
    const done = task({ state: 'COMPLETED', assignee: 'alice' });
    expect(expectProblem(await unassign(done.key), 404).detail).toBe(
      gone('assign', done.key),
    );
    expect(
      expectProblem(await unassign('2251799813699999'), 404, 'NOT_FOUND')
        .detail,
    ).toBe(gone('assign', '2251799813699999'));
  });
});

describe('POST /v2/user-tasks/{userTaskKey}/completion', () => {
  async function variablesOf(key: number): Promise<Record<string, string>> {
    const reply = await h.v2<SearchJson<VariableJson>>(
      'POST',
      `/v2/user-tasks/${key}/variables/search`,
    );
    return Object.fromEntries(reply.body.items.map((v) => [v.name, v.value]));
  }

  it('completes with variables, keeps a snapshot and moves the process on', async () => {
    const definition = deployLinear(h.store, {
      id: 'two-steps',
      tasks: [{ id: 'first' }, { id: 'second' }],
    });
    const started = h.store.startInstance(
      definition,
      new Map([['amount', '1']]),
    );
    const first = started.task;
    if (!first) throw new Error('the process has steps');
    const reply = await complete(first.key, {
      variables: { amount: 2, decision: { approved: true, note: 'ok' } },
      action: 'approve',
    });
    expect(reply.status).toBe(204);
    expect(reply.raw).toBe('');
    expect(await read(first.key)).toMatchObject({
      state: 'COMPLETED',
      completionDate: expect.any(String) as string,
    });
    expect(await variablesOf(first.key)).toEqual({
      amount: '2',
      decision: '{"approved":true,"note":"ok"}',
    });
    const next = await h.v2<SearchJson<UserTaskJson>>(
      'POST',
      '/v2/user-tasks/search',
      {
        body: {
          filter: {
            processInstanceKey: String(started.processInstanceKey),
            state: 'CREATED',
          },
        },
      },
    );
    expect(next.body.items.map((t) => t.elementId)).toEqual(['second']);
  });

  it.each([[undefined], [{}], [{ variables: null }], [{ variables: {} }]])(
    'completes without variables given %j',
    async (body) => {
      const t = task({ variables: { kept: 'yes' } });
      expect((await complete(t.key, body)).status).toBe(204);
      expect(await variablesOf(t.key)).toEqual({ kept: '"yes"' });
    },
  );

  it('completes either implementation, assigned or not, for an API caller', async () => {
    const zeebe = task({ implementation: 'ZEEBE_USER_TASK' });
    expect((await complete(zeebe.key)).status).toBe(204);
    const held = task({ assignee: 'alice' });
    expect((await complete(held.key)).status).toBe(204);
  });

  it('answers 404 the second time, and for unknown tasks', async () => {
    const t = task();
    expect((await complete(t.key)).status).toBe(204);
    const again = await complete(t.key);
    expect(expectProblem(again, 404, 'NOT_FOUND').detail).toBe(
      gone('complete', t.key),
    );
    const canceled = task({ state: 'CANCELED' });
    expect(expectProblem(await complete(canceled.key), 404).detail).toBe(
      gone('complete', canceled.key),
    );
  });

  it.each([
    [
      { variables: [1] },
      "The value for variables is '[1]' but must be a JSON object.",
    ],
    [
      { variables: 'x' },
      "The value for variables is 'x' but must be a JSON object.",
    ],
    [{ vars: {} }, "Unknown request property 'vars'."],
  ])('refuses %j with 400 and completes nothing', async (body, detail) => {
    const t = task();
    const reply = await complete(t.key, body);
    expect(expectProblem(reply, 400, 'INVALID_ARGUMENT').detail).toBe(detail);
    expect((await read(t.key)).state).toBe('CREATED');
  });

  describe('for people, as in Tasklist', () => {
    it('completes their own task', async () => {
      const t = task({ assignee: 'demo' });
      expect((await complete(t.key, {}, demo)).status).toBe(204);
    });

    it('refuses an unassigned task with 409 and a foreign one with 403', async () => {
      const free = task();
      expect(
        expectProblem(await complete(free.key, {}, demo), 409, 'INVALID_STATE')
          .detail,
      ).toBe('Task is not assigned');
      const foreign = task({ assignee: 'alice' });
      expect(
        expectProblem(await complete(foreign.key, {}, demo), 403, 'FORBIDDEN')
          .detail,
      ).toBe('Task is not assigned to demo');
      expect((await read(foreign.key)).state).toBe('CREATED');
    });
  });
});

describe('permissions', () => {
  it('needs WRITE for commands and READ for reads, answering 403', async () => {
    const t = task();
    const readOnly = await h.tokens.apiToken('tasklist:read');
    const writeOnly = await h.tokens.apiToken('tasklist:write');
    const refused = await assign(t.key, { assignee: 'a' }, readOnly);
    expect(expectProblem(refused, 403, 'FORBIDDEN').detail).toBe(
      "Unauthorized to perform operation 'UPDATE_USER_TASK' on resource 'PROCESS_DEFINITION': the token grants no WRITE permission",
    );
    expect((await unassign(t.key, readOnly)).status).toBe(403);
    expect((await complete(t.key, {}, readOnly)).status).toBe(403);
    expect((await read(t.key)).state).toBe('CREATED');

    const search = await h.v2('POST', '/v2/user-tasks/search', {
      body: {},
      token: writeOnly,
    });
    expect(expectProblem(search, 403, 'FORBIDDEN').detail).toBe(
      "Unauthorized to perform operation 'READ_USER_TASK' on resource 'PROCESS_DEFINITION': the token grants no READ permission",
    );
    const single = await h.v2('GET', `/v2/user-tasks/${t.key}`, {
      token: writeOnly,
    });
    expect(single.status).toBe(403);
    expect((await assign(t.key, { assignee: 'a' }, writeOnly)).status).toBe(
      204,
    );
  });
});
