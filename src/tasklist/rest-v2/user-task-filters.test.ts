import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/records';
import { createHarness, type Harness } from '../test/harness';
import { expectProblem, searchUserTasks } from '../test/v2-json';
import { deployLinear } from '../test/model-builder';
import { addTask, DAY, HOUR, T0 } from '../test/world-builder';

/*
 * Every filter of POST /v2/user-tasks/search, in every form the API allows,
 * against a small world whose answers are known by heart.
 */

let h: Harness;
const t: Record<1 | 2 | 3 | 4 | 5, TaskRecord> = {} as never;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  h = await createHarness({ seed: false });
  t[1] = addTask(h.store, {
    created: T0,
    due: T0 + DAY,
    followUp: T0 + HOUR,
    groups: ['accounting'],
    users: ['alice'],
    assignee: 'demo',
    elementId: 'approveInvoice',
    name: 'Approve invoice',
    variables: { amount: 100, customer: 'ACME' },
  });
  t[2] = addTask(h.store, {
    created: T0 + HOUR,
    groups: ['sales', 'accounting'],
    assignee: 'alice',
    elementId: 'review',
    state: 'COMPLETED',
    finished: T0 + 2 * HOUR,
    variables: { amount: 5 },
  });
  t[3] = addTask(h.store, {
    created: T0 + 2 * HOUR,
    due: T0 + 3 * DAY,
    users: ['bob'],
    elementId: 'review',
    state: 'CANCELED',
    finished: T0 + 5 * HOUR,
  });
  t[4] = addTask(h.store, {
    created: T0 + 3 * HOUR,
    followUp: T0 + 2 * DAY,
    assignee: 'bob-smith',
    elementId: 'archive',
    formKey: 'custom:x',
    variables: { customer: 'Umbrella' },
  });
  // A Zeebe user task with a local variable from an input mapping.
  const withLocal = deployLinear(h.store, {
    id: 'escalation',
    tasks: [
      {
        id: 'escalate',
        userTask: {
          implementation: 'ZEEBE_USER_TASK',
          candidateGroups: 'management',
        },
        inputs: [{ source: '="high"', target: 'level' }],
      },
    ],
  });
  const started = h.store.startInstance(withLocal, new Map(), T0 + 4 * HOUR);
  if (!started.task) throw new Error('the process has a task');
  t[5] = started.task;
});

afterAll(async () => {
  await h.close();
});

/** The numbers (1-5) of the tasks a filter finds, checking the total too. */
async function found(filter: Record<string, unknown>): Promise<number[]> {
  const result = await searchUserTasks(h, { filter });
  expect(result.page.totalItems).toBe(result.items.length);
  const byKey = new Map(
    Object.entries(t).map(([n, task]) => [String(task.key), Number(n)]),
  );
  return result.items.map((item) => byKey.get(item.userTaskKey) ?? 0);
}

describe('POST /v2/user-tasks/search filters', () => {
  it('finds every state when there is no filter, CANCELED included', async () => {
    expect(await found({})).toEqual([1, 2, 3, 4, 5]);
    const empty = await searchUserTasks(h, undefined);
    expect(empty.items).toHaveLength(5);
  });

  it.each([
    ['CREATED', [1, 4, 5]],
    [{ $eq: 'COMPLETED' }, [2]],
    [{ $neq: 'CREATED' }, [2, 3]],
    [{ $in: ['COMPLETED', 'CANCELED'] }, [2, 3]],
    [{ $like: 'COMP*' }, [2]],
    [{ $like: 'CANCELE?' }, [3]],
    [{ $exists: true }, [1, 2, 3, 4, 5]],
    [{ $exists: false }, []],
    ['CREATING', []],
    [{ $in: [] }, []],
  ])('state %j', async (state, expected) => {
    expect(await found({ state })).toEqual(expected);
  });

  it.each([
    ['demo', [1]],
    [{ $eq: 'demo' }, [1]],
    [{ $neq: 'demo' }, [2, 3, 4, 5]],
    [{ $exists: true }, [1, 2, 4]],
    [{ $exists: false }, [3, 5]],
    [{ $in: ['alice', 'bob-smith'] }, [2, 4]],
    [{ $notIn: ['demo', 'alice'] }, [3, 4, 5]],
    [{ $notIn: [] }, [1, 2, 3, 4, 5]],
    [{ $like: 'bob*' }, [4]],
    [{ $like: '?lice' }, [2]],
    [{ $like: 'DEMO' }, []],
    [{ $exists: true, $neq: 'demo' }, [2, 4]],
  ])('assignee %j', async (assignee, expected) => {
    expect(await found({ assignee })).toEqual(expected);
  });

  it.each([
    ['accounting', [1, 2]],
    [{ $neq: 'accounting' }, [3, 4, 5]],
    [{ $exists: true }, [1, 2, 5]],
    [{ $exists: false }, [3, 4]],
    [{ $in: ['sales', 'management'] }, [2, 5]],
    [{ $notIn: ['accounting'] }, [3, 4, 5]],
    [{ $like: 'acc*' }, [1, 2]],
  ])('candidateGroup %j', async (candidateGroup, expected) => {
    expect(await found({ candidateGroup })).toEqual(expected);
  });

  it.each([
    ['bob', [3]],
    [{ $exists: true }, [1, 3]],
    [{ $in: ['alice', 'nobody'] }, [1]],
    [{ $neq: 'alice' }, [2, 3, 4, 5]],
  ])('candidateUser %j', async (candidateUser, expected) => {
    expect(await found({ candidateUser })).toEqual(expected);
  });

  it('elementId, name and processDefinitionId (the BPMN id) match exactly', async () => {
    expect(await found({ elementId: 'review' })).toEqual([2, 3]);
    expect(await found({ elementId: 'revie' })).toEqual([]);
    expect(await found({ name: 'Approve invoice' })).toEqual([1]);
    expect(await found({ processDefinitionId: 'process-review' })).toEqual([
      2, 3,
    ]);
  });

  it('keys match exactly; unknown keys match nothing', async () => {
    expect(await found({ userTaskKey: String(t[5].key) })).toEqual([5]);
    expect(
      await found({ processInstanceKey: String(t[4].processInstanceKey) }),
    ).toEqual([4]);
    expect(
      await found({ processDefinitionKey: String(t[1].processDefinitionKey) }),
    ).toEqual([1]);
    expect(await found({ userTaskKey: '9223372036854775807' })).toEqual([]);
    expect(
      await found({ elementInstanceKey: String(t[5].elementInstanceKey) }),
    ).toEqual([5]);
    expect(await found({ elementInstanceKey: String(t[5].key) })).toEqual([]);
  });

  it.each([
    ['<default>', [1, 2, 3, 4, 5]],
    [{ $like: '<def*' }, [1, 2, 3, 4, 5]],
    ['tenant-b', []],
    [{ $neq: '<default>' }, []],
  ])(
    'tenantId %j (everything is in the default tenant)',
    async (tenantId, expected) => {
      expect(await found({ tenantId })).toEqual(expected);
    },
  );

  it.each([
    [50, [1, 2, 3, 4, 5]],
    [0, []],
    [{ $gte: 50, $lt: 51 }, [1, 2, 3, 4, 5]],
    [{ $gt: 50 }, []],
    [{ $in: [1, 2] }, []],
    [{ $neq: 50 }, []],
    [{ $exists: true }, [1, 2, 3, 4, 5]],
  ])(
    'priority %j (every task has the default 50)',
    async (priority, expected) => {
      expect(await found({ priority })).toEqual(expected);
    },
  );

  it.each([
    [iso(T0), [1]],
    [{ $eq: '2024-01-01T01:00:00+01:00' }, [1]],
    [{ $neq: iso(T0) }, [2, 3, 4, 5]],
    [{ $gt: iso(T0) }, [2, 3, 4, 5]],
    [{ $gte: iso(T0 + HOUR), $lt: iso(T0 + 3 * HOUR) }, [2, 3]],
    [{ $lte: iso(T0 + HOUR) }, [1, 2]],
    [{ $in: [iso(T0), iso(T0 + 4 * HOUR)] }, [1, 5]],
  ])('creationDate %j', async (creationDate, expected) => {
    expect(await found({ creationDate })).toEqual(expected);
  });

  it('completionDate, dueDate and followUpDate, including missing values', async () => {
    expect(await found({ completionDate: { $exists: true } })).toEqual([2, 3]);
    expect(
      await found({ completionDate: { $gte: iso(T0 + 3 * HOUR) } }),
    ).toEqual([3]);
    expect(await found({ dueDate: { $exists: false } })).toEqual([2, 4, 5]);
    expect(await found({ dueDate: { $lte: iso(T0 + DAY) } })).toEqual([1]);
    expect(await found({ dueDate: { $neq: iso(T0 + DAY) } })).toEqual([
      2, 3, 4, 5,
    ]);
    expect(await found({ followUpDate: { $exists: true } })).toEqual([1, 4]);
    expect(await found({ followUpDate: iso(T0 + 2 * DAY) })).toEqual([4]);
  });

  it('processInstanceVariables compare the JSON text; several entries must all hold', async () => {
    const variable = (name: string, value: unknown) => ({
      processInstanceVariables: [{ name, value }],
    });
    expect(await found(variable('amount', '100'))).toEqual([1]);
    expect(await found(variable('customer', '"ACME"'))).toEqual([1]);
    expect(await found(variable('customer', 'ACME'))).toEqual([]);
    expect(await found(variable('customer', { $like: '"U*' }))).toEqual([4]);
    expect(await found(variable('amount', { $exists: true }))).toEqual([1, 2]);
    expect(await found(variable('amount', { $exists: false }))).toEqual([
      3, 4, 5,
    ]);
    expect(await found(variable('amount', { $neq: '100' }))).toEqual([2]);
    expect(await found(variable('amount', { $in: ['5', '7'] }))).toEqual([2]);
    expect(
      await found({
        processInstanceVariables: [
          { name: 'amount', value: { $exists: true } },
          { name: 'customer', value: { $exists: true } },
        ],
      }),
    ).toEqual([1]);
  });

  it("localVariables test the task's own scope, processInstanceVariables the process scope", async () => {
    expect(
      await found({ localVariables: [{ name: 'level', value: '"high"' }] }),
    ).toEqual([5]);
    expect(
      await found({
        localVariables: [{ name: 'level', value: { $exists: false } }],
      }),
    ).toEqual([1, 2, 3, 4]);
    expect(
      await found({
        processInstanceVariables: [{ name: 'level', value: { $exists: true } }],
      }),
    ).toEqual([]);
    expect(
      await found({ localVariables: [{ name: 'amount', value: '100' }] }),
    ).toEqual([]);
  });

  it('combines filters with AND', async () => {
    expect(
      await found({ state: 'CREATED', assignee: { $exists: true } }),
    ).toEqual([1, 4]);
    expect(
      await found({ candidateGroup: 'accounting', state: 'COMPLETED' }),
    ).toEqual([2]);
  });

  it('lists both implementations, with their forms', async () => {
    const result = await searchUserTasks(h, {
      filter: { userTaskKey: String(t[4].key) },
    });
    expect(result.items[0]).toMatchObject({
      externalFormReference: 'custom:x',
      assignee: 'bob-smith',
    });
    expect(result.items[0]).not.toHaveProperty('formKey');
    expect(
      await found({ state: 'CREATED', assignee: { $exists: false } }),
    ).toEqual([5]);
  });
});

describe('POST /v2/user-tasks/search refuses malformed filters with 400', () => {
  it.each([
    [{ filter: { nope: 1 } }, "Unknown request property 'filter.nope'."],
    [
      { filter: { assignee: 5 } },
      "The value for filter.assignee is '5' but must be a string or an object of $eq, $neq, $exists, $in, $notIn and $like.",
    ],
    [
      { filter: { assignee: { $foo: 'x' } } },
      "Unknown request property 'filter.assignee.$foo'.",
    ],
    [
      { filter: { state: 'DONE' } },
      "The value for filter.state is 'DONE' but must be one of CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, COMPLETED, CANCELING, CANCELED, FAILED, or an object of $eq, $neq, $exists, $in and $like.",
    ],
    [
      { filter: { dueDate: '2024-01-01' } },
      "The value for filter.dueDate is '2024-01-01' but must be an RFC 3339 date-time with an offset, or an object of $eq, $neq, $exists, $gt, $gte, $lt, $lte and $in.",
    ],
    [
      { filter: { dueDate: { $gt: '2024-02-30T00:00:00Z' } } },
      'The value for filter.dueDate is \'{"$gt":"2024-02-30T00:00:00Z"}\' but must be an RFC 3339 date-time with an offset, or an object of $eq, $neq, $exists, $gt, $gte, $lt, $lte and $in.',
    ],
    [
      { filter: { userTaskKey: 'abc' } },
      "The value for filter.userTaskKey is 'abc' but must be a key (a string of digits).",
    ],
    [
      { filter: { userTaskKey: '99999999999999999999' } },
      "The value for filter.userTaskKey is '99999999999999999999' but must be a key (a string of digits).",
    ],
    [
      { filter: { priority: 1.5 } },
      "The value for filter.priority is '1.5' but must be an integer or an object of $eq, $neq, $exists, $gt, $gte, $lt, $lte and $in.",
    ],
    [
      { filter: { processInstanceVariables: [{ name: 'a' }] } },
      'No filter.processInstanceVariables.0.value provided.',
    ],
    [[], 'The request body must be a JSON object.'],
  ])('%j', async (body, detail) => {
    const reply = await h.v2('POST', '/v2/user-tasks/search', { body });
    expect(expectProblem(reply, 400, 'INVALID_ARGUMENT').detail).toBe(detail);
  });
});
