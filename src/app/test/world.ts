import type {
  TaskQuery,
  VariableInput,
} from '../graphql/__generated__/schema-types';
import type { FormFixture, ProcessFixture, TaskFixture } from './factories';

const PREVIEW_LIMIT = 8191;

/** Tasklist's GraphQL error: only `message` matters to clients. */
export class TasklistError extends Error {}

function epoch(value: string | null): number | null {
  if (!value) return null;
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).getTime();
}

function variableOut(scope: string, v: { name: string; value: string }) {
  return {
    __typename: 'Variable' as const,
    id: `${scope}-${v.name}`,
    name: v.name,
    value: v.value,
    previewValue: v.value.slice(0, PREVIEW_LIMIT),
    isValueTruncated: v.value.length > PREVIEW_LIMIT,
  };
}

type SortKey = (task: TaskFixture) => number | null;

function sortOf(query: TaskQuery): { key: SortKey; desc: boolean } {
  const order = query.sort?.[0];
  const field =
    order?.field ??
    (query.state === 'COMPLETED' ? 'completionTime' : 'creationTime');
  const read: Record<string, SortKey> = {
    creationTime: (t) => epoch(t.creationTime),
    completionTime: (t) => epoch(t.completionTime),
    dueDate: (t) => epoch(t.dueDate),
    followUpDate: (t) => epoch(t.followUpDate),
  };
  const byCreation: SortKey = (t) => epoch(t.creationTime);
  return {
    key: read[field] ?? byCreation,
    desc: (order?.order ?? 'DESC') === 'DESC',
  };
}

function inRange(
  value: string | null | undefined,
  range: { from: string; to: string } | null | undefined,
): boolean {
  if (!range) return true;
  const at = epoch(value ?? null);
  return (
    at !== null &&
    at >= new Date(range.from).getTime() &&
    at <= new Date(range.to).getTime()
  );
}

function matches(task: TaskFixture, q: TaskQuery): boolean {
  if (q.state ? task.taskState !== q.state : task.taskState === 'CANCELED')
    return false;
  if (q.assigned === true && !task.assignee) return false;
  if (q.assigned === false && task.assignee) return false;
  if (q.assignee && task.assignee !== q.assignee) return false;
  if (q.processInstanceId && task.processInstanceId !== q.processInstanceId)
    return false;
  if (
    q.candidateGroup &&
    !(task.candidateGroups ?? []).includes(q.candidateGroup)
  )
    return false;
  if (q.candidateUser && !(task.candidateUsers ?? []).includes(q.candidateUser))
    return false;
  if (
    q.processDefinitionId &&
    task.processDefinitionId !== q.processDefinitionId
  )
    return false;
  if (q.processInstanceId && task.processInstanceId !== q.processInstanceId)
    return false;
  if (q.taskDefinitionId && task.taskDefinitionId !== q.taskDefinitionId)
    return false;
  return (
    inRange(task.dueDate, q.dueDate) &&
    inRange(task.followUpDate, q.followUpDate)
  );
}

/**
 * The fake Tasklist's state and rules, close to the real server (sorting,
 * cursors, claim/complete checks for an API user, the error messages).
 * Tests build one per test from factories and may change it mid-test.
 */
export class World {
  tasks: TaskFixture[];
  forms: FormFixture[];
  /** Task queries in the order they were received. */
  readonly queries: TaskQuery[] = [];
  /** Operation names in the order they were received. */
  readonly operations: string[] = [];
  /** Deployed processes, latest versions only (as `processes` lists them). */
  processes: ProcessFixture[] = [];
  /** Process instances started, in order: BPMN process id and instance key. */
  readonly started: { bpmnProcessId: string; instanceId: string }[] = [];
  /**
   * What a start does besides creating the instance, e.g. add its first
   * task to `tasks`; throwing a TasklistError makes the start fail.
   */
  onStart: (process: ProcessFixture, instanceId: string) => void = () =>
    undefined;
  private instanceSequence = 2251799813700000;

  constructor(tasks: TaskFixture[] = [], forms: FormFixture[] = []) {
    this.tasks = tasks;
    this.forms = forms;
  }

  find(id: string): TaskFixture {
    const task = this.tasks.find((t) => t.id === id);
    if (!task) throw new TasklistError(`Task with id ${id} was not found`);
    return task;
  }

  private out(
    task: TaskFixture,
    sortValues: string[] | null = null,
    isFirst: boolean | null = null,
  ) {
    const { variables, ...rest } = task;
    const scope =
      task.taskState === 'CREATED'
        ? (task.processInstanceId ?? task.id)
        : task.id;
    return {
      ...rest,
      sortValues,
      isFirst,
      variables: [...variables]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((v) => variableOut(scope, v)),
    };
  }

  searchTasks(query: TaskQuery) {
    this.queries.push(query);
    const { key, desc } = sortOf(query);
    const missing = desc ? -Infinity : Infinity;
    const value = (t: TaskFixture) => key(t) ?? missing;
    const ordered = this.tasks
      .filter((t) => matches(t, query))
      .sort(
        (a, b) =>
          (desc ? value(b) - value(a) : value(a) - value(b)) ||
          a.id.localeCompare(b.id),
      );
    const cursorOf = (t: TaskFixture) => [
      String(key(t) ?? (desc ? '-9223372036854775808' : '9223372036854775807')),
      t.id,
    ];
    const size = query.pageSize ?? 50;
    const indexOf = (sv: readonly string[]) =>
      ordered.findIndex((t) => t.id === sv[1]);
    let page: TaskFixture[];
    if (query.searchAfter) {
      const i = indexOf(query.searchAfter);
      page = ordered.slice(i + 1, i + 1 + size);
    } else if (query.searchBefore) {
      const i = indexOf(query.searchBefore);
      page = ordered.slice(Math.max(0, i - size), Math.max(0, i));
    } else {
      page = ordered.slice(0, size);
    }
    return page.map((t) => this.out(t, cursorOf(t), t === ordered[0]));
  }

  task(id: string) {
    return this.out(this.find(id));
  }

  form(id: string, processDefinitionId: string) {
    const form = this.forms.find(
      (f) => f.id === id && f.processDefinitionId === processDefinitionId,
    );
    if (!form) throw new TasklistError(`No task form found with id ${id}`);
    return { __typename: 'Form' as const, ...form };
  }

  variables(taskId: string, names: readonly string[]) {
    const all = this.out(this.find(taskId)).variables;
    return names.length === 0 ? all : all.filter((v) => names.includes(v.name));
  }

  variable(id: string) {
    for (const task of this.tasks) {
      const found = this.out(task).variables.find((v) => v.id === id);
      if (found) return found;
    }
    throw new TasklistError(`Variable with id ${id} not found.`);
  }

  searchProcesses(search: string | null | undefined) {
    const text = search?.trim().toLowerCase() ?? '';
    return this.processes.filter(
      (p) =>
        !text ||
        p.id === text ||
        (p.name ?? '').toLowerCase().includes(text) ||
        (p.processDefinitionId ?? '').toLowerCase().includes(text),
    );
  }

  startProcess(bpmnProcessId: string) {
    const process = this.processes.find(
      (p) => p.processDefinitionId === bpmnProcessId,
    );
    if (!process) {
      throw new TasklistError(
        `Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID '${bpmnProcessId}', but none found`,
      );
    }
    this.instanceSequence += 1;
    const instanceId = String(this.instanceSequence);
    this.started.push({ bpmnProcessId, instanceId });
    this.onStart(process, instanceId);
    return { __typename: 'ProcessInstance' as const, id: instanceId };
  }

  private active(id: string): TaskFixture {
    const task = this.find(id);
    if (task.taskState !== 'CREATED')
      throw new TasklistError('Task is not active');
    return task;
  }

  claimTask(
    taskId: string,
    assignee: string | null | undefined,
    allowOverride: boolean | null | undefined,
  ) {
    if (!assignee) throw new TasklistError('Assignee must be specified');
    const task = this.active(taskId);
    if (task.assignee && allowOverride === false)
      throw new TasklistError('Task is already assigned');
    task.assignee = assignee;
    return this.out(task);
  }

  unclaimTask(taskId: string) {
    const task = this.active(taskId);
    if (!task.assignee) throw new TasklistError('Task is not assigned');
    task.assignee = null;
    return this.out(task);
  }

  completeTask(taskId: string, variables: readonly VariableInput[]) {
    for (const v of variables) {
      try {
        JSON.parse(v.value);
      } catch {
        throw new TasklistError(`Unrecognized token '${v.value}'`);
      }
    }
    const task = this.active(taskId);
    const merged = new Map(task.variables.map((v) => [v.name, v.value]));
    for (const v of variables) merged.set(v.name, v.value);
    task.variables = [...merged].map(([name, value]) => ({ name, value }));
    task.taskState = 'COMPLETED';
    task.completionTime = '2026-11-28T12:00:00.000+0000';
    return this.out(task);
  }
}
