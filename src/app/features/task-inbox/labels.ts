import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { TaskFilter, TaskSort, TaskStateChoice } from './task-search';

/**
 * The inbox's names for queues, sorts and states, shared by its components
 * and translated where they are shown (`i18n._`). Their contexts keep them
 * apart from the same English words for one task ("Unassigned",
 * "Completed"), which other languages inflect differently (French:
 * "Non attribuées" for the queue, "Non attribuée" for a task).
 */
export const FILTER_LABELS: Record<TaskFilter, MessageDescriptor> = {
  'all-open': msg({ message: 'All open', context: 'task queue' }),
  'assigned-to-me': msg({ message: 'Assigned to me', context: 'task queue' }),
  unassigned: msg({ message: 'Unassigned', context: 'task queue' }),
  'my-groups': msg({ message: 'My groups', context: 'task queue' }),
  completed: msg({ message: 'Completed', context: 'task queue' }),
};

export const SORT_LABELS: Record<TaskSort, MessageDescriptor> = {
  creation: msg`Creation date`,
  due: msg`Due date`,
  'follow-up': msg`Follow-up date`,
  completion: msg`Completion date`,
};

export const STATE_LABELS: Record<TaskStateChoice, MessageDescriptor> = {
  open: msg({ message: 'Open', context: 'tasks in a state' }),
  completed: msg({ message: 'Completed', context: 'tasks in a state' }),
  any: msg({ message: 'Open or completed', context: 'tasks in a state' }),
};
