import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import type { Caller } from './caller';
import { parseVariableInputs, type VariableInput } from './json-values';
import { Messages, TasklistError, throwOnIncident } from './messages';
import { getTask } from './task-queries';

/**
 * Loads a task a mutation may act on: it must exist and still be open. Both
 * kinds of user task qualify: the embedded engine has no REST API to send
 * Zeebe user tasks to, so unlike 8.5 it does not refuse them here.
 */
function loadMutableTask(store: TasklistStore, taskId: string): TaskRecord {
  const task = getTask(store, taskId);
  if (task.state !== 'CREATED') throw new TasklistError(Messages.taskNotActive);
  return task;
}

/**
 * `claimTask`. People claim for themselves only and never take over an
 * assigned task; API callers must name the assignee and may take over unless
 * `allowOverrideAssignment` is false (absent or null means true). Argument
 * checks come before the task is even loaded, as in Tasklist.
 */
export function claimTask(
  store: TasklistStore,
  caller: Caller,
  taskId: string,
  assignee: string | null | undefined,
  allowOverrideAssignment: boolean | null | undefined,
): TaskRecord {
  const named = assignee ?? '';
  const isApi = caller.kind === 'api';
  if (isApi && named === '') throw new TasklistError(Messages.assigneeRequired);
  if (!isApi && named !== '' && named !== caller.userId) {
    throw new TasklistError(Messages.assignOtherUser);
  }
  return store.db.transaction(() => {
    const task = loadMutableTask(store, taskId);
    const mayOverride = isApi && (allowOverrideAssignment ?? true);
    if (task.assignee !== null && !mayOverride) {
      throw new TasklistError(Messages.taskAlreadyAssigned);
    }
    const newAssignee = isApi ? named : caller.userId;
    store.assign(task.key, newAssignee);
    return { ...task, assignee: newAssignee };
  })();
}

/** `unclaimTask`: anyone with WRITE may unassign any open, assigned task. */
export function unclaimTask(store: TasklistStore, taskId: string): TaskRecord {
  return store.db.transaction(() => {
    const task = loadMutableTask(store, taskId);
    if (task.assignee === null)
      throw new TasklistError(Messages.taskNotAssigned);
    store.assign(task.key, null);
    return { ...task, assignee: null };
  })();
}

/**
 * `completeTask`. Values must be JSON text (checked first). People may only
 * complete tasks assigned to them; API callers may complete any open task.
 * When the instance then stops at an incident the completion stands and a
 * `ProcessIncidentError` says so.
 */
export function completeTask(
  store: TasklistStore,
  caller: Caller,
  taskId: string,
  variables: VariableInput[],
): TaskRecord {
  const values = parseVariableInputs(variables);
  const completed = store.db.transaction(() => {
    const task = loadMutableTask(store, taskId);
    if (caller.kind === 'user') {
      if (task.assignee === null)
        throw new TasklistError(Messages.taskNotAssigned);
      if (task.assignee !== caller.userId) {
        throw new TasklistError(Messages.taskNotAssignedTo(caller.userId));
      }
    }
    return store.complete(task, values);
  })();
  throwOnIncident(
    Messages.taskCompleted(completed.task.key),
    completed.incidents,
  );
  return completed.task;
}
