import { upstreamFailure } from './upstream-errors';
import type { UpstreamHttp } from './upstream-http';
import {
  TasklistApiError,
  type TaskQuery,
  type TasklistUpstream,
  type UpstreamForm,
  type UpstreamProcess,
  type UpstreamTask,
  type UpstreamVariable,
  type VariableInput,
} from './tasklist-upstream';

/**
 * Every field of `Task` that Tasklist 8.2-8.7 serves. `implementation` (8.5
 * only) is left out so the same documents run on every release; the adapter
 * answers it as null.
 */
const TASK_FIELDS = `id name taskDefinitionId processName creationTime
  completionTime assignee taskState sortValues isFirst formKey
  processDefinitionId processInstanceId candidateGroups candidateUsers
  followUpDate dueDate`;

/**
 * The fixed documents the BFF sends upstream: one root field each, complete
 * selections, nothing from the browser but argument values. A unit test
 * validates each against our schema and Camunda's published one.
 */
export const UPSTREAM_DOCUMENTS = {
  tasks: `query BffTasks($query: TaskQuery!) { tasks(query: $query) { ${TASK_FIELDS} } }`,
  task: `query BffTask($id: String!) { task(id: $id) { ${TASK_FIELDS} } }`,
  variables: `query BffVariables($taskId: String!, $names: [String!]!) { variables(taskId: $taskId, variableNames: $names) { id name value previewValue isValueTruncated } }`,
  form: `query BffForm($id: String!, $processDefinitionId: String!) { form(id: $id, processDefinitionId: $processDefinitionId) { id processDefinitionId schema } }`,
  processes: `query BffProcesses($search: String) { processes(search: $search) { id name processDefinitionId version } }`,
  claimTask: `mutation BffClaimTask($taskId: String!, $assignee: String!, $allowOverrideAssignment: Boolean!) { claimTask(taskId: $taskId, assignee: $assignee, allowOverrideAssignment: $allowOverrideAssignment) { ${TASK_FIELDS} } }`,
  unclaimTask: `mutation BffUnclaimTask($taskId: String!) { unclaimTask(taskId: $taskId) { ${TASK_FIELDS} } }`,
  completeTask: `mutation BffCompleteTask($taskId: String!, $variables: [VariableInput!]!) { completeTask(taskId: $taskId, variables: $variables) { ${TASK_FIELDS} } }`,
  startProcess: `mutation BffStartProcess($processDefinitionId: String!) { startProcess(processDefinitionId: $processDefinitionId) { id } }`,
} as const;

type Call = keyof typeof UPSTREAM_DOCUMENTS;

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown }[];
}

/**
 * The `graphql` upstream kind: Camunda Tasklist's GraphQL API (8.2-8.7, or
 * the embedded server). It implements the port with the fixed documents
 * above and re-raises Tasklist's GraphQL errors with their messages, so
 * errors reach the browser exactly as Tasklist worded them.
 */
export class GraphqlUpstream implements TasklistUpstream {
  readonly #path: string;

  constructor(
    private readonly http: UpstreamHttp,
    graphqlUrl: string,
  ) {
    const url = new URL(graphqlUrl);
    this.#path = `${url.pathname}${url.search}`;
  }

  async tasks(query: TaskQuery): Promise<UpstreamTask[]> {
    const tasks = await this.#call<UpstreamTask[]>('tasks', { query });
    for (const value of tasks) task(value);
    return tasks;
  }

  async task(id: string): Promise<UpstreamTask> {
    return task(await this.#call<UpstreamTask>('task', { id }));
  }

  variables(taskId: string, names: string[]): Promise<UpstreamVariable[]> {
    return this.#call('variables', { taskId, names });
  }

  form(id: string, processDefinitionId: string): Promise<UpstreamForm | null> {
    return this.#call('form', { id, processDefinitionId });
  }

  processes(search: string | null): Promise<UpstreamProcess[]> {
    return this.#call('processes', { search });
  }

  async claimTask(
    taskId: string,
    assignee: string,
    allowOverrideAssignment: boolean,
  ): Promise<UpstreamTask> {
    return task(
      await this.#call<UpstreamTask>('claimTask', {
        taskId,
        assignee,
        allowOverrideAssignment,
      }),
    );
  }

  async unclaimTask(taskId: string): Promise<UpstreamTask> {
    return task(await this.#call<UpstreamTask>('unclaimTask', { taskId }));
  }

  async completeTask(
    taskId: string,
    variables: VariableInput[],
  ): Promise<UpstreamTask> {
    return task(
      await this.#call<UpstreamTask>('completeTask', { taskId, variables }),
    );
  }

  startProcess(processDefinitionId: string): Promise<{ id: string }> {
    return this.#call('startProcess', { processDefinitionId });
  }

  close(): Promise<void> {
    return this.http.close();
  }

  async #call<T>(call: Call, variables: Record<string, unknown>): Promise<T> {
    const response = await this.http.send(call, {
      method: 'POST',
      path: this.#path,
      body: { query: UPSTREAM_DOCUMENTS[call], variables },
    });
    if (response.status !== 200) {
      throw upstreamFailure(
        'client_error',
        `${call}: HTTP ${String(response.status)}`,
      );
    }
    let answer: GraphqlAnswer;
    try {
      answer = JSON.parse(response.text) as GraphqlAnswer;
    } catch {
      throw upstreamFailure('bad_response', `${call}: not JSON`);
    }
    const message = answer.errors?.[0]?.message;
    if (typeof message === 'string') throw new TasklistApiError(message);
    const value = answer.data?.[call];
    // Every root field but `form` is non-null, so null data means a broken answer.
    if (value === undefined || (value === null && call !== 'form')) {
      throw upstreamFailure('bad_response', `${call}: no data`);
    }
    return value as T;
  }
}

/**
 * Fills the one field the documents do not ask for. The object is fresh
 * from `JSON.parse` and nobody else holds it, so it is completed in place.
 */
function task(value: UpstreamTask): UpstreamTask {
  value.implementation ??= null;
  return value;
}
