import type { Db } from './database';
import type { VariableRecord } from './records';

interface VariableRow {
  scope: number;
  name: string;
  value: string;
}

const toRecord = (row: VariableRow): VariableRecord => ({
  id: `${row.scope}-${row.name}`,
  name: row.name,
  value: row.value,
});

/**
 * Process-instance variables (ids `<processInstanceKey>-<name>`) and the
 * snapshots completed tasks keep (ids `<taskKey>-<name>`), all as JSON text.
 */
export class VariableRepository {
  private readonly ofInstance;
  private readonly ofTask;
  private readonly instanceVariable;
  private readonly taskVariable;
  private readonly upsert;
  private readonly insertSnapshot;

  constructor(db: Db) {
    this.ofInstance = db.prepare<[number], VariableRow>(
      `SELECT process_instance_key AS scope, name, value FROM variable
       WHERE process_instance_key = ? ORDER BY name`,
    );
    this.ofTask = db.prepare<[number], VariableRow>(
      `SELECT task_key AS scope, name, value FROM task_variable
       WHERE task_key = ? ORDER BY name`,
    );
    this.instanceVariable = db.prepare<[number, string], VariableRow>(
      `SELECT process_instance_key AS scope, name, value FROM variable
       WHERE process_instance_key = ? AND name = ?`,
    );
    this.taskVariable = db.prepare<[number, string], VariableRow>(
      `SELECT task_key AS scope, name, value FROM task_variable
       WHERE task_key = ? AND name = ?`,
    );
    this.upsert = db.prepare(
      `INSERT INTO variable (process_instance_key, name, value) VALUES (?, ?, ?)
       ON CONFLICT (process_instance_key, name) DO UPDATE SET value = excluded.value`,
    );
    this.insertSnapshot = db.prepare(
      'INSERT OR REPLACE INTO task_variable (task_key, name, value) VALUES (?, ?, ?)',
    );
  }

  /** The variables of a process instance, sorted by name. */
  instanceVariables(processInstanceKey: number): VariableRecord[] {
    return this.ofInstance.all(processInstanceKey).map(toRecord);
  }

  /** The snapshot a completed task stored, sorted by name. */
  taskSnapshot(taskKey: number): VariableRecord[] {
    return this.ofTask.all(taskKey).map(toRecord);
  }

  /** A runtime variable by scope and name. */
  findInstanceVariable(
    scope: number,
    name: string,
  ): VariableRecord | undefined {
    const row = this.instanceVariable.get(scope, name);
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

  /** Sets (creating or overwriting) variables at the process-instance scope. */
  merge(processInstanceKey: number, values: Map<string, string>): void {
    for (const [name, value] of values) {
      this.upsert.run(processInstanceKey, name, value);
    }
  }

  /** Stores the variables a task saw when it was completed. */
  snapshot(taskKey: number, variables: VariableRecord[]): void {
    for (const variable of variables) {
      this.insertSnapshot.run(taskKey, variable.name, variable.value);
    }
  }
}
