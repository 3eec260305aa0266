import type { TaskFilter, TaskSort, TaskStateChoice } from './task-search';

/** The inbox's names for queues, sorts and states, shared by its components. */
export const FILTER_LABELS: Record<TaskFilter, string> = {
  'all-open': 'All open',
  'assigned-to-me': 'Assigned to me',
  unassigned: 'Unassigned',
  'my-groups': 'My groups',
  completed: 'Completed',
};

export const SORT_LABELS: Record<TaskSort, string> = {
  creation: 'Creation date',
  due: 'Due date',
  'follow-up': 'Follow-up date',
  completion: 'Completion date',
};

export const STATE_LABELS: Record<TaskStateChoice, string> = {
  open: 'Open',
  completed: 'Completed',
  any: 'Open or completed',
};
