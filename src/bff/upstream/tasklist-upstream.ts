/**
 * The upstream port of proxy mode: what the BFF's resolvers need from
 * "Tasklist", in the terms of our GraphQL schema (`src/tasklist/schema.graphql`)
 * rather than of any wire protocol. Each method mirrors a root field and
 * answers complete plain objects; the resolvers apply the per-user rules and
 * visibility on top, so they never change when an upstream kind is added.
 *
 * Kinds: `graphql-upstream.ts` (Tasklist's GraphQL API, Camunda 8.2-8.7 and
 * the embedded server) and `rest-v2/` (the Orchestration Cluster REST API v2,
 * Camunda 8.8 and later), chosen in `create-upstream.ts`.
 */

export type TaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

/** A `Task` with every field of the schema (variables are fetched separately). */
export interface UpstreamTask {
  id: string;
  name: string;
  taskDefinitionId: string;
  processName: string;
  creationTime: string;
  completionTime: string | null;
  assignee: string | null;
  taskState: TaskState;
  /** Set in `tasks` results only: the paging cursor. */
  sortValues: string[] | null;
  /** Set in `tasks` results only. */
  isFirst: boolean | null;
  formKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  candidateGroups: string[] | null;
  candidateUsers: string[] | null;
  followUpDate: string | null;
  dueDate: string | null;
  implementation: 'JOB_WORKER' | 'ZEEBE_USER_TASK' | null;
}

export interface UpstreamVariable {
  id: string;
  name: string;
  value: string;
  previewValue: string;
  isValueTruncated: boolean;
}

export interface UpstreamForm {
  id: string;
  processDefinitionId: string;
  schema: string;
}

export interface UpstreamProcess {
  id: string;
  name: string | null;
  processDefinitionId: string | null;
  version: number | null;
}

export interface DateRange {
  from: string;
  to: string;
}

/** The schema's `TaskQuery` input, as graphql-js coerced it. */
export interface TaskQuery {
  state?: TaskState | null;
  assigned?: boolean | null;
  assignee?: string | null;
  candidateGroup?: string | null;
  candidateUser?: string | null;
  processDefinitionId?: string | null;
  processInstanceId?: string | null;
  pageSize?: number | null;
  taskDefinitionId?: string | null;
  searchAfter?: string[] | null;
  searchAfterOrEqual?: string[] | null;
  searchBefore?: string[] | null;
  searchBeforeOrEqual?: string[] | null;
  followUpDate?: DateRange | null;
  dueDate?: DateRange | null;
  sort?: ({ field: string; order: 'ASC' | 'DESC' } | null)[] | null;
}

export interface VariableInput {
  name: string;
  value: string;
}

/**
 * Everything the proxy asks of its upstream. Methods throw `TasklistApiError`
 * with Tasklist's own message when the upstream refuses (unknown task, not
 * active, already assigned, ...), and a `BffError` when it cannot answer at
 * all (down, slow, rejecting our credentials).
 */
export interface TasklistUpstream {
  tasks(query: TaskQuery): Promise<UpstreamTask[]>;
  task(id: string): Promise<UpstreamTask>;
  /** The task's variables with these names; an empty list means all. */
  variables(taskId: string, names: string[]): Promise<UpstreamVariable[]>;
  form(id: string, processDefinitionId: string): Promise<UpstreamForm | null>;
  /**
   * The task a form id was issued for, when the kind's form ids name one
   * (rest-v2, decision 024): visibility then checks that task alone instead
   * of scanning the process's tasks for one that uses the form.
   */
  taskOfForm?(formId: string): string | undefined;
  processes(search: string | null): Promise<UpstreamProcess[]>;
  claimTask(
    taskId: string,
    assignee: string,
    allowOverrideAssignment: boolean,
  ): Promise<UpstreamTask>;
  unclaimTask(taskId: string): Promise<UpstreamTask>;
  completeTask(
    taskId: string,
    variables: VariableInput[],
  ): Promise<UpstreamTask>;
  /** Starts the latest version of a process by its BPMN process id. */
  startProcess(processDefinitionId: string): Promise<{ id: string }>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

/**
 * A refusal by the upstream, carrying Tasklist's exact message: the SPA sees
 * it unchanged as `errors[0].message`, exactly as if it had called Tasklist.
 */
export class TasklistApiError extends Error {
  override name = 'TasklistApiError';
}
