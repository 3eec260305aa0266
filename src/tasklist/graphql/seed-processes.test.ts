import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';

/**
 * Every seed process, started and worked through the GraphQL API exactly as
 * a client would: startProcess, then claim and complete each task in turn.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

interface OpenTask {
  id: string;
  name: string;
  candidateGroups: string[] | null;
  formKey: string | null;
  implementation: string;
}

async function start(processDefinitionId: string): Promise<string> {
  const reply = await h.gql<{ startProcess: { id: string } }>(
    'mutation ($id: String!) { startProcess(processDefinitionId: $id) { id } }',
    { id: processDefinitionId },
  );
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data?.startProcess.id ?? '';
}

async function openTasks(instanceId: string): Promise<OpenTask[]> {
  const reply = await h.gql<{ tasks: OpenTask[] }>(
    'query ($q: TaskQuery!) { tasks(query: $q) { id name candidateGroups formKey implementation } }',
    { q: { processInstanceId: instanceId, state: 'CREATED', sort: [] } },
  );
  return reply.body.data?.tasks ?? [];
}

/** Claims (as an API client, for `demo`) and completes the named open task. */
async function work(
  instanceId: string,
  name: string,
  values: Record<string, unknown> = {},
) {
  const task = (await openTasks(instanceId)).find((t) => t.name === name);
  if (!task) throw new Error(`no open task "${name}"`);
  const claimed = await h.gql(
    'mutation ($id: String!) { claimTask(taskId: $id, assignee: "demo") { id } }',
    { id: task.id },
  );
  expect(claimed.body.errors).toBeUndefined();
  return h.gql<{ completeTask: { taskState: string } }>(
    'mutation ($id: String!, $v: [VariableInput!]!) { completeTask(taskId: $id, variables: $v) { taskState } }',
    {
      id: task.id,
      v: Object.entries(values).map(([name, value]) => ({
        name,
        value: JSON.stringify(value),
      })),
    },
  );
}

const names = async (instanceId: string) =>
  (await openTasks(instanceId)).map((t) => t.name).sort();

const finished = async (instanceId: string) => {
  const reply = await h.gql<{ deleteProcessInstance: boolean }>(
    'mutation ($id: String!) { deleteProcessInstance(processInstanceId: $id) }',
    { id: instanceId },
  );
  return reply.body.data?.deleteProcessInstance;
};

describe('the seed processes through GraphQL', () => {
  it('invoice approval: approved goes on to "Pay invoice" for accounting, then archiving', async () => {
    const id = await start('invoice-approval');
    const [first] = await openTasks(id);
    expect(first).toMatchObject({
      name: 'Approve invoice',
      candidateGroups: ['accounting'],
      formKey: 'camunda-forms:bpmn:invoice-approval',
      implementation: 'ZEEBE_USER_TASK',
    });
    await work(id, 'Approve invoice', { decision: 'approve', amount: 120 });
    expect(await openTasks(id)).toMatchObject([
      { name: 'Pay invoice', candidateGroups: ['accounting'] },
    ]);
    expect(await finished(id)).toBe(false);
    await work(id, 'Pay invoice');
    expect(await names(id)).toEqual(['Archive invoice']);
    await work(id, 'Archive invoice');
    expect(await names(id)).toEqual([]);
    expect(await finished(id)).toBe(true);
  });

  it('invoice approval: rejected ends without payment', async () => {
    const id = await start('invoice-approval');
    await work(id, 'Approve invoice', { decision: 'reject' });
    expect(await names(id)).toEqual([]);
    expect(await finished(id)).toBe(true);
  });

  it('vacation request: approval leads to the HR task, a decline ends it', async () => {
    const approved = await start('vacation-request');
    expect(await openTasks(approved)).toMatchObject([
      {
        name: 'Review vacation request',
        candidateGroups: ['management'],
        formKey: 'camunda-forms:bpmn:vacation-review',
      },
    ]);
    await work(approved, 'Review vacation request', {
      vacationApproved: 'yes',
    });
    expect(await openTasks(approved)).toMatchObject([
      { name: 'Record vacation in the HR system', candidateGroups: ['hr'] },
    ]);
    await work(approved, 'Record vacation in the HR system');
    expect(await finished(approved)).toBe(true);

    const declined = await start('vacation-request');
    await work(declined, 'Review vacation request', { vacationApproved: 'no' });
    expect(await finished(declined)).toBe(true);
  });

  it('customer onboarding: embedded forms, and the parallel branches join before the end', async () => {
    const id = await start('customer-onboarding');
    expect(await openTasks(id)).toMatchObject([
      {
        name: 'Verify customer identity',
        formKey: 'camunda-forms:bpmn:kyc-check',
        implementation: 'JOB_WORKER',
      },
    ]);
    await work(id, 'Verify customer identity', { identityVerified: true });
    expect(await names(id)).toEqual([
      'Send welcome package',
      'Set up customer account',
    ]);
    await work(id, 'Send welcome package');
    expect(await names(id)).toEqual(['Set up customer account']);
    expect(await finished(id)).toBe(false);
    await work(id, 'Set up customer account');
    expect(await finished(id)).toBe(true);
  });

  it('loan application: the amount decides whether management decides', async () => {
    const small = await start('loan-application');
    await work(small, 'Assess credit risk', { requestedAmount: 5000 });
    expect(await names(small)).toEqual(['Prepare loan contract']);

    const large = await start('loan-application');
    await work(large, 'Assess credit risk', { requestedAmount: 80000 });
    expect(await names(large)).toEqual(['Decide on loan']);
    await work(large, 'Decide on loan', { loanDecision: 'decline' });
    expect(await finished(large)).toBe(true);
  });

  it('loan application without an amount stops at the gateway with a clear error; the completion stands', async () => {
    const id = await start('loan-application');
    const reply = await work(id, 'Assess credit risk');
    const message = reply.body.errors?.[0]?.message ?? '';
    expect(message).toMatch(
      new RegExp(
        `^Task \\d+ was completed, but process instance ${id} stopped at 'amountGateway' with an incident: Expected result of the expression 'requestedAmount >= 20000' to be 'BOOLEAN', but was 'NULL'`,
      ),
    );
    expect(message).toContain(
      "[NO_VARIABLE_FOUND] Variable 'requestedAmount' not found",
    );
    expect(await names(id)).toEqual([]);
    expect(await finished(id)).toBe(false);
    expect(
      h.logs.some(
        (line) =>
          line.includes('stopped with an incident') && line.includes(id),
      ),
    ).toBe(true);
  });

  it('expense reimbursement: local input mapping, outputs to the process', async () => {
    const id = await start('expense-reimbursement');
    await work(id, 'Check receipts', { total: 12.5 });
    await work(id, 'Reimburse employee', { reimbursedOn: '2024-05-10' });
    expect(await finished(id)).toBe(true);
  });
});
