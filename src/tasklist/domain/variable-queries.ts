import { parseKey } from '../store/keys';
import type { TaskRecord, VariableRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { Messages, TasklistError } from './messages';
import { getTask } from './task-queries';

/**
 * The variables a task sees: while it is open, its local scope (from its
 * input mappings) and then the process scope, the inner one winning on a
 * name; once completed, the snapshot taken at completion; none when
 * canceled. Always sorted by name.
 */
export function variablesOfTask(
  store: TasklistStore,
  task: TaskRecord,
): VariableRecord[] {
  switch (task.state) {
    case 'CREATED':
      return store.variables.visibleFrom(
        task.elementInstanceKey,
        task.processInstanceKey,
      );
    case 'COMPLETED':
      return store.variables.taskSnapshot(task.key);
    case 'CANCELED':
      return [];
  }
}

/** `variables(taskId, variableNames)`: an empty list of names means all. */
export function taskVariables(
  store: TasklistStore,
  taskId: string,
  names: string[],
): VariableRecord[] {
  const all = variablesOfTask(store, getTask(store, taskId));
  if (names.length === 0) return all;
  const wanted = new Set(names);
  return all.filter((variable) => wanted.has(variable.name));
}

/**
 * `variable(id)`: ids are `<scopeKey>-<name>`; runtime variables (process or
 * local scope) are looked up first, then completed tasks' snapshots.
 */
export function variableById(store: TasklistStore, id: string): VariableRecord {
  const dash = id.indexOf('-');
  const scope = dash > 0 ? parseKey(id.slice(0, dash)) : null;
  const name = id.slice(dash + 1);
  const found =
    scope === null
      ? undefined
      : (store.variables.findInstanceVariable(scope, name) ??
        store.variables.findSnapshotVariable(scope, name));
  if (!found)
    throw new TasklistError(Messages.variableNotFound(id), 'NOT_FOUND');
  return found;
}

/** `previewValue`: the first `limit` characters of the JSON text. */
export function previewOf(
  value: string,
  limit: number,
): { previewValue: string; isValueTruncated: boolean } {
  const isValueTruncated = value.length > limit;
  return {
    previewValue: isValueTruncated ? value.slice(0, limit) : value,
    isValueTruncated,
  };
}
