import type { CompiledProcess } from '../engine/model';
import {
  type EngineLog,
  runCancellation,
  runNewInstance,
  runTaskCompletion,
} from '../engine/runtime';
import { openDatabase, type Db } from './database';
import { ElementRepository } from './element-repository';
import { KeySequence } from './keys';
import { ProcessRepository } from './process-repository';
import type {
  IncidentRecord,
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
  /** The first user task created, unless the instance created none. */
  task: TaskRecord | undefined;
  /** Every user task the start created (parallel branches may make several). */
  tasks: TaskRecord[];
  /** Incidents the instance stopped with on its way. */
  incidents: IncidentRecord[];
}

export interface CompletedTask {
  task: TaskRecord;
  /** User tasks the completion created further on. */
  next: TaskRecord[];
  incidents: IncidentRecord[];
}

export interface Deployment {
  compiled: CompiledProcess;
  /** The file name, e.g. `invoice-approval.bpmn`. */
  resourceName: string;
  xml: string;
  /** A digest of the file and the linked forms it uses. */
  checksum: string;
}

export interface Deployed {
  definition: ProcessDefinitionRecord;
  /** False when the newest version already had this checksum. */
  created: boolean;
}

/** Tables in delete order (children first) for `reset`. */
const TABLES = [
  'task_variable',
  'task_candidate',
  'variable',
  'incident',
  'join_token',
  'task',
  'element_instance',
  'process_instance',
  'form',
  'process_definition',
  'meta',
];

const silent: EngineLog = { warn: () => undefined };

/**
 * The Tasklist world on SQLite: the repositories the API reads, and the
 * operations that move process instances (run by `engine/runtime.ts`, one
 * transaction each). It changes state without judging who may do what; the
 * API rules live in `domain/`.
 */
export class TasklistStore {
  readonly tasks: TaskRepository;
  readonly variables: VariableRepository;
  readonly processes: ProcessRepository;
  readonly elements: ElementRepository;
  readonly searcher: TaskSearcher;
  private readonly keys: KeySequence;

  constructor(
    readonly db: Db,
    readonly clock: Clock = Date.now,
    private log: EngineLog = silent,
  ) {
    this.tasks = new TaskRepository(db);
    this.variables = new VariableRepository(db);
    this.processes = new ProcessRepository(db);
    this.elements = new ElementRepository(db);
    this.searcher = new TaskSearcher(db);
    this.keys = new KeySequence(db);
  }

  /** Opens (and migrates) the database file and wraps it in a store. */
  static open(file: string, clock?: Clock, log?: EngineLog): TasklistStore {
    return new TasklistStore(openDatabase(file), clock, log);
  }

  /** Where incidents are logged from now on (the server's logger). */
  setLog(log: EngineLog): void {
    this.log = log;
  }

  /** The next key of the store's sequence (call inside a transaction). */
  nextKey(): number {
    return this.keys.nextKey();
  }

  private get runtime() {
    return {
      processes: this.processes,
      tasks: this.tasks,
      variables: this.variables,
      elements: this.elements,
      nextKey: () => this.keys.nextKey(),
      log: this.log,
    };
  }

  /**
   * Deploys a compiled process as its next version, unless the newest
   * version came from the same content (same checksum), as Zeebe does.
   */
  deploy(deployment: Deployment, at: number = this.clock()): Deployed {
    return this.db.transaction(() => {
      const { model, forms } = deployment.compiled;
      const latest = this.processes.latestDefinition(model.bpmnProcessId);
      if (
        latest &&
        this.processes.latestChecksumOf(model.bpmnProcessId) ===
          deployment.checksum
      ) {
        return { definition: latest, created: false };
      }
      const definition = this.processes.insertVersion({
        key: this.keys.nextKey(),
        model,
        resourceName: deployment.resourceName,
        checksum: deployment.checksum,
        xml: deployment.xml,
        forms: forms.map((form) => ({ ...form, key: this.keys.nextKey() })),
        deployTime: at,
      });
      return { definition, created: true };
    })();
  }

  /** Starts an instance of a definition and runs it to its first wait states. */
  startInstance(
    definition: ProcessDefinitionRecord,
    variables = new Map<string, string>(),
    at: number = this.clock(),
  ): StartedInstance {
    return this.db.transaction(() => {
      const processInstanceKey = this.keys.nextKey();
      const result = runNewInstance(
        this.runtime,
        definition,
        processInstanceKey,
        variables,
        at,
      );
      return {
        processInstanceKey,
        task: result.tasks[0],
        tasks: result.tasks,
        incidents: result.incidents,
      };
    })();
  }

  /** Sets or clears the assignee of a task. */
  assign(taskKey: number, assignee: string | null): void {
    this.tasks.setAssignee(taskKey, assignee);
  }

  /**
   * Completes a task: keeps a snapshot of everything it saw, hands the
   * variables to its instance and moves the instance on.
   */
  complete(
    task: TaskRecord,
    variables: Map<string, string>,
    at: number = this.clock(),
  ): CompletedTask {
    return this.db.transaction(() => {
      const result = runTaskCompletion(this.runtime, task, variables, at);
      return {
        task: this.requireTask(task.key),
        next: result.tasks,
        incidents: result.incidents,
      };
    })();
  }

  /** Cancels a running instance; its open tasks become CANCELED. */
  cancelInstance(processInstanceKey: number, at: number = this.clock()): void {
    this.db.transaction(() => {
      runCancellation(this.runtime, processInstanceKey, at);
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
    if (!task)
      throw new Error(`task ${String(key)} vanished inside its transaction`);
    return task;
  }
}
