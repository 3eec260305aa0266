import type { TaskQuery } from './__generated__/schema-types';

const PAGING_FIELDS = new Set([
  'searchAfter',
  'searchAfterOrEqual',
  'searchBefore',
  'searchBeforeOrEqual',
  'pageSize',
]);

/** The filter part of a TaskQuery: everything but cursors and page size. */
export type TaskListFilter = Omit<
  TaskQuery,
  | 'searchAfter'
  | 'searchAfterOrEqual'
  | 'searchBefore'
  | 'searchBeforeOrEqual'
  | 'pageSize'
>;

/** The filter of a query, with keys sorted so equal filters give equal keys. */
export function taskListFilter(
  query: TaskQuery | null | undefined,
): TaskListFilter {
  const entries: [string, unknown][] = Object.entries(query ?? {});
  const kept = entries
    .filter(([key, value]) => !PAGING_FIELDS.has(key) && value != null)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(kept);
}

/** The cache key of a task list: pages of one filter and sort share it. */
export function taskListKey(query: TaskQuery | null | undefined): string {
  return JSON.stringify(taskListFilter(query));
}

/** Reads the filter back from a `tasks` store field name (`tasks:{...}`). */
export function filterFromStoreFieldName(
  storeFieldName: string,
): TaskListFilter | null {
  const json = storeFieldName.slice(storeFieldName.indexOf(':') + 1);
  try {
    return JSON.parse(json) as TaskListFilter;
  } catch {
    return null;
  }
}

export interface TaskFacts {
  taskState?: string | null | undefined;
  assignee?: string | null | undefined;
  candidateGroups?: readonly string[] | null | undefined;
}

/**
 * Whether a task (as far as the cache knows it) still belongs to a list.
 * Unknown facts count as a match, so we never drop a task by guessing.
 */
export function taskMatchesFilter(
  task: TaskFacts,
  filter: TaskListFilter,
): boolean {
  const state = task.taskState;
  if (state !== undefined && state !== null) {
    if (filter.state ? state !== filter.state : state === 'CANCELED')
      return false;
  }
  if (task.assignee !== undefined) {
    if (filter.assigned === true && !task.assignee) return false;
    if (filter.assigned === false && task.assignee) return false;
    if (filter.assignee && task.assignee !== filter.assignee) return false;
  }
  if (filter.candidateGroup && task.candidateGroups) {
    if (!task.candidateGroups.includes(filter.candidateGroup)) return false;
  }
  return true;
}
