import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { listTasks, TASK_FIELDS, type TaskJson } from '../test/task-json';

/**
 * Queries over HTTP (fastify inject) against the seeded demo world, plus
 * malformed requests and unexpected failures: what a client written for
 * Camunda Tasklist sees.
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

describe('queries', () => {
  it('answers the curl example from the Camunda docs', async () => {
    const reply = await h.gql<{ tasks: { name: string }[] }>(
      '{tasks(query:{}){name}}',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data?.tasks).toHaveLength(50);
    expect(Object.keys(reply.body.data?.tasks[0] ?? {})).toEqual(['name']);
    expect(typeof reply.body.data?.tasks[0]?.name).toBe('string');
  });

  it('formats dates like Tasklist: creation times with +0000, DateTime fields in RFC 3339', async () => {
    const completed = await tasks({ state: 'COMPLETED', pageSize: 5 });
    expect(completed).toHaveLength(5);
    for (const task of completed) {
      expect(task.creationTime).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/,
      );
      expect(task.completionTime).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/,
      );
    }
    const withDue = await tasks({
      state: 'CREATED',
      sort: [{ field: 'dueDate', order: 'ASC' }],
      pageSize: 1,
    });
    expect(withDue[0]?.dueDate).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    expect(Date.parse(withDue[0]?.dueDate ?? '')).toBe(
      Number(withDue[0]?.sortValues?.[0]),
    );
  });

  it('accepts DateTime filters with an offset and explains a missing one', async () => {
    const inRange = await tasks({
      dueDate: {
        from: '2024-05-10T09:00:00.000+01:00',
        to: '2024-05-11T08:00:00Z',
      },
    });
    expect(inRange.length).toBeGreaterThan(0);
    for (const task of inRange) {
      expect(Date.parse(task.dueDate ?? '')).toBeGreaterThanOrEqual(
        Date.parse('2024-05-10T08:00:00Z'),
      );
    }
    const reply = await h.gql(
      'query ($q: TaskQuery!) { tasks(query: $q) { id } }',
      {
        q: { dueDate: { from: '2024-05-10', to: '2024-05-11T08:00:00Z' } },
      },
    );
    expect(reply.body.errors?.[0]?.message).toContain(
      'DateTime must be an RFC 3339 date-time with an offset, e.g. 2023-04-12T10:00:00Z or 2023-04-12T10:00:00.000+02:00; got "2024-05-10"',
    );
    const literal = await h.gql(
      '{ tasks(query: { followUpDate: { from: "soon", to: "later" } }) { id } }',
    );
    expect(literal.body.errors?.[0]?.message).toContain(
      'DateTime must be an RFC 3339 date-time',
    );
  });

  it('gives task(id) in any state, without cursor', async () => {
    const [completed] = await tasks({ state: 'COMPLETED', pageSize: 1 });
    const reply = await h.gql<{ task: TaskJson }>(
      `{ task(id: "${completed?.id ?? ''}") { ${TASK_FIELDS} } }`,
    );
    expect(reply.body.data?.task).toMatchObject({
      id: completed?.id,
      taskState: 'COMPLETED',
      sortValues: null,
      isFirst: false,
    });
    expect(['JOB_WORKER', 'ZEEBE_USER_TASK']).toContain(
      reply.body.data?.task.implementation,
    );
  });

  it('fails a missing task with HTTP 200, data null and the exact message, without internals', async () => {
    const reply = await h.gql('{ task(id: "2251799813000000") { id name } }');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toBeNull();
    expect(reply.body.errors?.[0]?.message).toBe(
      'Task with id 2251799813000000 was not found',
    );
    expect(reply.raw).not.toMatch(
      /stack|\.ts:|at [A-Za-z]+ \(|TasklistError|originalError/,
    );
  });

  it('keeps data for the nullable form field when it fails', async () => {
    const reply = await h.gql(
      '{ form(id: "nope", processDefinitionId: "1") { id } }',
    );
    expect(reply.body).toMatchObject({
      data: { form: null },
      errors: [{ message: 'No task form found with id nope' }],
    });
  });

  it.each([
    ['a linked form (.form file)', 'approveInvoice', 'invoice-approval'],
    ['an embedded form', 'verifyCustomerIdentity', 'kyc-check'],
  ])(
    'serves %s by the id in formKey and the task’s processDefinitionId',
    async (_kind, taskDefinitionId, expectedFormId) => {
      const [task] = await tasks({
        taskDefinitionId,
        state: 'CREATED',
        pageSize: 1,
      });
      const formId = (task?.formKey ?? '').replace('camunda-forms:bpmn:', '');
      expect(formId).toBe(expectedFormId);
      const reply = await h.gql<{
        form: { id: string; processDefinitionId: string; schema: string };
      }>(
        'query ($id: String!, $pd: String!) { form(id: $id, processDefinitionId: $pd) { id processDefinitionId schema } }',
        { id: formId, pd: task?.processDefinitionId },
      );
      const form = reply.body.data?.form;
      expect(form).toMatchObject({
        id: formId,
        processDefinitionId: task?.processDefinitionId,
      });
      const schema = JSON.parse(form?.schema ?? '{}') as {
        type: string;
        components: unknown[];
      };
      expect(schema.type).toBe('default');
      expect(schema.components.length).toBeGreaterThan(3);
    },
  );

  it('returns variables with previews cut at 8191 characters and full values on request', async () => {
    const [loan] = await tasks({
      taskDefinitionId: 'assessCreditRisk',
      state: 'CREATED',
      assigned: false,
      pageSize: 1,
    });
    const reply = await h.gql<{
      variables: NonNullable<TaskJson['variables']>;
    }>(
      'query ($id: String!) { variables(taskId: $id, variableNames: ["creditReport", "applicantName"]) { id name value previewValue isValueTruncated } }',
      { id: loan?.id },
    );
    const [applicant, report] = reply.body.data?.variables ?? [];
    expect(applicant).toMatchObject({
      name: 'applicantName',
      isValueTruncated: false,
      id: `${loan?.processInstanceId ?? ''}-applicantName`,
    });
    expect(applicant?.previewValue).toBe(applicant?.value);
    expect(report?.isValueTruncated).toBe(true);
    expect(report?.previewValue).toHaveLength(8191);
    expect(report?.value.length).toBeGreaterThan(8191);
    const single = await h.gql<{ variable: { value: string } }>(
      'query ($id: String!) { variable(id: $id) { value } }',
      { id: report?.id },
    );
    expect(single.body.data?.variable.value).toBe(report?.value);
    expect(JSON.parse(single.body.data?.variable.value ?? '{}')).toHaveProperty(
      'accounts',
    );
  });

  it('resolves Task.variables lazily, sorted by name', async () => {
    const reply = await h.gql<{ tasks: TaskJson[] }>(
      '{ tasks(query: { state: COMPLETED, pageSize: 3 }) { id variables { id name } } }',
    );
    expect(reply.body.data?.tasks).toHaveLength(3);
    for (const task of reply.body.data?.tasks ?? []) {
      const names = (task.variables ?? []).map((v) => v.name);
      expect(names).toEqual([...names].sort());
      expect(task.variables?.[0]?.id.startsWith(`${task.id}-`)).toBe(true);
    }
  });

  it('lists and starts processes', async () => {
    const list = await h.gql<{
      processes: {
        id: string;
        name: string;
        processDefinitionId: string;
        version: number;
      }[];
    }>('{ processes(search: null) { id name processDefinitionId version } }');
    const processes = list.body.data?.processes ?? [];
    expect(processes.map((p) => p.processDefinitionId)).toEqual([
      'customer-onboarding',
      'expense-reimbursement',
      'invoice-approval',
      'loan-application',
      'vacation-request',
    ]);
    expect(
      processes.find((p) => p.processDefinitionId === 'vacation-request')
        ?.version,
    ).toBe(1);
    const started = await h.gql<{ startProcess: { id: string } }>(
      'mutation { startProcess(processDefinitionId: "vacation-request") { id } }',
    );
    const instanceId = started.body.data?.startProcess.id ?? '';
    const created = await tasks({ processInstanceId: instanceId });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      name: 'Review vacation request',
      taskState: 'CREATED',
      isFirst: true,
    });
  });

  it('keeps introspection on', async () => {
    const reply = await h.gql<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "TaskSortFields") { enumValues { name } } }',
    );
    expect(reply.body.data?.__type.enumValues.map((v) => v.name)).toEqual([
      'creationTime',
      'completionTime',
      'followUpDate',
      'dueDate',
    ]);
  });
});

describe('malformed requests', () => {
  const raw = async (payload: string, contentType = 'application/json') =>
    h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': contentType,
        authorization: `Bearer ${await h.tokens.apiToken()}`,
      },
      payload,
    });

  it('answers broken JSON with 400 and a GraphQL error', async () => {
    const reply = await raw('{"query": ');
    expect(reply.statusCode).toBe(400);
    expect(
      reply.json<{ errors: { message: string }[] }>().errors[0]?.message,
    ).toBe('POST body sent invalid JSON.');
  });

  it('answers syntax and validation errors as GraphQL errors without stack traces', async () => {
    const syntax = await raw(
      JSON.stringify({ query: '{ tasks(query: {}) { id ' }),
    );
    expect(
      syntax.json<{ errors: { message: string }[] }>().errors[0]?.message,
    ).toMatch(/^Syntax Error/);
    const invalid = await raw(
      JSON.stringify({ query: '{ tasks(query: {}) { nope } }' }),
    );
    expect(invalid.statusCode).toBe(200);
    expect(
      invalid.json<{ errors: { message: string }[] }>().errors[0]?.message,
    ).toBe('Cannot query field "nope" on type "Task". Did you mean "name"?');
    for (const reply of [syntax, invalid])
      expect(reply.body).not.toMatch(/stack|\.ts:|node_modules/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const huge = JSON.stringify({
      query: '{ currentUser { userId } }',
      variables: { pad: 'x'.repeat(5 * 1024 * 1024) },
    });
    const reply = await raw(huge);
    expect(reply.statusCode).toBe(413);
  });

  it('answers queries over GET', async () => {
    const reply = await h.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ currentUser { userId } }')}`,
      headers: { authorization: `Bearer ${await h.tokens.apiToken()}` },
    });
    expect(reply.json()).toEqual({
      data: { currentUser: { userId: 'tasklist-inbox-bff' } },
    });
  });

  it('refuses mutations over GET', async () => {
    const reply = await h.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { startProcess(processDefinitionId: "x") { id } }')}`,
      headers: { authorization: `Bearer ${await h.tokens.apiToken()}` },
    });
    expect(reply.statusCode).toBe(405);
  });
});

describe('unexpected failures', () => {
  it('are logged and answered with a generic message, never internals', async () => {
    const broken = await createHarness({ seed: false });
    broken.store.db.close();
    const reply = await broken.gql('{ tasks(query: {}) { id } }');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['tasks'],
        },
      ],
    });
    expect(broken.logs.join('\n')).toContain(
      'The database connection is not open',
    );
    const health = await broken.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    await broken.close();
  });
});
