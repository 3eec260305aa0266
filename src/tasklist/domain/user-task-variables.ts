import { parseKey } from '../store/keys';
import type { TaskRecord, VariableRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { Messages, TasklistError } from './messages';

/** A variable as the REST API shows it: with its key, scope and instance. */
export interface ScopedVariable {
  key: number;
  name: string;
  /** JSON text. */
  value: string;
  scopeKey: number;
  processInstanceKey: number;
}

const scoped = (
  variable: VariableRecord,
  scopeKey: number,
  processInstanceKey: number,
): ScopedVariable => ({
  key: variable.key,
  name: variable.name,
  value: variable.value,
  scopeKey,
  processInstanceKey,
});

/**
 * A task's variables for the REST API. While it is open: every variable of
 * its local scope and of the process scope, a name possibly twice, as
 * Camunda lists them. Once completed: the snapshot it keeps (the same rule
 * as GraphQL), shown in the task's own scope. Once canceled: none.
 */
export function variablesOfUserTask(
  store: TasklistStore,
  task: TaskRecord,
): ScopedVariable[] {
  const { elementInstanceKey, processInstanceKey } = task;
  switch (task.state) {
    case 'CREATED':
      return [
        ...store.variables.scopeVariables(elementInstanceKey),
        ...store.variables.scopeVariables(processInstanceKey),
      ].map((v) => scoped(v, v.scopeKey, processInstanceKey));
    case 'COMPLETED':
      return store.variables
        .taskSnapshot(task.key)
        .map((v) => scoped(v, elementInstanceKey, processInstanceKey));
    case 'CANCELED':
      return [];
  }
}

/** A runtime or snapshot variable by its key (the REST API's lookup). */
export function variableByKey(
  store: TasklistStore,
  key: string,
): ScopedVariable {
  const parsed = parseKey(key);
  const found = parsed === null ? undefined : store.variables.findByKey(parsed);
  if (!found) {
    throw new TasklistError(Messages.variableNotFound(key), 'NOT_FOUND');
  }
  const { variable, processInstanceKey, snapshotOf } = found;
  return scoped(
    variable,
    snapshotOf ? snapshotOf.elementInstanceKey : variable.scopeKey,
    processInstanceKey,
  );
}
