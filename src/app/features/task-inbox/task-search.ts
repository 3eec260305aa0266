import type { TaskQuery } from '../../graphql/__generated__/schema-types';

export const TASK_FILTERS = [
  'all-open',
  'assigned-to-me',
  'unassigned',
  'my-groups',
  'completed',
] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

export const TASK_SORTS = [
  'creation',
  'due',
  'follow-up',
  'completion',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const PAGE_SIZE = 50;

/** The inbox's URL state; every field is optional so defaults never get pinned onto links. */
export interface TaskSearch {
  filter?: TaskFilter;
  sort?: TaskSort;
  group?: string;
}

function oneOf<T extends string>(
  values: readonly T[],
  value: unknown,
): T | undefined {
  return values.find((v) => v === value);
}

/** Parses raw search params; unknown values are dropped rather than failing the page. */
export function parseTaskSearch(raw: Record<string, unknown>): TaskSearch {
  const search: TaskSearch = {};
  const filter = oneOf(TASK_FILTERS, raw.filter);
  const sort = oneOf(TASK_SORTS, raw.sort);
  if (filter) search.filter = filter;
  if (sort) search.sort = sort;
  if (
    typeof raw.group === 'string' &&
    raw.group !== '' &&
    raw.group.length <= 200
  ) {
    search.group = raw.group;
  }
  return search;
}

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

export interface Viewer {
  username: string;
  groups: readonly string[];
}

/** The sorts offered for a filter: completion date only makes sense for completed tasks. */
export function sortsFor(filter: TaskFilter): TaskSort[] {
  return TASK_SORTS.filter((s) => s !== 'completion' || filter === 'completed');
}

/** The group a "My groups" view shows: the one in the URL if it is the user's, else the first. */
export function activeGroup(search: TaskSearch, viewer: Viewer): string | null {
  if (search.group && viewer.groups.includes(search.group)) return search.group;
  return viewer.groups[0] ?? null;
}

function sortOf(
  filter: TaskFilter,
  sort: TaskSort | undefined,
): TaskQuery['sort'] {
  const effective = sort && sortsFor(filter).includes(sort) ? sort : 'creation';
  switch (effective) {
    case 'due':
      return [{ field: 'dueDate', order: 'ASC' }];
    case 'follow-up':
      return [{ field: 'followUpDate', order: 'ASC' }];
    case 'completion':
      return [{ field: 'completionTime', order: 'DESC' }];
    case 'creation':
      return [{ field: 'creationTime', order: 'DESC' }];
  }
}

/** The Tasklist query for the first page of an inbox view. */
export function toTaskQuery(search: TaskSearch, viewer: Viewer): TaskQuery {
  const filter = search.filter ?? 'all-open';
  const sort = sortOf(filter, search.sort);
  const base = { pageSize: PAGE_SIZE, sort };
  switch (filter) {
    case 'all-open':
      return { ...base, state: 'CREATED' };
    case 'assigned-to-me':
      return {
        ...base,
        state: 'CREATED',
        assigned: true,
        assignee: viewer.username,
      };
    case 'unassigned':
      return { ...base, state: 'CREATED', assigned: false };
    case 'my-groups':
      // No group means no match: a group name nobody can have keeps the list empty.
      return {
        ...base,
        state: 'CREATED',
        candidateGroup: activeGroup(search, viewer) ?? '\u0000',
      };
    case 'completed':
      return { ...base, state: 'COMPLETED' };
  }
}
