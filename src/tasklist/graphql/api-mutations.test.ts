import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { listTasks, type TaskJson } from '../test/task-json';

/**
 * Mutations and permissions over HTTP (fastify inject) against the seeded
 * demo world.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.close();
});

const tasks = (query: Record<string, unknown>, token?: string) =>
  listTasks(h, query, token);

describe('mutations over HTTP', () => {
  it('lets a person claim, see and complete their task; it is completed at once', async () => {
    const demo = await h.userToken('demo');
    const [open] = await tasks(
      {
        state: 'CREATED',
        assigned: false,
        candidateGroup: 'accounting',
        pageSize: 1,
      },
      demo,
    );
    const claimed = await h.gql<{ claimTask: TaskJson }>(
      'mutation ($id: String!) { claimTask(taskId: $id) { id assignee taskState sortValues isFirst } }',
      { id: open?.id },
      demo,
    );
    expect(claimed.body.data?.claimTask).toEqual({
      id: open?.id,
      assignee: 'demo',
      taskState: 'CREATED',
      sortValues: null,
      isFirst: false,
    });
    const completed = await h.gql<{ completeTask: TaskJson }>(
      'mutation ($id: String!, $v: [VariableInput!]!) { completeTask(taskId: $id, variables: $v) { id taskState completionTime assignee variables { name value } } }',
      {
        id: open?.id,
        v: [
          { name: 'decision', value: '"approve"' },
          { name: 'budgetChecked', value: 'true' },
        ],
      },
      demo,
    );
    expect(completed.body.data?.completeTask).toMatchObject({
      taskState: 'COMPLETED',
      assignee: 'demo',
      completionTime: '2024-05-10T08:00:00.000+0000',
    });
    expect(completed.body.data?.completeTask.variables).toEqual(
      expect.arrayContaining([
        { name: 'decision', value: '"approve"' },
        { name: 'budgetChecked', value: 'true' },
      ]),
    );
    const again = await h.gql(
      'mutation ($id: String!) { unclaimTask(taskId: $id) { id } }',
      { id: open?.id },
      demo,
    );
    expect(again.body).toMatchObject({
      data: null,
      errors: [{ message: 'Task is not active' }],
    });
  });

  it('reports claim conflicts with Tasklist’s messages', async () => {
    const [bobs] = await tasks({
      assignee: 'bob',
      state: 'CREATED',
      pageSize: 1,
    });
    const demo = await h.userToken('demo');
    const asUser = await h.gql(
      'mutation ($id: String!) { claimTask(taskId: $id, assignee: "alice") { id } }',
      { id: bobs?.id },
      demo,
    );
    expect(asUser.body.errors?.[0]?.message).toBe(
      "User doesn't have the permission to assign another user to this task",
    );
    const noAssignee = await h.gql(
      'mutation ($id: String!) { claimTask(taskId: $id) { id } }',
      { id: bobs?.id },
    );
    expect(noAssignee.body.errors?.[0]?.message).toBe(
      'Assignee must be specified',
    );
    const noOverride = await h.gql(
      'mutation ($id: String!) { claimTask(taskId: $id, assignee: "demo", allowOverrideAssignment: false) { id } }',
      { id: bobs?.id },
    );
    expect(noOverride.body).toMatchObject({
      data: null,
      errors: [{ message: 'Task is already assigned' }],
    });
  });

  it('lets a person unclaim a task assigned to someone else, and refuses to complete it', async () => {
    const [carols] = await tasks({
      assignee: 'carol',
      state: 'CREATED',
      pageSize: 1,
    });
    const demo = await h.userToken('demo');
    const complete = await h.gql(
      'mutation ($id: String!) { completeTask(taskId: $id, variables: []) { id } }',
      { id: carols?.id },
      demo,
    );
    expect(complete.body.errors?.[0]?.message).toBe(
      'Task is not assigned to demo',
    );
    const unclaim = await h.gql<{ unclaimTask: TaskJson }>(
      'mutation ($id: String!) { unclaimTask(taskId: $id) { id assignee } }',
      { id: carols?.id },
      demo,
    );
    expect(unclaim.body.data?.unclaimTask).toEqual({
      id: carols?.id,
      assignee: null,
    });
    const again = await h.gql(
      'mutation ($id: String!) { unclaimTask(taskId: $id) { id } }',
      { id: carols?.id },
      demo,
    );
    expect(again.body.errors?.[0]?.message).toBe('Task is not assigned');
  });

  it('explains a value that is not JSON', async () => {
    const [open] = await tasks({ state: 'CREATED', pageSize: 1 });
    const reply = await h.gql(
      'mutation ($id: String!) { completeTask(taskId: $id, variables: [{ name: "approved", value: "abc" }]) { id } }',
      { id: open?.id },
    );
    expect(reply.body.errors?.[0]?.message).toBe(
      "Unrecognized token 'abc': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    );
  });

  it('deletes finished process instances only', async () => {
    const [done] = await tasks({
      state: 'COMPLETED',
      taskDefinitionId: 'archiveInvoice',
      pageSize: 1,
    });
    const [running] = await tasks({ state: 'CREATED', pageSize: 1 });
    const del =
      'mutation ($id: String!) { deleteProcessInstance(processInstanceId: $id) }';
    expect((await h.gql(del, { id: running?.processInstanceId })).body).toEqual(
      { data: { deleteProcessInstance: false } },
    );
    expect((await h.gql(del, { id: done?.processInstanceId })).body).toEqual({
      data: { deleteProcessInstance: true },
    });
    expect(
      await tasks({
        processInstanceId: done?.processInstanceId,
        state: 'COMPLETED',
      }),
    ).toEqual([]);
  });
});

describe('permissions from scopes', () => {
  it('refuses mutations without WRITE and queries without READ with Access Denied', async () => {
    const readOnly = await h.tokens.apiToken('tasklist:read');
    const [open] = await tasks({ state: 'CREATED', pageSize: 1 }, readOnly);
    const claim = await h.gql(
      'mutation ($id: String!) { claimTask(taskId: $id, assignee: "demo") { id } }',
      { id: open?.id },
      readOnly,
    );
    expect(claim.body).toMatchObject({
      data: null,
      errors: [{ message: 'Access Denied' }],
    });
    const start = await h.gql(
      'mutation { startProcess(processDefinitionId: "vacation-request") { id } }',
      undefined,
      readOnly,
    );
    expect(start.body.errors?.[0]?.message).toBe('Access Denied');

    const writeOnly = await h.tokens.apiToken('tasklist:write');
    for (const query of [
      '{ tasks(query: {}) { id } }',
      '{ processes { id } }',
      `{ task(id: "${open?.id ?? ''}") { id } }`,
      '{ variable(id: "1-a") { id } }',
    ]) {
      const reply = await h.gql(query, undefined, writeOnly);
      expect(reply.body, query).toMatchObject({
        data: null,
        errors: [{ message: 'Access Denied' }],
      });
    }
  });

  it('answers currentUser without READ, listing the permissions the token grants', async () => {
    const none = await h.tokens.apiToken('openid');
    const reply = await h.gql(
      '{ currentUser { userId displayName permissions roles salesPlanType c8Links { name link } } }',
      undefined,
      none,
    );
    expect(reply.body.data).toEqual({
      currentUser: {
        userId: 'tasklist-inbox-bff',
        displayName: 'tasklist-inbox-bff',
        permissions: [],
        roles: null,
        salesPlanType: null,
        c8Links: [],
      },
    });
    const demo = await h.gql(
      '{ currentUser { userId displayName permissions } }',
      undefined,
      await h.userToken('demo'),
    );
    expect(demo.body.data).toEqual({
      currentUser: {
        userId: 'demo',
        displayName: 'Demo Example',
        permissions: ['READ', 'WRITE'],
      },
    });
  });
});
