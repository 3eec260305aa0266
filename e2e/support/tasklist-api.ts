import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  E2E_DIRECT_PORTS,
  E2E_PORTS,
  E2E_REST_V2_PORTS,
} from '../../playwright.config';
import { signIn, type RuntimeConfig } from './oidc-sign-in';

/**
 * Test data through the API, the way a process application makes it: each
 * end-to-end test starts the process instances it needs on the embedded
 * Tasklist of its own Playwright project's stack (proxy, direct or rest-v2)
 * and works
 * on the tasks created for them, so no test depends on (or uses up) another
 * test's tasks, and the tests run in any order, in both modes.
 *
 * The caller is the BFF's own client (client credentials at the embedded
 * identity provider), which the embedded Tasklist treats as an API user with
 * READ and WRITE: it may assign tasks to anyone and complete any open task.
 *
 * Only process ids and "the tasks created for this instance" are relied on;
 * the names of later tasks may change with the process models, so code that
 * walks a process (`taskWithoutForm`) lives here, in one place.
 */

const HOST = '127.0.0.1';
const BFF_CLIENT_ID = 'tasklist-inbox-bff';
const TASKLIST_AUDIENCE = 'tasklist-api';

type StackPorts = typeof E2E_PORTS;

/**
 * The stack the running test's project talks to, found by its app port: the
 * direct and rest-v2 projects each have a stack of their own, anything else
 * uses the proxy-mode one. The rest-v2 stack's embedded server holds the
 * store its REST API v2 serves, so test data made through its GraphQL API is
 * what the rest-v2 BFF sees.
 */
function currentStack(): StackPorts {
  const { baseURL } = test.info().project.use;
  const port = baseURL ? Number(new URL(baseURL).port) : E2E_PORTS.app;
  if (port === E2E_DIRECT_PORTS.app) return E2E_DIRECT_PORTS;
  if (port === E2E_REST_V2_PORTS.app) return E2E_REST_V2_PORTS;
  return E2E_PORTS;
}

const tokenUrl = (stack: StackPorts) =>
  `http://${HOST}:${String(stack.identity)}/token`;
const graphqlUrl = (stack: StackPorts) =>
  `http://${HOST}:${String(stack.tasklist)}/graphql`;

/** The demo processes the tests start; their ids are stable. */
export type ProcessId =
  | 'invoice-approval'
  | 'vacation-request'
  | 'customer-onboarding'
  | 'loan-application';

/** A task as the tests read it back from Tasklist. */
export interface ApiTask {
  id: string;
  name: string;
  processName: string;
  processInstanceId: string;
  taskState: 'CREATED' | 'COMPLETED' | 'CANCELED';
  assignee: string | null;
  formKey: string | null;
  candidateGroups: string[] | null;
  candidateUsers: string[] | null;
}

const TASK_FIELDS =
  'id name processName processInstanceId taskState assignee formKey candidateGroups candidateUsers';

/**
 * What a person deciding in favour would submit for a task of each process,
 * so that walking a process through the API takes its main path. Keyed by
 * process, not by task, so renamed or added tasks still get sensible input.
 */
const HAPPY_PATH_VARIABLES: Record<ProcessId, Record<string, unknown>> = {
  'invoice-approval': {
    invoiceNumber: 'INV-2026-0001',
    supplier: 'Acme Office Supplies',
    amount: 120.5,
    currency: 'EUR',
    budgetChecked: true,
    decision: 'approve',
  },
  'vacation-request': { vacationApproved: 'yes' },
  'customer-onboarding': {
    customerEmail: 'customer@example.com',
    documentType: 'passport',
    documentNumber: 'C01X00T47',
    identityVerified: true,
    accountType: 'current',
    creditLimit: 1000,
  },
  'loan-application': {
    // The process routes on the amount, which a real start would carry.
    requestedAmount: 15000,
    creditScore: 720,
    riskClass: 'B',
    collateralRequired: false,
    loanDecision: 'approve',
  },
};

/** The BFF client's secret, as the launcher gave it to the e2e stacks. */
export function bffClientSecret(stack: StackPorts = currentStack()): string {
  if (process.env.OAUTH_CLIENT_SECRET) return process.env.OAUTH_CLIENT_SECRET;
  const dataDir = path.resolve(`.data/e2e-${String(stack.app)}`);
  const file = path.join(dataDir, 'oauth-client-secret');
  if (!existsSync(file)) {
    throw new Error(
      `No BFF client secret: set OAUTH_CLIENT_SECRET or start the e2e stack, which writes ${file}`,
    );
  }
  return readFileSync(file, 'utf8').trim();
}

/** The machine token per identity provider (one per stack). */
const cached = new Map<number, { token: string; expiresAt: number }>();

async function apiToken(stack: StackPorts): Promise<string> {
  const hit = cached.get(stack.identity);
  if (hit && hit.expiresAt > Date.now() + 30_000) return hit.token;
  const response = await fetch(tokenUrl(stack), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: BFF_CLIENT_ID,
      client_secret: bffClientSecret(stack),
      audience: TASKLIST_AUDIENCE,
    }),
  });
  if (!response.ok) {
    throw new Error(
      `The identity provider refused client credentials: HTTP ${String(response.status)}`,
    );
  }
  const body = (await response.json()) as {
    access_token: string;
    expires_in: number;
  };
  cached.set(stack.identity, {
    token: body.access_token,
    expiresAt: Date.now() + body.expires_in * 1000,
  });
  return body.access_token;
}

async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const stack = currentStack();
  const response = await fetch(graphqlUrl(stack), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await apiToken(stack)}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string }[];
  };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(
      `Tasklist answered HTTP ${String(response.status)}: ${
        body.errors?.map((e) => e.message).join('; ') ?? 'no data'
      }`,
    );
  }
  return body.data;
}

/** Starts the latest version of a process; returns the process instance key. */
export async function startInstance(processId: ProcessId): Promise<string> {
  const data = await graphql<{ startProcess: { id: string } }>(
    'mutation Start($id: String!) { startProcess(processDefinitionId: $id) { id } }',
    { id: processId },
  );
  return data.startProcess.id;
}

/** What the engine answers for an instance started through REST v2. */
export interface StartedInstance {
  processInstanceKey: string;
  /** The key the inbox's `process` filter takes. */
  processDefinitionKey: string;
}

/**
 * Starts the latest version of a process with start variables, through the
 * stack's REST API (v2): Tasklist GraphQL's `startProcess` takes none, and a
 * journey that tells tasks apart by their data needs its own values.
 */
export async function startInstanceWith(
  processId: ProcessId,
  variables: Record<string, unknown>,
): Promise<StartedInstance> {
  const stack = currentStack();
  const response = await fetch(
    `http://${HOST}:${String(stack.tasklist)}/v2/process-instances`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await apiToken(stack)}`,
      },
      body: JSON.stringify({ processDefinitionId: processId, variables }),
    },
  );
  if (!response.ok) {
    throw new Error(
      `Starting ${processId} failed: HTTP ${String(response.status)} ${await response.text()}`,
    );
  }
  return (await response.json()) as StartedInstance;
}

/** The tasks of one process instance, in any state. */
export async function tasksOf(processInstanceId: string): Promise<ApiTask[]> {
  const data = await graphql<{ tasks: ApiTask[] }>(
    `query Tasks($query: TaskQuery!) { tasks(query: $query) { ${TASK_FIELDS} } }`,
    { query: { processInstanceId, pageSize: 100 } },
  );
  return data.tasks;
}

/**
 * Waits until the instance has an open task other than `after`: an engine
 * may create the next task a moment after the command that led to it.
 */
async function nextOpenTask(
  processInstanceId: string,
  after: string[] = [],
  timeoutMs = 15_000,
): Promise<ApiTask | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await tasksOf(processInstanceId);
    const open = tasks.find(
      (t) => t.taskState === 'CREATED' && !after.includes(t.id),
    );
    if (open) return open;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface StartOptions {
  /** Assign the first task to this user right away. */
  assignee?: string;
}

/** Starts an instance and returns the first task created for it. */
export async function startTask(
  processId: ProcessId,
  options: StartOptions = {},
): Promise<ApiTask> {
  const instance = await startInstance(processId);
  const task = await nextOpenTask(instance);
  if (!task) {
    throw new Error(`${processId} instance ${instance} created no task`);
  }
  return options.assignee ? assignTask(task.id, options.assignee) : task;
}

/** Assigns a task to a user, as an administrator would. */
export async function assignTask(
  taskId: string,
  assignee: string,
): Promise<ApiTask> {
  const data = await graphql<{ claimTask: ApiTask }>(
    `mutation Claim($id: String!, $assignee: String!) { claimTask(taskId: $id, assignee: $assignee) { ${TASK_FIELDS} } }`,
    { id: taskId, assignee },
  );
  return data.claimTask;
}

/** Completes a task with plain values (encoded as Tasklist's JSON text). */
export async function completeTask(
  taskId: string,
  values: Record<string, unknown> = {},
): Promise<ApiTask> {
  const variables = Object.entries(values).map(([name, value]) => ({
    name,
    value: JSON.stringify(value),
  }));
  const data = await graphql<{ completeTask: ApiTask }>(
    `mutation Complete($id: String!, $variables: [VariableInput!]!) { completeTask(taskId: $id, variables: $variables) { ${TASK_FIELDS} } }`,
    { id: taskId, variables },
  );
  return data.completeTask;
}

/** A task of a fresh instance, already completed through the API. */
export async function completedTask(
  processId: ProcessId = 'invoice-approval',
): Promise<ApiTask> {
  const task = await startTask(processId);
  return completeTask(task.id, HAPPY_PATH_VARIABLES[processId]);
}

/**
 * An open task without a form (the inbox shows the variables editor for it):
 * starts an instance and completes its tasks through the API along the main
 * path until one without a form key is open. The demo processes have such a
 * task after a decision (e.g. preparing the bank transfer of an approved
 * invoice).
 */
export async function taskWithoutForm(
  processId: ProcessId = 'invoice-approval',
): Promise<ApiTask> {
  const instance = await startInstance(processId);
  const done: string[] = [];
  for (let step = 0; step < 10; step += 1) {
    const task = await nextOpenTask(instance, done);
    if (!task) break;
    if (task.formKey === null) return task;
    await completeTask(task.id, HAPPY_PATH_VARIABLES[processId]);
    done.push(task.id);
  }
  throw new Error(
    `${processId} instance ${instance} reached no open task without a form; adapt taskWithoutForm in e2e/support/tasklist-api.ts`,
  );
}

/**
 * Tasklist as the app reaches it (the runtime config's GraphQL URL, a token
 * from the BFF's token endpoint), so a journey can check what happened to
 * the instance it started without trusting the screen under test.
 */
export class TasklistApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly url: string,
    private readonly origin: string,
    private readonly token: string,
  ) {}

  /**
   * Signs `user` in headlessly and exchanges the token at /api/token. In
   * direct mode that token is the one the app sends to Tasklist. In proxy
   * mode the BFF's `/graphql` runs only the app's own documents, so the
   * read-back goes to the stack's embedded Tasklist itself with the machine
   * token (what direct mode hands out), fetched as the BFF fetches it.
   */
  static async as(
    request: APIRequestContext,
    baseURL: string | undefined,
    user: string,
  ): Promise<TasklistApi> {
    const origin = new URL(baseURL ?? '').origin;
    const config = (await (
      await request.get('/api/config')
    ).json()) as RuntimeConfig;
    const userToken = await signIn(request, config, origin, user);
    const exchange = await request.post('/api/token', {
      headers: {
        origin,
        'x-requested-with': 'tasklist-inbox',
        authorization: `Bearer ${userToken}`,
      },
    });
    expect(exchange.status()).toBe(200);
    const { access_token: token } = (await exchange.json()) as {
      access_token: string;
    };
    if (config.mode !== 'proxy') {
      return new TasklistApi(
        request,
        new URL(config.tasklistGraphqlUrl, origin).href,
        origin,
        token,
      );
    }
    const stack = currentStack();
    return new TasklistApi(
      request,
      graphqlUrl(stack),
      origin,
      await apiToken(stack),
    );
  }

  /** Every task of the process instance, open or not. */
  async tasksOf(instanceId: string): Promise<ApiTask[]> {
    const response = await this.request.post(this.url, {
      headers: { authorization: `Bearer ${this.token}`, origin: this.origin },
      data: {
        query: `query TasksOfInstance($instance: String!) { tasks(query: { processInstanceId: $instance, pageSize: 50 }) { ${TASK_FIELDS} } }`,
        variables: { instance: instanceId },
      },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      data?: { tasks?: ApiTask[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data?.tasks ?? [];
  }
}
