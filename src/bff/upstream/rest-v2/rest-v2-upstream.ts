import { setTimeout as delay } from 'node:timers/promises';
import { TasklistMessages } from '../../proxy/tasklist-messages';
import {
  TasklistApiError,
  type TaskQuery,
  type TasklistUpstream,
  type UpstreamForm,
  type UpstreamProcess,
  type UpstreamTask,
  type UpstreamVariable,
  type VariableInput,
} from '../tasklist-upstream';
import { upstreamFailure } from '../upstream-errors';
import type { UpstreamHttp, UpstreamRequest } from '../upstream-http';
import { MAX_V2_LIMIT, searchTasks } from './task-pages';
import { taskKeyOfFormId, toUpstreamTask } from './task-result';
import type {
  CreateProcessInstanceResult,
  EndCursor,
  FormResult,
  ProcessDefinitionResult,
  ProcessDefinitionSearchQuery,
  ProcessDefinitionSearchQueryResult,
  UserTaskResult,
  UserTaskSearchQuery,
  UserTaskSearchQueryResult,
  UserTaskVariableSearchQueryRequest,
  VariableResult,
  VariableSearchQueryResult,
  VariableSearchResult,
} from './v2-types';

/** Tasklist's messages for what v2 reports by status alone. */
const Messages = {
  ...TasklistMessages,
  taskAlreadyAssigned: 'Task is already assigned',
  processNotFound: (id: string) =>
    `No process definition found with processDefinitionId: '${id}'`,
} as const;

const KEY = /^\d{1,25}$/;

export interface RestV2Options {
  /**
   * Waits before each read-back of a task after a command (v2 reads are
   * eventually consistent): about 1.6 s in all by default.
   */
  readBackDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  /** Latest process definitions read for `processes(search)`, at most. */
  maxProcesses?: number;
}

const DEFAULT_READ_BACK_MS = [0, 25, 50, 100, 200, 400, 800];

interface Answer {
  status: number;
  body: unknown;
}

/**
 * The `rest-v2` upstream kind: Camunda 8.8's Orchestration Cluster REST API
 * (decision 022). Each port method becomes v2 calls, and v2's answers become
 * the GraphQL objects and Tasklist messages the `graphql` kind returns, so
 * the resolvers, rules, visibility and audit above it are the same.
 */
export class RestV2Upstream implements TasklistUpstream {
  readonly #base: string;
  readonly #readBack: number[];
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #maxProcesses: number;

  constructor(
    private readonly http: UpstreamHttp,
    restUrl: string,
    options: RestV2Options = {},
  ) {
    this.#base = new URL(restUrl).pathname.replace(/\/+$/, '');
    this.#readBack = options.readBackDelaysMs ?? DEFAULT_READ_BACK_MS;
    this.#sleep = options.sleep ?? ((ms) => delay(ms));
    this.#maxProcesses = options.maxProcesses ?? 10_000;
  }

  tasks(query: TaskQuery): Promise<UpstreamTask[]> {
    return searchTasks(async (body: UserTaskSearchQuery) => {
      const answer = await this.#send(
        'tasks',
        'POST',
        '/user-tasks/search',
        body,
      );
      if (answer.status === 400 && hasCursor(body)) {
        // v2 no longer knows the page a task's sortValues name.
        throw new TasklistApiError(
          'Invalid sort values: the page they name is no longer valid; load the list again',
        );
      }
      return this.#ok<UserTaskSearchQueryResult>('tasks', answer);
    }, query);
  }

  async task(id: string): Promise<UpstreamTask> {
    return toUpstreamTask(await this.#readTask('task', id));
  }

  async variables(
    taskId: string,
    names: string[],
  ): Promise<UpstreamVariable[]> {
    if (!KEY.test(taskId)) throw notFound(taskId);
    const found: VariableSearchResult[] = [];
    let after: string | undefined;
    for (;;) {
      const body: UserTaskVariableSearchQueryRequest = {
        sort: [{ field: 'name', order: 'ASC' }],
        page: after
          ? { after: after as EndCursor, limit: MAX_V2_LIMIT }
          : { from: 0, limit: MAX_V2_LIMIT },
        ...(names.length > 0 ? { filter: { name: { $in: names } } } : {}),
      };
      const answer = await this.#send(
        'variables',
        'POST',
        `/user-tasks/${taskId}/variables/search`,
        body,
      );
      if (answer.status === 404) throw notFound(taskId);
      const page = this.#ok<VariableSearchQueryResult>('variables', answer);
      found.push(...page.items);
      if (page.items.length < MAX_V2_LIMIT || !page.page.endCursor) break;
      after = String(page.page.endCursor);
    }
    return Promise.all(
      innermost(found).map(async (variable) => {
        const value = variable.isTruncated
          ? await this.#fullValue(String(variable.variableKey))
          : variable.value;
        return {
          id: String(variable.variableKey),
          name: variable.name,
          value,
          previewValue: variable.value,
          isValueTruncated: variable.isTruncated,
        };
      }),
    );
  }

  /** The id names the task whose linked form it is (decision 024). */
  taskOfForm(formId: string): string | undefined {
    return taskKeyOfFormId(formId);
  }

  async form(
    id: string,
    processDefinitionId: string,
  ): Promise<UpstreamForm | null> {
    const key = taskKeyOfFormId(id);
    if (key === undefined)
      throw new TasklistApiError(Messages.formNotFound(id));
    const answer = await this.#send('form', 'GET', `/user-tasks/${key}/form`);
    if (answer.status === 204 || answer.status === 404) {
      throw new TasklistApiError(Messages.formNotFound(id));
    }
    const form = this.#ok<FormResult>('form', answer);
    if (typeof form.schema !== 'string') {
      throw upstreamFailure('bad_response', 'form: no schema');
    }
    return { id, processDefinitionId, schema: form.schema };
  }

  /**
   * The latest version of each process, matched like Tasklist: part of the
   * name or BPMN id (ignoring case) or the exact key. v2 has no OR across
   * fields and a case-sensitive `$like`, so the BFF matches them itself.
   */
  async processes(search: string | null): Promise<UpstreamProcess[]> {
    const found: ProcessDefinitionResult[] = [];
    let after: string | undefined;
    while (found.length < this.#maxProcesses) {
      const body: ProcessDefinitionSearchQuery = {
        filter: { isLatestVersion: true },
        sort: [{ field: 'processDefinitionId', order: 'ASC' }],
        page: after
          ? { after: after as EndCursor, limit: MAX_V2_LIMIT }
          : { limit: MAX_V2_LIMIT },
      };
      const page = this.#ok<ProcessDefinitionSearchQueryResult>(
        'processes',
        await this.#send(
          'processes',
          'POST',
          '/process-definitions/search',
          body,
        ),
      );
      const items = page.items ?? [];
      found.push(...items);
      if (items.length < MAX_V2_LIMIT || !page.page.endCursor) break;
      after = String(page.page.endCursor);
    }
    const text = search?.trim().toLowerCase() ?? '';
    return found
      .filter(
        (definition) =>
          text === '' ||
          (definition.name ?? '').toLowerCase().includes(text) ||
          String(definition.processDefinitionId ?? '')
            .toLowerCase()
            .includes(text) ||
          String(definition.processDefinitionKey) === search?.trim(),
      )
      .map((definition) => ({
        id: String(definition.processDefinitionKey),
        name: definition.name ?? null,
        processDefinitionId:
          definition.processDefinitionId === undefined
            ? null
            : String(definition.processDefinitionId),
        version: definition.version ?? null,
      }));
  }

  /**
   * Tasklist's claim for a person: never over an existing assignment, even
   * their own (`Task is already assigned`); v2's `allowOverride: false`
   * refuses only someone else's, so the task is read first.
   */
  async claimTask(
    taskId: string,
    assignee: string,
    allowOverrideAssignment: boolean,
  ): Promise<UpstreamTask> {
    const before = toUpstreamTask(await this.#readTask('claimTask', taskId));
    if (before.taskState !== 'CREATED') {
      throw new TasklistApiError(Messages.taskNotActive);
    }
    if (before.assignee !== null && !allowOverrideAssignment) {
      throw new TasklistApiError(Messages.taskAlreadyAssigned);
    }
    const answer = await this.#send(
      'claimTask',
      'POST',
      `/user-tasks/${taskId}/assignment`,
      { assignee, allowOverride: allowOverrideAssignment },
    );
    this.#commandOutcome('claimTask', answer, Messages.taskAlreadyAssigned);
    return this.#readBackAfter('claimTask', taskId, (task) => ({
      done: task.assignee === assignee,
      expected: { ...task, assignee },
    }));
  }

  async unclaimTask(taskId: string): Promise<UpstreamTask> {
    if (!KEY.test(taskId)) throw notFound(taskId);
    const answer = await this.#send(
      'unclaimTask',
      'DELETE',
      `/user-tasks/${taskId}/assignee`,
    );
    this.#commandOutcome('unclaimTask', answer, Messages.taskNotActive);
    return this.#readBackAfter('unclaimTask', taskId, (task) => ({
      done: task.assignee === null,
      expected: { ...task, assignee: null },
    }));
  }

  async completeTask(
    taskId: string,
    variables: VariableInput[],
  ): Promise<UpstreamTask> {
    if (!KEY.test(taskId)) throw notFound(taskId);
    const values: Record<string, unknown> = {};
    for (const { name, value } of variables) {
      try {
        values[name] = JSON.parse(value);
      } catch {
        throw new TasklistApiError(
          `Variable ${name} has a value that is not JSON: ${value.slice(0, 80)}`,
        );
      }
    }
    const answer = await this.#send(
      'completeTask',
      'POST',
      `/user-tasks/${taskId}/completion`,
      { variables: values },
    );
    this.#commandOutcome('completeTask', answer, Messages.taskNotActive);
    const completedAt = new Date().toISOString();
    return this.#readBackAfter('completeTask', taskId, (task) => ({
      done: task.taskState === 'COMPLETED',
      expected: {
        ...task,
        taskState: 'COMPLETED',
        completionTime: task.completionTime ?? completedAt,
      },
    }));
  }

  async startProcess(processDefinitionId: string): Promise<{ id: string }> {
    const answer = await this.#send(
      'startProcess',
      'POST',
      '/process-instances',
      {
        processDefinitionId,
      },
    );
    if (answer.status === 404) {
      throw new TasklistApiError(Messages.processNotFound(processDefinitionId));
    }
    if (answer.status === 400) {
      throw new TasklistApiError(problemDetail(answer) ?? 'Bad request');
    }
    const started = this.#ok<CreateProcessInstanceResult>(
      'startProcess',
      answer,
    );
    return { id: String(started.processInstanceKey) };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  async #readTask(call: string, id: string): Promise<UserTaskResult> {
    if (!KEY.test(id)) throw notFound(id);
    const answer = await this.#send(call, 'GET', `/user-tasks/${id}`);
    if (answer.status === 404) throw notFound(id);
    return this.#ok<UserTaskResult>(call, answer);
  }

  async #fullValue(variableKey: string): Promise<string> {
    const answer = await this.#send(
      'variable',
      'GET',
      `/variables/${variableKey}`,
    );
    return this.#ok<VariableResult>('variable', answer).value;
  }

  /**
   * v2 commands answer 204 and their effect reaches reads a moment later:
   * the task is read again until it shows the effect, a bounded number of
   * times. If it still does not, the command did happen (204), so the answer
   * is the last read with the effect applied.
   */
  async #readBackAfter(
    call: string,
    taskId: string,
    check: (task: UpstreamTask) => { done: boolean; expected: UpstreamTask },
  ): Promise<UpstreamTask> {
    let last: UpstreamTask | undefined;
    for (const wait of this.#readBack) {
      if (wait > 0) await this.#sleep(wait);
      last = toUpstreamTask(await this.#readTask(call, taskId));
      const { done, expected } = check(last);
      if (done) return last;
      last = expected;
    }
    if (last === undefined) {
      last = toUpstreamTask(await this.#readTask(call, taskId));
      return check(last).expected;
    }
    return last;
  }

  /** 204 passes; v2's refusals become Tasklist's words. */
  #commandOutcome(call: string, answer: Answer, conflict: string): void {
    if (answer.status === 204 || answer.status === 200) return;
    if (answer.status === 404)
      throw new TasklistApiError(Messages.taskNotActive);
    if (answer.status === 409) throw new TasklistApiError(conflict);
    throw upstreamFailure(
      'client_error',
      `${call}: HTTP ${String(answer.status)}`,
    );
  }

  async #send(
    call: string,
    method: UpstreamRequest['method'],
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    const response = await this.http.send(call, {
      method,
      path: `${this.#base}${path}`,
      ...(body === undefined ? {} : { body }),
    });
    if (response.text === '')
      return { status: response.status, body: undefined };
    try {
      return { status: response.status, body: JSON.parse(response.text) };
    } catch {
      throw upstreamFailure('bad_response', `${call}: not JSON`);
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- v2's documented answer shape per call; the status was checked
  #ok<T extends object>(call: string, answer: Answer): T {
    if (answer.status !== 200) {
      throw upstreamFailure(
        'client_error',
        `${call}: HTTP ${String(answer.status)}${describeProblem(answer)}`,
      );
    }
    if (typeof answer.body !== 'object' || answer.body === null) {
      throw upstreamFailure('bad_response', `${call}: no body`);
    }
    return answer.body as T;
  }
}

const notFound = (id: string) =>
  new TasklistApiError(Messages.taskNotFound(id));

function hasCursor(body: UserTaskSearchQuery): boolean {
  const page = body.page as Record<string, unknown> | undefined;
  return page?.after !== undefined || page?.before !== undefined;
}

function problemDetail(answer: Answer): string | undefined {
  const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' ? detail : undefined;
}

/** For the log: v2's problem title, never its detail (it may echo input). */
function describeProblem(answer: Answer): string {
  const title = (answer.body as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? ` ${title.slice(0, 60)}` : '';
}

/**
 * One variable per name, as Tasklist shows a task's variables: v2 lists
 * every scope, and the task's own (local) scope hides the process scope.
 */
function innermost(variables: VariableSearchResult[]): VariableSearchResult[] {
  const byName = new Map<string, VariableSearchResult>();
  for (const variable of variables) {
    const local =
      String(variable.scopeKey) !== String(variable.processInstanceKey);
    const seen = byName.get(variable.name);
    if (!seen || local) byName.set(variable.name, variable);
  }
  return [...byName.values()];
}
