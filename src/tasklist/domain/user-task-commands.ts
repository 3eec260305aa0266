import type { TaskRecord } from '../store/records';
import type { CompletedTask, TasklistStore } from '../store/tasklist-store';
import type { Caller } from './caller';
import { Messages, TasklistError } from './messages';
import {
  checkAssigneeFor,
  checkMayComplete,
  loadOpenTask,
  mayTakeOver,
} from './task-commands';

/*
 * The task commands of the REST API (v2). They share the GraphQL commands'
 * rules for who may do what (people claim for themselves and complete only
 * their own tasks; API callers act for anyone), and follow Zeebe where the
 * two APIs differ: claiming a task already held by the same assignee
 * succeeds, unassigning an unassigned task is not an error, and an incident
 * further on does not fail a completion (Zeebe raises it separately).
 */

/**
 * Assigns an open task. A task held by someone else is taken over only by an
 * API caller that did not pass `allowOverride: false`.
 */
export function assignUserTask(
  store: TasklistStore,
  caller: Caller,
  taskId: string,
  assignee: string,
  allowOverride: boolean | null | undefined,
): TaskRecord {
  if (assignee.trim() === '') {
    throw new TasklistError(Messages.assigneeRequired);
  }
  checkAssigneeFor(caller, assignee);
  return store.db.transaction(() => {
    const task = loadOpenTask(store, taskId);
    if (task.assignee === assignee) return task;
    if (task.assignee !== null && !mayTakeOver(caller, allowOverride)) {
      throw new TasklistError(Messages.taskAlreadyAssigned, 'ALREADY_ASSIGNED');
    }
    store.assign(task.key, assignee);
    return { ...task, assignee };
  })();
}

/** Removes the assignee of an open task; an unassigned task stays as it is. */
export function unassignUserTask(
  store: TasklistStore,
  taskId: string,
): TaskRecord {
  return store.db.transaction(() => {
    const task = loadOpenTask(store, taskId);
    if (task.assignee !== null) store.assign(task.key, null);
    return { ...task, assignee: null };
  })();
}

/**
 * Completes an open task with variables given as normalised JSON text by
 * name: the task keeps a snapshot of what it saw, the variables go to its
 * instance and the process moves on (the engine logs any incident).
 */
export function completeUserTask(
  store: TasklistStore,
  caller: Caller,
  taskId: string,
  variables: Map<string, string>,
): CompletedTask {
  return store.db.transaction(() => {
    const task = loadOpenTask(store, taskId);
    checkMayComplete(caller, task);
    return store.complete(task, variables);
  })();
}
