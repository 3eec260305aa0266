import type { Db } from './database';
import { KeySequence } from './keys';
import type { VariableRecord } from './records';

interface VariableRow {
  key: number;
  scope: number;
  name: string;
  value: string;
}

const toRecord = (row: VariableRow): VariableRecord => ({
  id: `${String(row.scope)}-${row.name}`,
  name: row.name,
  value: row.value,
  scopeKey: row.scope,
  key: row.key,
});

/** A variable found by its key, with where it belongs. */
export interface KeyedVariable {
  variable: VariableRecord;
  processInstanceKey: number;
  /** For a snapshot copy: the completed task that keeps it. */
  snapshotOf?: { taskKey: number; elementInstanceKey: number } | undefined;
}

/**
 * Runtime variables by scope (ids `<scopeKey>-<name>`: the process instance
 * for the process scope, a user task's element instance for its local
 * scope) and the snapshots completed tasks keep (ids `<taskKey>-<name>`),
 * all as JSON text. Every row, snapshot copies included, has a key of its
 * own from the store's sequence (the REST API addresses variables by key).
 */
export class VariableRepository {
  private readonly ofScope;
  private readonly ofInstance;
  private readonly ofTask;
  private readonly scopeVariable;
  private readonly taskVariable;
  private readonly existing;
  private readonly insert;
  private readonly update;
  private readonly dropScope;
  private readonly insertSnapshot;
  private readonly runtimeByKey;
  private readonly snapshotByKey;
  private readonly keys;

  constructor(db: Db) {
    // The same sequence as the store's: it lives in the database.
    this.keys = new KeySequence(db);
    this.runtimeByKey = db.prepare<
      [number],
      VariableRow & { process_instance_key: number }
    >(
      `SELECT key, scope_key AS scope, name, value, process_instance_key
       FROM variable WHERE key = ?`,
    );
    this.snapshotByKey = db.prepare<
      [number],
      VariableRow & {
        process_instance_key: number;
        element_instance_key: number;
      }
    >(
      `SELECT s.key, s.task_key AS scope, s.name, s.value,
         t.process_instance_key, t.element_instance_key
       FROM task_variable s JOIN task t ON t.key = s.task_key WHERE s.key = ?`,
    );
    this.ofScope = db.prepare<[number], VariableRow>(
      `SELECT key, scope_key AS scope, name, value FROM variable
       WHERE scope_key = ? ORDER BY name`,
    );
    this.ofInstance = db.prepare<[number], VariableRow>(
      `SELECT key, scope_key AS scope, name, value FROM variable
       WHERE process_instance_key = ? ORDER BY name, scope_key`,
    );
    this.ofTask = db.prepare<[number], VariableRow>(
      `SELECT key, task_key AS scope, name, value FROM task_variable
       WHERE task_key = ? ORDER BY name`,
    );
    this.scopeVariable = db.prepare<[number, string], VariableRow>(
      `SELECT key, scope_key AS scope, name, value FROM variable
       WHERE scope_key = ? AND name = ?`,
    );
    this.taskVariable = db.prepare<[number, string], VariableRow>(
      `SELECT key, task_key AS scope, name, value FROM task_variable
       WHERE task_key = ? AND name = ?`,
    );
    this.existing = db
      .prepare<[number, string], number>(
        'SELECT key FROM variable WHERE scope_key = ? AND name = ?',
      )
      .pluck();
    this.insert = db.prepare(
      `INSERT INTO variable (key, scope_key, process_instance_key, name, value)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.update = db.prepare('UPDATE variable SET value = ? WHERE key = ?');
    this.dropScope = db.prepare('DELETE FROM variable WHERE scope_key = ?');
    this.insertSnapshot = db.prepare(
      'INSERT OR REPLACE INTO task_variable (task_key, name, value, key) VALUES (?, ?, ?, ?)',
    );
  }

  /** The variables of one scope, sorted by name. */
  scopeVariables(scopeKey: number): VariableRecord[] {
    return this.ofScope.all(scopeKey).map(toRecord);
  }

  /** The process-scope variables of an instance, sorted by name. */
  instanceVariables(processInstanceKey: number): VariableRecord[] {
    return this.scopeVariables(processInstanceKey);
  }

  /** Every runtime variable of an instance, in all its scopes. */
  allOfInstance(processInstanceKey: number): VariableRecord[] {
    return this.ofInstance.all(processInstanceKey).map(toRecord);
  }

  /**
   * What an element instance sees: its local variables, then the process
   * scope; an inner variable hides an outer one of the same name. Sorted by
   * name.
   */
  visibleFrom(
    elementInstanceKey: number,
    processInstanceKey: number,
  ): VariableRecord[] {
    const byName = new Map<string, VariableRecord>();
    for (const variable of this.scopeVariables(processInstanceKey))
      byName.set(variable.name, variable);
    for (const variable of this.scopeVariables(elementInstanceKey))
      byName.set(variable.name, variable);
    return [...byName.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  /** The snapshot a completed task stored, sorted by name. */
  taskSnapshot(taskKey: number): VariableRecord[] {
    return this.ofTask.all(taskKey).map(toRecord);
  }

  /** A runtime or snapshot variable by its own key. */
  findByKey(key: number): KeyedVariable | undefined {
    const runtime = this.runtimeByKey.get(key);
    if (runtime) {
      return {
        variable: toRecord(runtime),
        processInstanceKey: runtime.process_instance_key,
      };
    }
    const copy = this.snapshotByKey.get(key);
    if (!copy) return undefined;
    return {
      variable: toRecord(copy),
      processInstanceKey: copy.process_instance_key,
      snapshotOf: {
        taskKey: copy.scope,
        elementInstanceKey: copy.element_instance_key,
      },
    };
  }

  /** A runtime variable by scope and name. */
  findInstanceVariable(
    scope: number,
    name: string,
  ): VariableRecord | undefined {
    const row = this.scopeVariable.get(scope, name);
    return row ? toRecord(row) : undefined;
  }

  /** A snapshot variable by task and name. */
  findSnapshotVariable(
    taskKey: number,
    name: string,
  ): VariableRecord | undefined {
    const row = this.taskVariable.get(taskKey, name);
    return row ? toRecord(row) : undefined;
  }

  /**
   * Sets (creating or overwriting) variables in a scope. A new variable
   * takes the next key from `nextKey`; an overwritten one keeps its key.
   */
  set(
    scopeKey: number,
    processInstanceKey: number,
    values: Map<string, string>,
    nextKey: () => number,
  ): void {
    for (const [name, value] of values) {
      const key = this.existing.get(scopeKey, name);
      if (key === undefined)
        this.insert.run(nextKey(), scopeKey, processInstanceKey, name, value);
      else this.update.run(value, key);
    }
  }

  /** Removes a scope's variables (its element instance has ended). */
  dropScopeVariables(scopeKey: number): void {
    this.dropScope.run(scopeKey);
  }

  /** Stores the variables a task saw when it was completed. */
  snapshot(taskKey: number, variables: Iterable<[string, string]>): void {
    for (const [name, value] of variables) {
      this.insertSnapshot.run(taskKey, name, value, this.keys.nextKey());
    }
  }
}
