import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from 'vitest';
import { aV2Task, startFakeCamundaV2 } from '../test/fake-camunda-v2';
import { captureLogs } from '../test/log-capture';
import { startProxyHarness, type ProxyBff } from '../test/proxy-harness';

// Issue 12: the BFF's /graphql on a REST API v2 upstream. The per-user rules,
// visibility, audit and the client-credentials token with the audience v2
// wants are the same code as on the GraphQL upstream; these tests show they
// hold end to end through the rest-v2 adapter.

const { start, tokenEndpoint } = await startProxyHarness();
const v2 = await startFakeCamundaV2();
afterAll(() => v2.close());

const logs = captureLogs();
let bff: ProxyBff;
let alice: string;
let bob: string;
const KEY = (n: number) => String(2251799813700000 + n);

const world = () => [
  aV2Task({ key: KEY(1) }),
  aV2Task({ key: KEY(2), assignee: 'bob' }),
  aV2Task({ key: KEY(3), candidateGroups: ['hr'] }),
  aV2Task({ key: KEY(4), assignee: 'alice', formKey: '77' }),
];

beforeAll(async () => {
  bff = await start({
    logger: logs.logger,
    env: {
      TASKLIST_UPSTREAM: 'rest-v2',
      CAMUNDA_REST_URL: v2.url,
      OAUTH_AUDIENCE: 'zeebe.camunda.io',
    },
  });
  alice = await bff.bffToken('alice');
  bob = await bff.bffToken('bob');
});
beforeEach(() => {
  v2.setTasks(world());
  v2.forms.set('77', '{"components":[]}');
  v2.calls.length = 0;
  logs.lines.length = 0;
});

describe('rest-v2 upstream through /graphql', () => {
  test('the machine token is fetched with the v2 audience and sent to v2, never the browser’s', async () => {
    const answer = await bff.gql(alice, 'TaskInboxRouteQuery', {
      query: { pageSize: 10 },
    });
    expect(answer.status, answer.raw).toBe(200);
    const body = tokenEndpoint.calls.at(-1)?.body ?? '';
    expect(new URLSearchParams(body).get('audience')).toBe('zeebe.camunda.io');
    expect(v2.calls.length).toBeGreaterThan(0);
    for (const call of v2.calls) {
      expect(call.authorization).toMatch(/^Bearer upstream-token-\d+$/);
      expect(call.authorization).not.toContain(alice);
    }
  });

  test('visibility: alice sees the open tasks without candidates or with her groups, paged by opaque sortValues', async () => {
    const answer = await bff.gql(alice, 'TaskInboxRouteQuery', {
      query: { pageSize: 2, sort: [] },
    });
    const tasks = (answer.body.data?.tasks ?? []) as {
      id: string;
      sortValues: string[];
      isFirst: boolean;
    }[];
    expect(tasks.map((t) => t.id)).toEqual([KEY(1), KEY(2)]);
    expect(tasks[0]?.isFirst).toBe(true);
    expect(tasks[1]?.sortValues).toEqual([
      expect.stringMatching(/^v2\./) as string,
    ]);
    const next = await bff.gql(alice, 'TaskInboxRouteQuery', {
      query: { pageSize: 2, sort: [], searchAfter: tasks[1]?.sortValues },
    });
    // KEY(3) is for hr only: the page refills past it.
    expect(
      ((next.body.data?.tasks ?? []) as { id: string }[]).map((t) => t.id),
    ).toEqual([KEY(4)]);
  });

  test('per-user rules and audit: a claim for someone else never reaches v2; one’s own claim does', async () => {
    const forged = await bff.gql(alice, 'ClaimTaskMutation', {
      taskId: KEY(1),
      assignee: 'bob',
    });
    expect(forged.body.errors?.[0]?.message).toBe(
      "User doesn't have the permission to assign another user to this task",
    );
    expect(v2.callsTo('POST /v2/user-tasks/').length).toBe(0);
    const own = await bff.gql(alice, 'ClaimTaskMutation', {
      taskId: KEY(1),
      assignee: 'alice',
    });
    expect(own.body.data?.claimTask).toMatchObject({
      id: KEY(1),
      assignee: 'alice',
      taskState: 'CREATED',
    });
    const taken = await bff.gql(alice, 'ClaimTaskMutation', {
      taskId: KEY(2),
      assignee: 'alice',
    });
    expect(taken.body.errors?.[0]?.message).toBe('Task is already assigned');
    const audit = logs.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.audit === 'graphql_mutation')
      .map(({ taskId, decision }) => ({ taskId, decision }));
    expect(audit).toEqual([
      { taskId: KEY(1), decision: 'refused' },
      { taskId: KEY(1), decision: 'allowed' },
      { taskId: KEY(2), decision: 'allowed' },
    ]);
  });

  test('complete and unclaim one’s own task; someone else’s is refused with Tasklist’s words', async () => {
    const other = await bff.gql(alice, 'CompleteTaskMutation', {
      taskId: KEY(2),
      variables: [],
    });
    expect(other.body.errors?.[0]?.message).toBe(
      'Task is not assigned to alice',
    );
    const done = await bff.gql(alice, 'CompleteTaskMutation', {
      taskId: KEY(4),
      variables: [{ name: 'approved', value: 'true' }],
    });
    expect(done.body.data?.completeTask).toMatchObject({
      id: KEY(4),
      taskState: 'COMPLETED',
    });
    const release = await bff.gql(bob, 'UnclaimTaskMutation', {
      taskId: KEY(2),
    });
    expect(release.body.data?.unclaimTask).toMatchObject({ assignee: null });
  });

  test('a linked form is served through its visible task, and hidden with it', async () => {
    const task = await bff.gql(alice, 'TaskDetailsRouteQuery', { id: KEY(4) });
    const formKey = (task.body.data?.task as { formKey: string }).formKey;
    const formId = formKey.replace('camunda-forms:bpmn:', '');
    const form = await bff.gql(alice, 'TaskFormQuery', {
      formId,
      processDefinitionId: '2251799813685249',
    });
    expect(form.body.data?.form).toMatchObject({ schema: '{"components":[]}' });
    v2.setTasks([
      aV2Task({ key: KEY(4), formKey: '77', candidateGroups: ['hr'] }),
    ]);
    const hidden = await bff.gql(alice, 'TaskFormQuery', {
      formId,
      processDefinitionId: '2251799813685249',
    });
    expect(hidden.body.errors?.[0]?.message).toBe(
      `No task form found with id ${formId}`,
    );
    expect(v2.callsTo(`GET /v2/user-tasks/${KEY(4)}/form`).length).toBe(1);
  });
});

describe('processes', () => {
  test('the SPA’s processes page lists the latest versions; start goes to v2 by BPMN id', async () => {
    const list = await bff.gql(alice, 'ProcessesRouteQuery', { search: 'vac' });
    expect(list.body.data?.processes).toEqual([
      expect.objectContaining({
        id: '2251799813685250',
        name: 'Vacation request',
        processDefinitionId: 'vacation',
        version: 1,
      }),
    ]);
    const started = await bff.gql(alice, 'StartProcessMutation', {
      processDefinitionId: 'vacation',
    });
    expect(started.body.data?.startProcess).toMatchObject({
      id: expect.stringMatching(/^\d+$/) as string,
    });
    expect(v2.callsTo('POST /v2/process-instances')[0]?.body).toEqual({
      processDefinitionId: 'vacation',
    });
  });
});
