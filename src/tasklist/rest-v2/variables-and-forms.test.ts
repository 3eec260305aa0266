import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/records';
import { createHarness, type Harness } from '../test/harness';
import { deployLinear } from '../test/model-builder';
import {
  expectProblem,
  type SearchJson,
  type VariableJson,
} from '../test/v2-json';
import { addTask, T0 } from '../test/world-builder';

/*
 * A task's variables (search, truncation, snapshots), single variables by
 * key, and a task's form: 200 for an embedded form, 204 without one.
 */

let h: Harness;
let open: TaskRecord;
let completed: TaskRecord;
let canceled: TaskRecord;
const LONG = 'x'.repeat(20);

beforeAll(async () => {
  h = await createHarness({ seed: false, previewLimit: 10 });
  open = addTask(h.store, {
    created: T0,
    variables: {
      zeta: 'last',
      amount: 42,
      approved: true,
      items: [1, 2],
      long: LONG,
      'cost-centre': 'CC-1',
    },
  });
  completed = addTask(h.store, {
    created: T0,
    variables: { amount: 1, note: 'before' },
    assignee: 'demo',
  });
  const done = await h.v2(
    'POST',
    `/v2/user-tasks/${completed.key}/completion`,
    { body: { variables: { note: 'after', extra: { k: 'v' } } } },
  );
  expect(done.status).toBe(204);
  canceled = addTask(h.store, {
    created: T0,
    variables: { amount: 5 },
    state: 'CANCELED',
  });
});

afterAll(async () => {
  await h.close();
});

async function variables(
  key: number | string,
  body?: unknown,
  query = '',
): Promise<SearchJson<VariableJson>> {
  const reply = await h.v2<SearchJson<VariableJson>>(
    'POST',
    `/v2/user-tasks/${key}/variables/search${query}`,
    body === undefined ? {} : { body },
  );
  expect(reply.status, reply.raw).toBe(200);
  return reply.body;
}

const names = (result: SearchJson<VariableJson>) =>
  result.items.map((v) => v.name);

describe('POST /v2/user-tasks/{userTaskKey}/variables/search', () => {
  it('lists the live variables of an open task, in key order, with their keys and scope', async () => {
    const result = await variables(open.key);
    // Keys follow creation, which follows the order the instance got them.
    expect(names(result)).toEqual([
      'zeta',
      'amount',
      'approved',
      'items',
      'long',
      'cost-centre',
    ]);
    const keys = result.items.map((v) => BigInt(v.variableKey));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : 1)));
    expect(result.items[1]).toEqual({
      name: 'amount',
      value: '42',
      isTruncated: false,
      tenantId: '<default>',
      variableKey: result.items[1]?.variableKey,
      scopeKey: String(open.processInstanceKey),
      processInstanceKey: String(open.processInstanceKey),
    });
    expect(result.page.totalItems).toBe(6);
  });

  it('cuts long values at the preview limit unless truncateValues=false', async () => {
    const cut = await variables(open.key, { filter: { name: 'long' } });
    expect(cut.items[0]).toMatchObject({
      value: `"${'x'.repeat(9)}`,
      isTruncated: true,
    });
    const full = await variables(
      open.key,
      { filter: { name: 'long' } },
      '?truncateValues=false',
    );
    expect(full.items[0]).toMatchObject({
      value: `"${LONG}"`,
      isTruncated: false,
    });
    const bad = await h.v2(
      'POST',
      `/v2/user-tasks/${open.key}/variables/search?truncateValues=maybe`,
    );
    expect(expectProblem(bad, 400, 'Bad Request').detail).toBe(
      "Failed to convert 'truncateValues' with value: 'maybe'",
    );
  });

  it("shows the snapshot of a completed task, in the task's scope, and nothing for a canceled one", async () => {
    const snapshot = await variables(completed.key, {
      sort: [{ field: 'name' }],
    });
    const scope = String(completed.elementInstanceKey);
    expect(snapshot.items.map((v) => [v.name, v.value, v.scopeKey])).toEqual([
      ['amount', '1', scope],
      ['extra', '{"k":"v"}', scope],
      ['note', '"after"', scope],
    ]);
    expect(
      snapshot.items.every(
        (v) => v.processInstanceKey === String(completed.processInstanceKey),
      ),
    ).toBe(true);
    expect((await variables(canceled.key)).items).toEqual([]);
  });

  it('lists the local scope and the process scope of an open task, a name twice when both have it', async () => {
    const definition = deployLinear(h.store, {
      id: 'with-inputs',
      tasks: [
        {
          id: 'review',
          inputs: [
            { source: '=amount * 2', target: 'double' },
            { source: '="local"', target: 'label' },
          ],
        },
      ],
    });
    const started = h.store.startInstance(
      definition,
      new Map([
        ['amount', '21'],
        ['label', '"process"'],
      ]),
    );
    const task = started.task;
    if (!task) throw new Error('the process has a task');
    const result = await variables(task.key, {
      sort: [{ field: 'name' }, { field: 'scopeKey' }],
    });
    const local = String(task.elementInstanceKey);
    const scopeOf = (key: string) => (key === local ? 'local' : 'process');
    // The instance's key is older than its element instances' keys.
    expect(
      result.items.map((v) => [v.name, v.value, scopeOf(v.scopeKey)]),
    ).toEqual([
      ['amount', '21', 'process'],
      ['double', '42', 'local'],
      ['label', '"process"', 'process'],
      ['label', '"local"', 'local'],
    ]);
    expect(
      result.items.every(
        (v) => v.processInstanceKey === String(task.processInstanceKey),
      ),
    ).toBe(true);
  });

  it.each([
    [{ name: 'amount' }, ['amount']],
    [{ name: { $like: '*e' } }, ['cost-centre']],
    [{ name: { $in: ['zeta', 'items', 'nope'] } }, ['items', 'zeta']],
    [
      { name: { $neq: 'amount' } },
      ['approved', 'cost-centre', 'items', 'long', 'zeta'],
    ],
  ])('filters by name %j', async (filter, expected) => {
    const result = await variables(open.key, {
      filter,
      sort: [{ field: 'name' }],
    });
    expect(names(result)).toEqual(expected);
  });

  it.each([
    [
      [{ field: 'name', order: 'DESC' }],
      ['zeta', 'long', 'items', 'cost-centre', 'approved', 'amount'],
    ],
    // JSON text order: quoted strings, numbers, arrays, booleans.
    [
      [{ field: 'value' }],
      ['cost-centre', 'zeta', 'long', 'amount', 'items', 'approved'],
    ],
  ])('sorts by %j', async (sort, expected) => {
    const result = await variables(open.key, { sort });
    expect(names(result)).toEqual(expected);
  });

  it('pages forwards and backwards with cursors', async () => {
    const sort = [{ field: 'name' }];
    const first = await variables(open.key, { sort, page: { limit: 4 } });
    expect(names(first)).toEqual([
      'amount',
      'approved',
      'cost-centre',
      'items',
    ]);
    const second = await variables(open.key, {
      sort,
      page: { after: first.page.endCursor, limit: 4 },
    });
    expect(names(second)).toEqual(['long', 'zeta']);
    const back = await variables(open.key, {
      sort,
      page: { before: second.page.startCursor, limit: 3 },
    });
    expect(names(back)).toEqual(['approved', 'cost-centre', 'items']);
    const offset = await variables(open.key, { sort, page: { from: 5 } });
    expect(names(offset)).toEqual(['zeta']);
  });

  it('answers 404 for an unknown task and 400 for bad requests', async () => {
    const missing = await h.v2(
      'POST',
      '/v2/user-tasks/2251799813699999/variables/search',
    );
    expect(expectProblem(missing, 404, 'NOT_FOUND').detail).toBe(
      'User Task with key 2251799813699999 not found',
    );
    const badFilter = await h.v2(
      'POST',
      `/v2/user-tasks/${open.key}/variables/search`,
      { body: { filter: { value: '42' } } },
    );
    expect(expectProblem(badFilter, 400, 'INVALID_ARGUMENT').detail).toBe(
      "Unknown request property 'filter.value'.",
    );
  });
});

describe('GET /v2/variables/{variableKey}', () => {
  it('returns the full value of a live or snapshot variable', async () => {
    const [long] = (await variables(open.key, { filter: { name: 'long' } }))
      .items;
    const reply = await h.v2<VariableJson>(
      'GET',
      `/v2/variables/${long?.variableKey}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      name: 'long',
      value: `"${LONG}"`,
      tenantId: '<default>',
      variableKey: long?.variableKey,
      scopeKey: String(open.processInstanceKey),
      processInstanceKey: String(open.processInstanceKey),
    });
    const [note] = (
      await variables(completed.key, { filter: { name: 'note' } })
    ).items;
    const snapshot = await h.v2<VariableJson>(
      'GET',
      `/v2/variables/${note?.variableKey}`,
    );
    expect(snapshot.body.value).toBe('"after"');
  });

  it('answers 404 for an unknown key and 400 for something that is not a key', async () => {
    const missing = await h.v2('GET', `/v2/variables/${open.key}`);
    expect(expectProblem(missing, 404, 'NOT_FOUND').detail).toBe(
      `Variable with key ${open.key} not found`,
    );
    const bad = await h.v2('GET', '/v2/variables/x-1');
    expect(expectProblem(bad, 400, 'Bad Request').detail).toBe(
      "Failed to convert 'variableKey' with value: 'x-1'",
    );
  });
});

describe('GET /v2/user-tasks/{userTaskKey}/form', () => {
  let definitionKey: number;
  let withForm: TaskRecord;

  beforeAll(() => {
    const formKey = (key: string) => ({ userTask: { formKey: key } });
    const definition = deployLinear(h.store, {
      id: 'with-forms',
      forms: [
        {
          formId: 'review:Form_1',
          kind: 'linked',
          schema: '{"type":"default","components":[]}',
        },
      ],
      tasks: [
        { id: 'a', ...formKey('camunda-forms:bpmn:review:Form_1') },
        { id: 'b', ...formKey('custom:somewhere') },
        { id: 'c' },
        { id: 'd', ...formKey('camunda-forms:bpmn:missing') },
      ],
    });
    definitionKey = definition.key;
    const started = h.store.startInstance(definition);
    if (!started.task) throw new Error('the process has steps');
    withForm = started.task;
  });

  it('serves an embedded form with its key, id and version; the task names the same key', async () => {
    const reply = await h.v2<Record<string, unknown>>(
      'GET',
      `/v2/user-tasks/${withForm.key}/form`,
    );
    expect(reply.status).toBe(200);
    const form = h.store.processes.form(definitionKey, 'review:Form_1');
    expect(reply.body).toEqual({
      formKey: String(form?.key),
      formId: 'review:Form_1',
      version: 1,
      schema: '{"type":"default","components":[]}',
      tenantId: '<default>',
    });
    const task = await h.v2<{ formKey?: string }>(
      'GET',
      `/v2/user-tasks/${withForm.key}`,
    );
    expect(task.body.formKey).toBe(String(form?.key));
  });

  it('answers 204 without a body for tasks without a form, with a custom form or a missing one', async () => {
    let current = withForm;
    for (let step = 0; step < 3; step++) {
      h.store.complete(current, new Map());
      const [next] = h.store.tasks.activeTasksOf(current.processInstanceKey);
      if (!next) throw new Error('more steps follow');
      const reply = await h.v2('GET', `/v2/user-tasks/${next.key}/form`);
      expect(reply.status).toBe(204);
      expect(reply.raw).toBe('');
      current = next;
    }
  });

  it('answers 404 for an unknown task', async () => {
    const reply = await h.v2('GET', '/v2/user-tasks/2251799813699999/form');
    expect(expectProblem(reply, 404, 'NOT_FOUND').detail).toBe(
      'User Task with key 2251799813699999 not found',
    );
  });
});
