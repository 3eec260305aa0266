import { openDatabase, type Db } from './database';
import { KeySequence } from './keys';
import { ProcessRepository } from './process-repository';
import type {
  ProcessDefinitionInput,
  ProcessDefinitionRecord,
  TaskRecord,
} from './records';
import { TaskRepository } from './task-repository';
import { TaskSearcher } from './task-search';
import { VariableRepository } from './variable-repository';

/** Milliseconds since the epoch; injectable so tests and the seed control time. */
export type Clock = () => number;

export interface StartedInstance {
  processInstanceKey: number;
  /** The first user task, unless the process has none. */
  task: TaskRecord | undefined;
}

/** Tables in delete order (children first) for `reset`. */
const TABLES = [
  'task_variable',
  'task_candidate',
  'variable',
  'task',
  'process_instance',
  'form',
  'process_step',
  'process_definition',
  'meta',
];

/**
 * The Tasklist world on SQLite: a tiny linear process engine (each process is
 * an ordered list of user tasks) plus the repositories the API reads. It
 * changes state without judging who may do what; the API rules live in
 * `domain/`.
 */
export class TasklistStore {
  readonly tasks: TaskRepository;
  readonly variables: VariableRepository;
  readonly processes: ProcessRepository;
  readonly searcher: TaskSearcher;
  private readonly keys: KeySequence;

  constructor(
    readonly db: Db,
    readonly clock: Clock = Date.now,
  ) {
    this.tasks = new TaskRepository(db);
    this.variables = new VariableRepository(db);
    this.processes = new ProcessRepository(db);
    this.searcher = new TaskSearcher(db);
    this.keys = new KeySequence(db);
  }

  /** Opens (and migrates) the database file and wraps it in a store. */
  static open(file: string, clock?: Clock): TasklistStore {
    return new TasklistStore(openDatabase(file), clock);
  }

  /** Deploys a new version of a process with its embedded forms. */
  deploy(input: ProcessDefinitionInput): ProcessDefinitionRecord {
    return this.db.transaction(() => {
      const forms = Object.fromEntries(
        Object.entries(input.forms ?? {}).map(([id, schema]) => [
          id,
          JSON.stringify(schema),
        ]),
      );
      return this.processes.insertVersion(
        this.keys.nextKey(),
        input.bpmnProcessId,
        input.name ?? null,
        input.steps,
        forms,
      );
    })();
  }

  /** Starts an instance of a definition and creates its first user task. */
  startInstance(
    definition: ProcessDefinitionRecord,
    variables = new Map<string, string>(),
    at: number = this.clock(),
  ): StartedInstance {
    return this.db.transaction(() => {
      const processInstanceKey = this.keys.nextKey();
      this.processes.createInstance(processInstanceKey, definition.key, at);
      this.variables.merge(processInstanceKey, variables);
      const task = this.advance(definition, processInstanceKey, 0, at);
      return { processInstanceKey, task };
    })();
  }

  /** Sets or clears the assignee of a task. */
  assign(taskKey: number, assignee: string | null): void {
    this.tasks.setAssignee(taskKey, assignee);
  }

  /**
   * Completes a task: merges the variables into its process instance, keeps a
   * snapshot of everything the task saw, and moves the instance on to its
   * next user task (or finishes it after the last one).
   */
  complete(
    task: TaskRecord,
    variables: Map<string, string>,
    at: number = this.clock(),
  ): TaskRecord {
    return this.db.transaction(() => {
      this.variables.merge(task.processInstanceKey, variables);
      this.variables.snapshot(
        task.key,
        this.variables.instanceVariables(task.processInstanceKey),
      );
      this.tasks.markFinished(task.key, 'COMPLETED', at);
      const definition = this.processes.definition(task.processDefinitionKey);
      if (definition) {
        this.advance(
          definition,
          task.processInstanceKey,
          task.stepPosition + 1,
          at,
        );
      }
      return this.requireTask(task.key);
    })();
  }

  /** Cancels a running instance; its open task becomes CANCELED. */
  cancelInstance(processInstanceKey: number, at: number = this.clock()): void {
    this.db.transaction(() => {
      for (const task of this.tasks.activeTasksOf(processInstanceKey)) {
        this.tasks.markFinished(task.key, 'CANCELED', at);
      }
      this.processes.finishInstance(processInstanceKey, 'CANCELED', at);
    })();
  }

  /** Deletes a finished instance with its tasks and variables; false otherwise. */
  deleteFinishedInstance(processInstanceKey: number): boolean {
    return this.db.transaction(() => {
      const instance = this.processes.instance(processInstanceKey);
      if (!instance || instance.state === 'ACTIVE') return false;
      return this.processes.deleteInstance(processInstanceKey);
    })();
  }

  /** True when nothing was ever deployed (a fresh database). */
  isEmpty(): boolean {
    return (
      this.db
        .prepare('SELECT count(*) FROM process_definition')
        .pluck()
        .get() === 0
    );
  }

  /** Removes every row, key sequence included, in one transaction. */
  reset(): void {
    this.db.transaction(() => {
      for (const table of TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private requireTask(key: number): TaskRecord {
    const task = this.tasks.get(key);
    if (!task) throw new Error(`task ${key} vanished inside its transaction`);
    return task;
  }

  /** Creates the task for the step at `position`, or ends the instance. */
  private advance(
    definition: ProcessDefinitionRecord,
    processInstanceKey: number,
    position: number,
    at: number,
  ): TaskRecord | undefined {
    const step = this.processes.step(definition.key, position);
    if (!step) {
      this.processes.finishInstance(processInstanceKey, 'COMPLETED', at);
      return undefined;
    }
    const key = this.keys.nextKey();
    this.tasks.insert({
      key,
      processInstanceKey,
      processDefinitionKey: definition.key,
      stepPosition: position,
      processName: definition.name ?? definition.bpmnProcessId,
      elementId: step.elementId,
      name: step.name ?? step.elementId,
      creationTime: at,
      assignee: step.assignee ?? null,
      formKey: step.formKey ?? null,
      candidateGroups: step.candidateGroups ?? [],
      candidateUsers: step.candidateUsers ?? [],
      dueDate: step.dueOffsetMs === undefined ? null : at + step.dueOffsetMs,
      followUpDate:
        step.followUpOffsetMs === undefined ? null : at + step.followUpOffsetMs,
      implementation: step.implementation ?? 'JOB_WORKER',
    });
    return this.requireTask(key);
  }
}
