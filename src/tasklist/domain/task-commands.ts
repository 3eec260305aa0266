import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import type { Caller } from './caller';
import { parseVariableInputs, type VariableInput } from './json-values';
import { Messages, TasklistError, throwOnIncident } from './messages';
import { getTask } from './task-queries';

/**
 * Loads a task a command may act on: it must exist and still be open. Both
 * kinds of user task qualify: the embedded engine has no REST API to send
 * Zeebe user tasks to, so unlike 8.5 it does not refuse them here.
 */
export function loadOpenTask(store: TasklistStore, taskId: string): TaskRecord {
  const task = getTask(store, taskId);
  if (task.state !== 'CREATED')
    throw new TasklistError(Messages.taskNotActive, 'NOT_ACTIVE');
  return task;
}

/**
 * Whether the caller may take an assigned task away from its assignee: only
 * API callers, and only when they did not ask not to (absent means yes).
 */
export function mayTakeOver(
  caller: Caller,
  allowOverride: boolean | null | undefined,
): boolean {
  return caller.kind === 'api' && (allowOverride ?? true);
}

/** People may name only themselves as the assignee. */
export function checkAssigneeFor(caller: Caller, assignee: string): void {
  if (caller.kind === 'user' && assignee !== '' && assignee !== caller.userId) {
    throw new TasklistError(Messages.assignOtherUser, 'ASSIGN_OTHER_USER');
  }
}

/** People may complete only the tasks assigned to them; API callers any. */
export function checkMayComplete(caller: Caller, task: TaskRecord): void {
  if (caller.kind !== 'user') return;
  if (task.assignee === null)
    throw new TasklistError(Messages.taskNotAssigned, 'NOT_ASSIGNED');
  if (task.assignee !== caller.userId) {
    throw new TasklistError(
      Messages.taskNotAssignedTo(caller.userId),
      'NOT_ASSIGNED_TO_CALLER',
    );
  }
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
  checkAssigneeFor(caller, named);
  return store.db.transaction(() => {
    const task = loadOpenTask(store, taskId);
    if (
      task.assignee !== null &&
      !mayTakeOver(caller, allowOverrideAssignment)
    ) {
      throw new TasklistError(Messages.taskAlreadyAssigned, 'ALREADY_ASSIGNED');
    }
    const newAssignee = isApi ? named : caller.userId;
    store.assign(task.key, newAssignee);
    return { ...task, assignee: newAssignee };
  })();
}

/** `unclaimTask`: anyone with WRITE may unassign any open, assigned task. */
export function unclaimTask(store: TasklistStore, taskId: string): TaskRecord {
  return store.db.transaction(() => {
    const task = loadOpenTask(store, taskId);
    if (task.assignee === null)
      throw new TasklistError(Messages.taskNotAssigned, 'NOT_ASSIGNED');
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
    const task = loadOpenTask(store, taskId);
    checkMayComplete(caller, task);
    return store.complete(task, values);
  })();
  throwOnIncident(
    Messages.taskCompleted(completed.task.key),
    completed.incidents,
  );
  return completed.task;
}
