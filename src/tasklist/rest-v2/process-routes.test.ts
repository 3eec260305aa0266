import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDefinitionRecord } from '../store/records';
import { createHarness, type Harness } from '../test/harness';
import { deployLinear } from '../test/model-builder';
import {
  expectProblem,
  type SearchJson,
  type UserTaskJson,
  type VariableJson,
} from '../test/v2-json';

/*
 * POST /v2/process-definitions/search and POST /v2/process-instances.
 */

interface DefinitionJson {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  resourceName: string;
  tenantId: string;
  hasStartForm: boolean;
}

interface CreatedJson {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  tenantId: string;
  variables: Record<string, unknown>;
  tags?: string[];
}

let h: Harness;
let invoiceV1: ProcessDefinitionRecord;
let invoiceV2: ProcessDefinitionRecord;
let vacation: ProcessDefinitionRecord;
let unnamed: ProcessDefinitionRecord;

beforeAll(async () => {
  h = await createHarness({ seed: false });
  invoiceV1 = deployLinear(h.store, {
    id: 'invoice',
    name: 'Invoice approval',
    versionTag: 'v1.0',
    tasks: [{ id: 'approve', name: 'Approve' }],
  });
  vacation = deployLinear(h.store, {
    id: 'vacation',
    name: 'Vacation request',
    tasks: [{ id: 'review' }],
  });
  invoiceV2 = deployLinear(h.store, {
    id: 'invoice',
    name: 'Invoice approval',
    tasks: [{ id: 'check' }, { id: 'approve' }],
  });
  unnamed = deployLinear(h.store, { id: 'no_name', tasks: [] });
});

afterAll(async () => {
  await h.close();
});

async function definitions(body: unknown): Promise<SearchJson<DefinitionJson>> {
  const reply = await h.v2<SearchJson<DefinitionJson>>(
    'POST',
    '/v2/process-definitions/search',
    { body },
  );
  expect(reply.status, reply.raw).toBe(200);
  return reply.body;
}

const keysOf = (result: SearchJson<DefinitionJson>) =>
  result.items.map((d) => d.processDefinitionKey);
const k = (definition: ProcessDefinitionRecord) => String(definition.key);

describe('POST /v2/process-definitions/search', () => {
  it('lists every version by key, with what Camunda reports', async () => {
    const all = await definitions({});
    expect(keysOf(all)).toEqual(
      [invoiceV1, vacation, invoiceV2, unnamed].map(k),
    );
    expect(all.items[2]).toEqual({
      processDefinitionKey: k(invoiceV2),
      processDefinitionId: 'invoice',
      name: 'Invoice approval',
      version: 2,
      resourceName: 'invoice.bpmn',
      tenantId: '<default>',
      hasStartForm: false,
    });
    expect(all.items[0]).toMatchObject({ versionTag: 'v1.0', version: 1 });
    expect(all.items[3]).not.toHaveProperty('name');
    expect(all.page.totalItems).toBe(4);
  });

  it.each([
    [{ isLatestVersion: true }, () => [vacation, invoiceV2, unnamed]],
    [{ isLatestVersion: false }, () => [invoiceV1]],
    [{ name: 'Invoice approval' }, () => [invoiceV1, invoiceV2]],
    [{ name: { $like: '*request' } }, () => [vacation]],
    [{ name: { $exists: false } }, () => [unnamed]],
    [{ processDefinitionId: 'invoice', version: 1 }, () => [invoiceV1]],
    [
      { processDefinitionId: { $in: ['vacation', 'no_name'] } },
      () => [vacation, unnamed],
    ],
    [{ processDefinitionKey: '1' }, () => []],
    [{ resourceName: 'vacation.bpmn' }, () => [vacation]],
    [{ versionTag: 'v1' }, () => []],
    [{ versionTag: 'v1.0' }, () => [invoiceV1]],
    [
      { tenantId: '<default>', hasStartForm: false },
      () => [invoiceV1, vacation, invoiceV2, unnamed],
    ],
    [{ hasStartForm: true }, () => []],
    [{ state: 'ACTIVE' }, () => [invoiceV1, vacation, invoiceV2, unnamed]],
    [{ state: 'DELETED' }, () => []],
  ])('filters by %j', async (filter, expected) => {
    expect(keysOf(await definitions({ filter }))).toEqual(expected().map(k));
  });

  it('filters by key', async () => {
    const found = await definitions({
      filter: { processDefinitionKey: k(vacation) },
    });
    expect(keysOf(found)).toEqual([k(vacation)]);
  });

  it('sorts, with missing names last', async () => {
    const byName = await definitions({
      sort: [{ field: 'name', order: 'DESC' }, { field: 'version' }],
    });
    expect(keysOf(byName)).toEqual(
      [vacation, invoiceV1, invoiceV2, unnamed].map(k),
    );
    const byVersion = await definitions({
      sort: [{ field: 'version', order: 'DESC' }],
    });
    expect(keysOf(byVersion)).toEqual(
      [invoiceV2, invoiceV1, vacation, unnamed].map(k),
    );
    const byId = await definitions({
      sort: [{ field: 'processDefinitionId' }],
    });
    expect(byId.items.map((d) => d.processDefinitionId)).toEqual([
      'invoice',
      'invoice',
      'no_name',
      'vacation',
    ]);
  });

  it('pages with cursors both ways and by offset', async () => {
    const first = await definitions({ page: { limit: 3 } });
    expect(keysOf(first)).toEqual([invoiceV1, vacation, invoiceV2].map(k));
    const next = await definitions({
      page: { after: first.page.endCursor, limit: 3 },
    });
    expect(keysOf(next)).toEqual([k(unnamed)]);
    const back = await definitions({
      page: { before: next.page.startCursor, limit: 2 },
    });
    expect(keysOf(back)).toEqual([vacation, invoiceV2].map(k));
    const offset = await definitions({ page: { from: 1, limit: 2 } });
    expect(keysOf(offset)).toEqual([vacation, invoiceV2].map(k));
  });

  it('with isLatestVersion pages forwards only, as Camunda does', async () => {
    const first = await definitions({
      filter: { isLatestVersion: true },
      page: { limit: 2, from: 1 },
    });
    expect(keysOf(first)).toEqual([vacation, invoiceV2].map(k));
    expect(first.page).not.toHaveProperty('startCursor');
    const next = await definitions({
      filter: { isLatestVersion: true },
      page: { after: first.page.endCursor },
    });
    expect(keysOf(next)).toEqual([k(unnamed)]);
    const sorted = await h.v2('POST', '/v2/process-definitions/search', {
      body: { filter: { isLatestVersion: true }, sort: [{ field: 'name' }] },
    });
    expect(expectProblem(sorted, 400, 'INVALID_ARGUMENT').detail).toBe(
      'With isLatestVersion, sorting is limited to processDefinitionId and tenantId.',
    );
  });

  it.each([
    [
      { filter: { bpmnProcessId: 'x' } },
      "Unknown request property 'filter.bpmnProcessId'.",
    ],
    [
      { filter: { version: 'one' } },
      "The value for filter.version is 'one' but must be an integer.",
    ],
    [
      { sort: [{ field: 'key' }] },
      "The value for sort.0.field is 'key' but must be one of processDefinitionKey, name, resourceName, version, versionTag, processDefinitionId, tenantId.",
    ],
  ])('refuses %j with 400', async (body, detail) => {
    const reply = await h.v2('POST', '/v2/process-definitions/search', {
      body,
    });
    expect(expectProblem(reply, 400, 'INVALID_ARGUMENT').detail).toBe(detail);
  });
});

describe('POST /v2/process-instances', () => {
  async function start(body: unknown, token?: string) {
    return h.v2<CreatedJson>('POST', '/v2/process-instances', { body, token });
  }

  async function tasksOf(processInstanceKey: string) {
    const reply = await h.v2<SearchJson<UserTaskJson>>(
      'POST',
      '/v2/user-tasks/search',
      { body: { filter: { processInstanceKey } } },
    );
    return reply.body.items;
  }

  it('starts the latest version by BPMN id, with variables at the instance scope', async () => {
    const reply = await start({
      processDefinitionId: 'invoice',
      variables: { amount: 12.5, supplier: { name: 'ACME' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      processInstanceKey: expect.stringMatching(/^\d+$/) as string,
      processDefinitionKey: k(invoiceV2),
      processDefinitionId: 'invoice',
      processDefinitionVersion: 2,
      tenantId: '<default>',
      variables: { amount: 12.5, supplier: { name: 'ACME' } },
    });
    const [first] = await tasksOf(reply.body.processInstanceKey);
    expect(first).toMatchObject({ elementId: 'check', state: 'CREATED' });
    const vars = await h.v2<SearchJson<VariableJson>>(
      'POST',
      `/v2/user-tasks/${first?.userTaskKey}/variables/search`,
      { body: { sort: [{ field: 'name' }] } },
    );
    expect(vars.body.items.map((v) => [v.name, v.value])).toEqual([
      ['amount', '12.5'],
      ['supplier', '{"name":"ACME"}'],
    ]);
  });

  it('starts a given version, or a definition by key, and echoes tags', async () => {
    const v1 = await start({
      processDefinitionId: 'invoice',
      processDefinitionVersion: 1,
      tags: ['business_key:1234'],
    });
    expect(v1.body).toMatchObject({
      processDefinitionKey: k(invoiceV1),
      processDefinitionVersion: 1,
      variables: {},
      tags: ['business_key:1234'],
    });
    const [task] = await tasksOf(v1.body.processInstanceKey);
    expect(task?.elementId).toBe('approve');
    const latest = await start({
      processDefinitionId: 'invoice',
      processDefinitionVersion: -1,
    });
    expect(latest.body.processDefinitionVersion).toBe(2);
    const byKey = await start({ processDefinitionKey: k(vacation) });
    expect(byKey.body).toMatchObject({
      processDefinitionId: 'vacation',
      processDefinitionVersion: 1,
    });
  });

  it('finishes at once for a process without user tasks', async () => {
    const reply = await start({ processDefinitionId: 'no_name' });
    expect(reply.status).toBe(200);
    expect(await tasksOf(reply.body.processInstanceKey)).toEqual([]);
  });

  it.each([
    [
      { processDefinitionId: 'nope' },
      "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'nope', but none found",
    ],
    [
      { processDefinitionId: 'invoice', processDefinitionVersion: 3 },
      "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'invoice' and version '3', but none found",
    ],
    [
      { processDefinitionKey: '2251799813699999' },
      "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with key '2251799813699999', but none found",
    ],
  ])('answers 404 for %j', async (body, detail) => {
    expect(expectProblem(await start(body), 404, 'NOT_FOUND').detail).toBe(
      detail,
    );
  });

  it.each([
    [undefined, 'Bad Request', 'Required request body is missing'],
    [
      {},
      'INVALID_ARGUMENT',
      'At least one of [processDefinitionId, processDefinitionKey] is required.',
    ],
    [
      {
        processDefinitionId: 'invoice',
        processDefinitionKey: '2251799813685250',
      },
      'INVALID_ARGUMENT',
      'Only one of [processDefinitionId, processDefinitionKey] is allowed.',
    ],
    [
      { processDefinitionKey: '2251799813685250', processDefinitionVersion: 1 },
      'INVALID_ARGUMENT',
      'processDefinitionVersion can only be given with processDefinitionId.',
    ],
    [
      { processDefinitionId: 'invoice', variables: [1, 2] },
      'INVALID_ARGUMENT',
      "The value for variables is '[1,2]' but must be a JSON object.",
    ],
    [
      { processDefinitionId: 'invoice', tenantId: 'acme' },
      'INVALID_ARGUMENT',
      "Expected to handle request Create Process Instance with tenant identifier 'acme', but multi-tenancy is disabled",
    ],
    [
      { processDefinitionId: 'invoice', awaitCompletion: true },
      'INVALID_ARGUMENT',
      "The value for awaitCompletion is 'true' but must be false: waiting for completion is not supported.",
    ],
    [
      {
        processDefinitionId: 'invoice',
        startInstructions: [{ elementId: 'approve' }],
      },
      'INVALID_ARGUMENT',
      'The value for startInstructions is \'[{"elementId":"approve"}]\' but must be empty: start instructions are not supported.',
    ],
    [
      { processDefinitionId: 'invoice', operationReference: 0 },
      'INVALID_ARGUMENT',
      "The value for operationReference is '0' but must be > 0.",
    ],
    [
      { processDefinitionId: 'invoice', tags: ['1bad'] },
      'INVALID_ARGUMENT',
      "The value for tags.0 is '1bad' but must be tags like business_key:1234.",
    ],
    [
      { processDefinitionId: 'invoice', bpmnProcessId: 'x' },
      'INVALID_ARGUMENT',
      "Unknown request property 'bpmnProcessId'.",
    ],
  ])('refuses %j with 400 and starts nothing', async (body, title, detail) => {
    const instances = () =>
      h.store.db.prepare('SELECT count(*) FROM process_instance').pluck().get();
    const before = instances();
    const reply = await start(body);
    expect(expectProblem(reply, 400, title).detail).toBe(detail);
    expect(instances()).toBe(before);
  });

  it('needs WRITE', async () => {
    const readOnly = await h.tokens.apiToken('tasklist:read');
    const reply = await start({ processDefinitionId: 'invoice' }, readOnly);
    expect(expectProblem(reply, 403, 'FORBIDDEN').detail).toBe(
      "Unauthorized to perform operation 'CREATE_PROCESS_INSTANCE' on resource 'PROCESS_DEFINITION': the token grants no WRITE permission",
    );
  });
});
