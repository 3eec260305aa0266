import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import {
  aV2Task,
  startFakeCamundaV2,
  type FakeV2Task,
} from '../../test/fake-camunda-v2';
import { TasklistApiError, type TaskQuery } from '../tasklist-upstream';
import { UpstreamFailure } from '../upstream-errors';
import { UpstreamHttp, type ServiceTokens } from '../upstream-http';
import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType } from 'graphql';
import { SCHEMA_FILE } from '../../proxy/proxy-schema';
import { RestV2Upstream } from './rest-v2-upstream';
import { TASK_QUERY_ARGUMENTS } from './task-query';
import { v2StatesOf } from './task-result';

// Issue 12: the rest-v2 adapter against a fake Camunda 8.8 REST API v2, one
// operation at a time, with the exact Tasklist messages the SPA shows.

const v2 = await startFakeCamundaV2();
const waits: number[] = [];
let issued = 0;
const tokens: ServiceTokens = {
  get: () => Promise.resolve(`upstream-token-${String(++issued)}`),
  invalidate: () => undefined,
};

function adapter(options: { tokens?: ServiceTokens | null } = {}) {
  const upstream = new RestV2Upstream(
    new UpstreamHttp({
      url: v2.url,
      timeoutMs: 2000,
      connections: 4,
      tokens: options.tokens === undefined ? tokens : options.tokens,
    }),
    v2.url,
    {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  );
  closers.push(() => upstream.close());
  return upstream;
}
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await v2.close();
});

const KEY = (n: number) => String(2251799813700000 + n);
let upstream: RestV2Upstream;

function world(tasks: FakeV2Task[]) {
  v2.setTasks(tasks);
}

beforeEach(() => {
  world([]);
  v2.calls.length = 0;
  v2.forms.clear();
  v2.setStaleReads(0);
  v2.setTokenCheck((token) => token?.startsWith('upstream-token-') === true);
  waits.length = 0;
  upstream = adapter();
});

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return error;
};
const message = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(TasklistApiError);
  return (error as Error).message;
};
const lastSearch = () =>
  v2.callsTo('POST /v2/user-tasks/search').at(-1)?.body as {
    filter: Record<string, unknown>;
    sort: unknown[];
    page: Record<string, unknown>;
  };

describe('task', () => {
  test('maps every field of a v2 user task to the GraphQL Task', async () => {
    world([
      aV2Task({
        key: KEY(1),
        name: 'Approve invoice',
        elementId: 'approve',
        processName: 'Invoice approval',
        assignee: 'demo',
        candidateGroups: ['accounting'],
        candidateUsers: ['alice'],
        creationDate: Date.UTC(2024, 4, 1, 8),
        dueDate: Date.UTC(2024, 4, 8),
        followUpDate: Date.UTC(2024, 4, 3),
        formKey: '2251799813999999',
      }),
    ]);
    expect(await upstream.task(KEY(1))).toEqual({
      id: KEY(1),
      name: 'Approve invoice',
      taskDefinitionId: 'approve',
      processName: 'Invoice approval',
      creationTime: '2024-05-01T08:00:00.000Z',
      completionTime: null,
      assignee: 'demo',
      taskState: 'CREATED',
      sortValues: null,
      isFirst: null,
      formKey: `camunda-forms:bpmn:task-${KEY(1)}`,
      // v2's processDefinitionId is the BPMN id; GraphQL's is the key.
      processDefinitionId: '2251799813685249',
      processInstanceId: `9${KEY(1)}`,
      candidateGroups: ['accounting'],
      candidateUsers: ['alice'],
      followUpDate: '2024-05-03T00:00:00.000Z',
      dueDate: '2024-05-08T00:00:00.000Z',
      implementation: null,
    });
  });

  test.each([
    ['CREATING', 'CREATED'],
    ['CREATED', 'CREATED'],
    ['ASSIGNING', 'CREATED'],
    ['UPDATING', 'CREATED'],
    ['COMPLETING', 'CREATED'],
    ['CANCELING', 'CREATED'],
    ['COMPLETED', 'COMPLETED'],
    ['CANCELED', 'CANCELED'],
    ['FAILED', 'CANCELED'],
  ])('state %s shows as %s', async (state, shown) => {
    world([aV2Task({ key: KEY(1), state })]);
    expect((await upstream.task(KEY(1))).taskState).toBe(shown);
  });

  test('an external form reference is the task’s custom form key', async () => {
    world([aV2Task({ key: KEY(1), externalFormReference: 'https://forms/x' })]);
    expect((await upstream.task(KEY(1))).formKey).toBe('https://forms/x');
  });

  test('an unknown task and an id that is no key give Tasklist’s not-found message', async () => {
    expect(await message(upstream.task(KEY(404)))).toBe(
      `Task with id ${KEY(404)} was not found`,
    );
    const calls = v2.calls.length;
    expect(await message(upstream.task('abc'))).toBe(
      'Task with id abc was not found',
    );
    expect(v2.calls.length).toBe(calls);
  });
});

describe('tasks: filters', () => {
  const states = [
    'CREATED',
    'ASSIGNING',
    'COMPLETING',
    'COMPLETED',
    'CANCELED',
    'FAILED',
  ];
  beforeEach(() => {
    world(states.map((state, i) => aV2Task({ key: KEY(i + 1), state })));
  });
  const ids = async (query: TaskQuery) =>
    (await upstream.tasks(query)).map((task) => task.id).sort();

  test('no state means every state but canceled (-ING states are open)', async () => {
    expect(await ids({})).toEqual([KEY(1), KEY(2), KEY(3), KEY(4)]);
    expect(lastSearch().filter.state).toEqual({
      $in: [
        'CREATING',
        'CREATED',
        'ASSIGNING',
        'UPDATING',
        'COMPLETING',
        'CANCELING',
        'COMPLETED',
      ],
    });
  });
  test.each([
    ['CREATED', [1, 2, 3]],
    ['COMPLETED', [4]],
    ['CANCELED', [5, 6]],
  ] as const)('state %s', async (state, expected) => {
    expect(await ids({ state })).toEqual(expected.map(KEY));
  });

  test('assigned, assignee, candidate group and user, definition, instance, element', async () => {
    world([
      aV2Task({ key: KEY(1), assignee: 'demo', candidateGroups: ['sales'] }),
      aV2Task({ key: KEY(2), candidateUsers: ['bob'], elementId: 'check' }),
      aV2Task({
        key: KEY(3),
        processDefinitionKey: '2251799813685250',
        processInstanceKey: '77',
      }),
    ]);
    expect(await ids({ assigned: true })).toEqual([KEY(1)]);
    expect(lastSearch().filter.assignee).toEqual({ $exists: true });
    expect(await ids({ assigned: false })).toEqual([KEY(2), KEY(3)]);
    expect(await ids({ assignee: 'demo' })).toEqual([KEY(1)]);
    expect(await ids({ assignee: 'demo', assigned: false })).toEqual([]);
    expect(await ids({ candidateGroup: 'sales' })).toEqual([KEY(1)]);
    expect(await ids({ candidateUser: 'bob' })).toEqual([KEY(2)]);
    expect(await ids({ taskDefinitionId: 'check' })).toEqual([KEY(2)]);
    expect(await ids({ processDefinitionId: '2251799813685250' })).toEqual([
      KEY(3),
    ]);
    expect(lastSearch().filter.processDefinitionKey).toBe('2251799813685250');
    expect(await ids({ processInstanceId: '77' })).toEqual([KEY(3)]);
    expect(lastSearch().filter.processInstanceKey).toBe('77');
  });

  test('a process id that is no key matches nothing, without asking v2', async () => {
    const calls = v2.calls.length;
    expect(await ids({ processDefinitionId: 'invoice' })).toEqual([]);
    expect(await ids({ processInstanceId: 'x' })).toEqual([]);
    expect(v2.calls.length).toBe(calls);
  });

  test('follow-up and due date ranges become $gte/$lte', async () => {
    world([
      aV2Task({
        key: KEY(1),
        dueDate: Date.UTC(2024, 4, 10),
        followUpDate: Date.UTC(2024, 4, 2),
      }),
      aV2Task({ key: KEY(2), dueDate: Date.UTC(2024, 5, 10) }),
    ]);
    const dueDate = {
      from: '2024-05-01T00:00:00.000Z',
      to: '2024-05-31T00:00:00.000Z',
    };
    expect(await ids({ dueDate })).toEqual([KEY(1)]);
    expect(lastSearch().filter.dueDate).toEqual({
      $gte: dueDate.from,
      $lte: dueDate.to,
    });
    expect(await ids({ followUpDate: dueDate })).toEqual([KEY(1)]);
  });
});

describe('tasks: the inbox’s custom filters (issue 16)', () => {
  test('every TaskQuery argument of the schema has a v2 mapping', () => {
    const input = buildSchema(readFileSync(SCHEMA_FILE, 'utf8')).getType(
      'TaskQuery',
    );
    if (!isInputObjectType(input)) throw new Error('TaskQuery is missing');
    expect(Object.keys(input.getFields()).sort()).toEqual(
      Object.keys(TASK_QUERY_ARGUMENTS).sort(),
    );
  });

  test('an argument v2 cannot express is refused, never dropped', async () => {
    world([aV2Task({ key: KEY(1) })]);
    const calls = v2.calls.length;
    const query = { priority: 50 } as TaskQuery;
    expect(await message(upstream.tasks(query))).toBe(
      "The task filter priority cannot be expressed on this Camunda version's REST API v2",
    );
    expect(v2.calls.length).toBe(calls);
  });

  test('every field of the Filter tasks dialog at once becomes one v2 search', async () => {
    const invoice = '2251799813685250';
    const match = {
      processDefinitionKey: invoice,
      candidateGroups: ['accounting'],
      candidateUsers: ['bob'],
      dueDate: Date.UTC(2026, 11, 3, 10),
      followUpDate: Date.UTC(2026, 11, 1, 10),
    };
    world([
      aV2Task({ key: KEY(1), ...match }),
      aV2Task({ key: KEY(2), ...match, assignee: 'alice' }),
      aV2Task({ key: KEY(3), ...match, candidateGroups: ['sales'] }),
      aV2Task({ key: KEY(4), ...match, candidateUsers: ['carol'] }),
      aV2Task({ key: KEY(5), ...match, dueDate: Date.UTC(2026, 11, 20) }),
      aV2Task({ key: KEY(6), ...match, followUpDate: null }),
      aV2Task({ key: KEY(7), ...match, processDefinitionKey: '9' }),
      aV2Task({ key: KEY(8), ...match, state: 'COMPLETED' }),
    ]);
    // As the SPA's toTaskQuery writes it: an open end is the widest instant.
    const query: TaskQuery = {
      pageSize: 50,
      sort: [{ field: 'dueDate', order: 'ASC' }],
      state: 'CREATED',
      assigned: false,
      candidateGroup: 'accounting',
      candidateUser: 'bob',
      processDefinitionId: invoice,
      dueDate: {
        from: '2026-12-01T00:00:00.000Z',
        to: '2026-12-07T23:59:59.999Z',
      },
      followUpDate: {
        from: '1970-01-01T00:00:00.000Z',
        to: '9999-12-31T23:59:59.999Z',
      },
    };
    expect((await upstream.tasks(query)).map((task) => task.id)).toEqual([
      KEY(1),
    ]);
    expect(lastSearch().filter).toEqual({
      state: { $in: v2StatesOf('CREATED') },
      assignee: { $exists: false },
      candidateGroup: 'accounting',
      candidateUser: 'bob',
      processDefinitionKey: invoice,
      dueDate: {
        $gte: '2026-12-01T00:00:00.000Z',
        $lte: '2026-12-07T23:59:59.999Z',
      },
      followUpDate: {
        $gte: '1970-01-01T00:00:00.000Z',
        $lte: '9999-12-31T23:59:59.999Z',
      },
    });
    expect(lastSearch().sort).toEqual([{ field: 'dueDate', order: 'ASC' }]);
  });
});

describe('tasks: sorts', () => {
  beforeEach(() => {
    world([
      aV2Task({
        key: KEY(1),
        creationDate: 3,
        dueDate: 20,
        completionDate: 5,
        state: 'COMPLETED',
      }),
      aV2Task({
        key: KEY(2),
        creationDate: 1,
        dueDate: null,
        completionDate: 9,
        state: 'COMPLETED',
      }),
      aV2Task({ key: KEY(3), creationDate: 2, dueDate: 10, followUpDate: 7 }),
    ]);
  });
  const order = async (query: TaskQuery) =>
    (await upstream.tasks(query)).map((task) => task.id.slice(-1)).join('');

  test('newest first by default, by completion for finished states', async () => {
    expect(await order({})).toBe('132');
    expect(lastSearch().sort).toEqual([
      { field: 'creationDate', order: 'DESC' },
    ]);
    expect(await order({ state: 'COMPLETED' })).toBe('21');
    expect(lastSearch().sort).toEqual([
      { field: 'completionDate', order: 'DESC' },
    ]);
  });
  test.each([
    ['creationTime', 'ASC', 'creationDate', '231'],
    ['creationTime', 'DESC', 'creationDate', '132'],
    ['dueDate', 'ASC', 'dueDate', '312'],
    ['dueDate', 'DESC', 'dueDate', '132'],
    ['followUpDate', 'ASC', 'followUpDate', '312'],
    ['completionTime', 'DESC', 'completionDate', '213'],
  ] as const)(
    '%s %s sorts by v2 %s, missing values last',
    async (field, dir, v2Field, expected) => {
      expect(await order({ sort: [{ field, order: dir }] })).toBe(expected);
      expect(lastSearch().sort).toEqual([{ field: v2Field, order: dir }]);
    },
  );
  test('an empty sort orders by the key alone', async () => {
    expect(await order({ sort: [] })).toBe('123');
  });
});

describe('tasks: paging through 10,000 tasks', () => {
  const many = Array.from({ length: Number(process.env.N ?? 10_000) }, (_, i) =>
    // Pairs share a creation time, so the key must break ties.
    aV2Task({ key: KEY(i + 1), creationDate: Math.floor(i / 2) * 1000 }),
  );
  beforeEach(() => {
    world(many);
  });

  // 100 a page: the SPA's size is 50, but fewer round trips keep the suite fast.
  const PAGE = 100;
  test('forwards and then backwards, each task exactly once, isFirst only at the top', async () => {
    const seen: string[] = [];
    let page = await upstream.tasks({ pageSize: PAGE });
    expect(page[0]?.isFirst).toBe(true);
    const pages = [page];
    while (page.length === PAGE) {
      seen.push(...page.map((task) => task.id));
      const last = page.at(-1);
      page = await upstream.tasks({
        pageSize: PAGE,
        searchAfter: last?.sortValues ?? null,
      });
      if (page.length > 0) pages.push(page);
      expect(page.every((task) => task.isFirst === false)).toBe(true);
    }
    seen.push(...page.map((task) => task.id));
    expect(seen.length).toBe(many.length);
    expect(new Set(seen).size).toBe(many.length);

    // Backwards from the last page's first task to the top.
    const back: string[] = [...(pages.at(-1) ?? []).map((task) => task.id)];
    let head = pages.at(-1)?.[0];
    for (;;) {
      const previous = await upstream.tasks({
        pageSize: PAGE,
        searchBefore: head?.sortValues ?? null,
      });
      back.unshift(...previous.map((task) => task.id));
      head = previous[0];
      if (previous.length < PAGE || head?.isFirst) {
        expect(head?.isFirst).toBe(true);
        break;
      }
      expect(previous.every((task) => !task.isFirst)).toBe(true);
    }
    expect(back).toEqual(seen);
  }, 180_000);

  test('from a task inside a page, with other page sizes, as the visibility refill does', async () => {
    const first = await upstream.tasks({ pageSize: 100 });
    const middle = first[36];
    const after = await upstream.tasks({
      pageSize: 7,
      searchAfter: middle?.sortValues ?? null,
    });
    expect(after.map((t) => t.id)).toEqual(
      first.slice(37, 44).map((t) => t.id),
    );
    const before = await upstream.tasks({
      pageSize: 10,
      searchBefore: middle?.sortValues ?? null,
    });
    expect(before.map((t) => t.id)).toEqual(
      first.slice(26, 36).map((t) => t.id),
    );
    expect(before[0]?.isFirst).toBe(false);
    const top = await upstream.tasks({
      pageSize: 50,
      searchBefore: middle?.sortValues ?? null,
    });
    expect(top.map((t) => t.id)).toEqual(first.slice(0, 36).map((t) => t.id));
    expect(top[0]?.isFirst).toBe(true);
    // A page of 1,000 asks v2 in pages of at most 1,000.
    const big = await upstream.tasks({
      pageSize: 1000,
      searchAfter: middle?.sortValues ?? null,
    });
    expect(big.length).toBe(1000);
    expect(big[0]?.id).toBe(first[37]?.id);
  });

  test('…OrEqual include the anchor task, which is never isFirst', async () => {
    const first = await upstream.tasks({ pageSize: 20 });
    const anchor = first[5];
    const from = await upstream.tasks({
      pageSize: 5,
      searchAfterOrEqual: anchor?.sortValues ?? null,
    });
    expect(from.map((t) => t.id)).toEqual(first.slice(5, 10).map((t) => t.id));
    const upTo = await upstream.tasks({
      pageSize: 10,
      searchBeforeOrEqual: anchor?.sortValues ?? null,
    });
    expect(upTo.map((t) => t.id)).toEqual(first.slice(0, 6).map((t) => t.id));
    expect(upTo[0]?.isFirst).toBe(true);
    const top = await upstream.tasks({
      pageSize: 5,
      searchAfterOrEqual: first[0]?.sortValues ?? null,
    });
    expect(top[0]?.isFirst).toBe(false);
  });
});

describe('tasks: Tasklist’s argument errors', () => {
  test('cursors that are not ours, or from another query, and the page size rules', async () => {
    world([aV2Task({ key: KEY(1) }), aV2Task({ key: KEY(2) })]);
    const [task] = await upstream.tasks({ pageSize: 1 });
    expect(
      await message(upstream.tasks({ searchAfter: ['1714550400000', KEY(1)] })),
    ).toMatch(
      /^Invalid sort values \["1714550400000","\d+"\]: expected the sortValues of a task/,
    );
    expect(
      await message(
        upstream.tasks({
          state: 'COMPLETED',
          searchAfter: task?.sortValues ?? null,
        }),
      ),
    ).toMatch(/^Invalid sort values/);
    expect(
      await message(
        upstream.tasks({ searchAfter: ['a'], searchBefore: ['b'] }),
      ),
    ).toBe(
      'Only one of [searchAfter, searchAfterOrEqual, searchBefore, searchBeforeOrEqual] must be present in request.',
    );
    expect(await message(upstream.tasks({ pageSize: 0 }))).toBe(
      'Page size cannot should be a positive number',
    );
    expect(await message(upstream.tasks({ pageSize: 1001 }))).toBe(
      'Page size must be at most 1000; got 1001',
    );
  });
});

describe('commands and read-back', () => {
  beforeEach(() => {
    world([
      aV2Task({ key: KEY(1) }),
      aV2Task({ key: KEY(2), assignee: 'bob' }),
      aV2Task({ key: KEY(3), assignee: 'demo' }),
      aV2Task({ key: KEY(4), state: 'COMPLETED' }),
    ]);
  });

  test('claimTask assigns with allowOverride false and answers the task read back', async () => {
    const task = await upstream.claimTask(KEY(1), 'demo', false);
    expect(task).toMatchObject({
      id: KEY(1),
      assignee: 'demo',
      taskState: 'CREATED',
    });
    expect(
      v2.callsTo(`POST /v2/user-tasks/${KEY(1)}/assignment`)[0]?.body,
    ).toEqual({
      assignee: 'demo',
      allowOverride: false,
    });
  });

  test('an assigned task, even one’s own, is "Task is already assigned"; a finished one is not active', async () => {
    expect(await message(upstream.claimTask(KEY(2), 'demo', false))).toBe(
      'Task is already assigned',
    );
    expect(await message(upstream.claimTask(KEY(3), 'demo', false))).toBe(
      'Task is already assigned',
    );
    expect(await message(upstream.claimTask(KEY(4), 'demo', false))).toBe(
      'Task is not active',
    );
    expect(
      v2
        .callsTo('POST /v2/user-tasks/')
        .filter((c) => c.path.endsWith('/assignment')),
    ).toEqual([]);
  });

  test('eventual consistency: the read-back retries until the effect shows', async () => {
    v2.setStaleReads(2);
    const task = await upstream.claimTask(KEY(1), 'demo', false);
    expect(task.assignee).toBe('demo');
    expect(v2.callsTo(`GET /v2/user-tasks/${KEY(1)}`).length).toBe(1 + 3);
    expect(waits).toEqual([25, 50]);
  });

  test('a read-back that never shows the effect stops after a bounded wait and answers the accepted change', async () => {
    v2.setStaleReads(1000);
    const task = await upstream.completeTask(KEY(1), []);
    expect(task).toMatchObject({ id: KEY(1), taskState: 'COMPLETED' });
    expect(task.completionTime).not.toBeNull();
    expect(v2.callsTo(`GET /v2/user-tasks/${KEY(1)}`).length).toBe(7);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2000);
  });

  test('unclaimTask and completeTask; completion sends one variables object', async () => {
    expect((await upstream.unclaimTask(KEY(3))).assignee).toBeNull();
    const done = await upstream.completeTask(KEY(2), [
      { name: 'approved', value: 'true' },
      { name: 'comment', value: '"fine"' },
    ]);
    expect(done).toMatchObject({ taskState: 'COMPLETED' });
    expect(
      v2.callsTo(`POST /v2/user-tasks/${KEY(2)}/completion`)[0]?.body,
    ).toEqual({
      variables: { approved: true, comment: 'fine' },
    });
    expect(
      await message(upstream.completeTask(KEY(1), [{ name: 'x', value: '{' }])),
    ).toMatch(/^Variable x has a value that is not JSON/);
  });

  test('v2 problems become Tasklist’s messages', async () => {
    expect(await message(upstream.unclaimTask(KEY(4)))).toBe(
      'Task is not active',
    );
    expect(await message(upstream.completeTask(KEY(4), []))).toBe(
      'Task is not active',
    );
    v2.fail({
      kind: 'status',
      status: 409,
      body: { title: 'INVALID_STATE', detail: 'x' },
    });
    expect(await message(upstream.completeTask(KEY(1), []))).toBe(
      'Task is not active',
    );
  });
});

describe('claim races', () => {
  test('v2’s 409 after the read is "Task is already assigned"', async () => {
    world([aV2Task({ key: KEY(1) })]);
    const race = new RestV2Upstream(
      {
        send: (_call: string, request: { method: string; path: string }) =>
          Promise.resolve(
            request.method === 'POST'
              ? {
                  status: 409,
                  contentType: 'application/problem+json',
                  text: '{"title":"INVALID_STATE"}',
                }
              : {
                  status: 200,
                  contentType: 'application/json',
                  text: JSON.stringify({
                    userTaskKey: KEY(1),
                    state: 'CREATED',
                  }),
                },
          ),
        close: () => Promise.resolve(),
      } as unknown as UpstreamHttp,
      v2.url,
    );
    expect(await message(race.claimTask(KEY(1), 'demo', false))).toBe(
      'Task is already assigned',
    );
  });
});

describe('variables, forms, processes', () => {
  test('one variable per name, the task’s own scope first; truncated values read in full', async () => {
    v2.truncateAt = 10;
    world([
      aV2Task({
        key: KEY(1),
        variables: {
          amount: '100',
          note: '"process"',
          long: JSON.stringify('x'.repeat(40)),
        },
        local: { note: '"local"' },
      }),
    ]);
    const variables = await upstream.variables(KEY(1), []);
    expect(variables.map((v) => [v.name, v.value]).sort()).toEqual([
      ['amount', '100'],
      ['long', JSON.stringify('x'.repeat(40))],
      ['note', '"local"'],
    ]);
    const long = variables.find((v) => v.name === 'long');
    expect(long).toMatchObject({
      isValueTruncated: true,
      previewValue: '"xxxxxxxxx',
    });
    expect(v2.callsTo('GET /v2/variables/').length).toBe(1);
    const named = await upstream.variables(KEY(1), ['amount']);
    expect(named.map((v) => v.name)).toEqual(['amount']);
    expect(await message(upstream.variables(KEY(404), []))).toBe(
      `Task with id ${KEY(404)} was not found`,
    );
    v2.truncateAt = 8191;
  });

  test('a linked form through its task; no form is Tasklist’s form-not-found', async () => {
    world([aV2Task({ key: KEY(1), formKey: '555' }), aV2Task({ key: KEY(2) })]);
    v2.forms.set('555', '{"components":[]}');
    const task = await upstream.task(KEY(1));
    const id = task.formKey?.replace('camunda-forms:bpmn:', '') ?? '';
    expect(upstream.taskOfForm(id)).toBe(KEY(1));
    expect(await upstream.form(id, '2251799813685249')).toEqual({
      id,
      processDefinitionId: '2251799813685249',
      schema: '{"components":[]}',
    });
    expect(await message(upstream.form(`task-${KEY(2)}`, '1'))).toBe(
      `No task form found with id task-${KEY(2)}`,
    );
    expect(await message(upstream.form('userTaskForm_1', '1'))).toBe(
      'No task form found with id userTaskForm_1',
    );
    expect(upstream.taskOfForm('userTaskForm_1')).toBeUndefined();
  });

  test('processes: the latest versions, matched by name, BPMN id (any case) or key', async () => {
    expect(await upstream.processes(null)).toEqual([
      {
        id: '2251799813685249',
        name: 'Invoice approval',
        processDefinitionId: 'invoice',
        version: 2,
      },
      {
        id: '2251799813685250',
        name: 'Vacation request',
        processDefinitionId: 'vacation',
        version: 1,
      },
    ]);
    expect((await upstream.processes('VACAT')).map((p) => p.id)).toEqual([
      '2251799813685250',
    ]);
    expect((await upstream.processes('invoice')).map((p) => p.id)).toEqual([
      '2251799813685249',
    ]);
    expect(
      (await upstream.processes('2251799813685250')).map((p) => p.name),
    ).toEqual(['Vacation request']);
    expect(await upstream.processes('nothing')).toEqual([]);
  });

  test('startProcess by BPMN id; an unknown one is refused', async () => {
    expect(await upstream.startProcess('invoice')).toEqual({
      id: expect.stringMatching(/^\d+$/) as string,
    });
    expect(v2.callsTo('POST /v2/process-instances')[0]?.body).toEqual({
      processDefinitionId: 'invoice',
    });
    expect(await message(upstream.startProcess('nope'))).toBe(
      "No process definition found with processDefinitionId: 'nope'",
    );
  });
});

describe('transport', () => {
  test('server errors are upstream failures that carry none of v2’s text', async () => {
    world([aV2Task({ key: KEY(1) })]);
    v2.fail({ kind: 'status', status: 500 });
    const error = await rejection(upstream.task(KEY(1)));
    expect(error).toBeInstanceOf(UpstreamFailure);
    expect(JSON.stringify(error)).not.toContain('Foo.java');
    v2.fail({ kind: 'status', status: 403, body: { title: 'FORBIDDEN' } });
    expect(
      ((await rejection(upstream.task(KEY(1)))) as UpstreamFailure).kind,
    ).toBe('forbidden');
    v2.fail({
      kind: 'status',
      status: 400,
      body: { title: 'INVALID_ARGUMENT' },
    });
    expect(
      ((await rejection(upstream.processes(null))) as UpstreamFailure).kind,
    ).toBe('client_error');
  });

  test('the BFF token goes as a bearer token; none at all without authentication', async () => {
    world([aV2Task({ key: KEY(1) })]);
    await upstream.task(KEY(1));
    expect(v2.calls.at(-1)?.authorization).toMatch(
      /^Bearer upstream-token-\d+$/,
    );
    v2.setTokenCheck(null);
    const open = adapter({ tokens: null });
    await open.task(KEY(1));
    expect(v2.calls.at(-1)?.authorization).toBeUndefined();
    v2.setTokenCheck(() => false);
    expect(((await rejection(open.task(KEY(1)))) as UpstreamFailure).kind).toBe(
      'unauthorized',
    );
  });
});
