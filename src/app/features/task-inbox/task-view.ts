import type { TaskQuery } from '../../graphql/__generated__/schema-types';
import {
  CONDITION_KEYS,
  PAGE_SIZE,
  activeGroup,
  compact,
  sortsFor,
  type TaskConditions,
  type TaskFilter,
  type TaskSearch,
  type TaskSort,
  type TaskStateChoice,
  type Viewer,
} from './task-search';

/**
 * One model for queue, custom filter and sort: a queue is a named preset of
 * conditions. `viewOf` expands a URL into conditions, `searchFor` writes
 * conditions back in their shortest form (a queue whenever they equal one),
 * and `toTaskQuery` is the single mapping to Tasklist's `TaskQuery`.
 */
export interface TaskView {
  /** The queue the view is, or null for a custom filter. */
  queue: TaskFilter | null;
  conditions: TaskConditions;
  sort: TaskSort;
  /** `my-groups` for a user without groups: nothing can match. */
  noGroup: boolean;
}

function presetOf(
  filter: TaskFilter,
  search: TaskSearch,
  viewer: Viewer,
): TaskConditions {
  switch (filter) {
    case 'all-open':
      return {};
    case 'assigned-to-me':
      return { assignee: 'me' };
    case 'unassigned':
      return { assignee: 'unassigned' };
    case 'my-groups': {
      const group = activeGroup(search, viewer);
      return group ? { candidateGroup: group } : {};
    }
    case 'completed':
      return { state: 'completed' };
  }
}

/** The conditions a search holds (explicit ones refine its queue). */
export function conditionsOf(search: TaskSearch): TaskConditions {
  const picked: TaskConditions = {};
  for (const key of CONDITION_KEYS) {
    const value = search[key];
    if (value !== undefined) Object.assign(picked, { [key]: value });
  }
  return picked;
}

export function hasConditions(conditions: TaskConditions): boolean {
  return CONDITION_KEYS.some((key) => conditions[key] !== undefined);
}

export function stateOf(conditions: TaskConditions): TaskStateChoice {
  return conditions.state ?? 'open';
}

/** A sort the state allows, else the default (creation date). */
export function effectiveSort(
  state: TaskStateChoice,
  sort: TaskSort | undefined,
): TaskSort {
  return sort && sortsFor(state).includes(sort) ? sort : 'creation';
}

/** Expands a URL into the conditions it stands for. */
export function viewOf(search: TaskSearch, viewer: Viewer): TaskView {
  const filter = search.filter ?? 'all-open';
  const conditions = compact({
    ...presetOf(filter, search, viewer),
    ...conditionsOf(search),
  });
  const canonical = searchFor(conditions, search.sort, viewer);
  const noGroup =
    filter === 'my-groups' &&
    !activeGroup(search, viewer) &&
    !conditions.candidateGroup;
  return {
    queue: noGroup ? 'my-groups' : queueOf(canonical),
    conditions,
    sort: effectiveSort(stateOf(conditions), search.sort),
    noGroup,
  };
}

/** The queue a canonical search is, or null for a custom filter. */
export function queueOf(search: TaskSearch): TaskFilter | null {
  if (search.filter) return search.filter;
  return hasConditions(search) ? null : 'all-open';
}

const QUEUE_PRESETS: readonly [TaskFilter, TaskConditions][] = [
  ['assigned-to-me', { assignee: 'me' }],
  ['unassigned', { assignee: 'unassigned' }],
  ['completed', { state: 'completed' }],
];

function sameConditions(a: TaskConditions, b: TaskConditions): boolean {
  return CONDITION_KEYS.every((key) => a[key] === b[key]);
}

/** The shortest URL for conditions and sort: a queue whenever they equal one. */
export function searchFor(
  conditions: TaskConditions,
  sort: TaskSort | undefined,
  viewer: Viewer,
): TaskSearch {
  const clean = compact(conditions);
  const kept = effectiveSort(stateOf(clean), sort);
  const sortPart: TaskSearch = kept === 'creation' ? {} : { sort: kept };
  if (!hasConditions(clean)) return sortPart;
  for (const [filter, preset] of QUEUE_PRESETS) {
    if (sameConditions(clean, preset)) return { filter, ...sortPart };
  }
  const group = clean.candidateGroup;
  const onlyGroup = group !== undefined && Object.keys(clean).length === 1;
  if (onlyGroup && viewer.groups.includes(group)) {
    return group === viewer.groups[0]
      ? { filter: 'my-groups', ...sortPart }
      : { filter: 'my-groups', group, ...sortPart };
  }
  return { ...clean, ...sortPart };
}

/** Two searches that show the same view. */
export function sameView(
  a: TaskSearch,
  b: TaskSearch,
  viewer: Viewer,
): boolean {
  const left = viewOf(a, viewer);
  const right = viewOf(b, viewer);
  return (
    left.sort === right.sort &&
    left.noGroup === right.noGroup &&
    sameConditions(left.conditions, right.conditions)
  );
}

// Tasklist's DateFilter needs both ends; an open end becomes the widest
// instant every upstream accepts, which expresses "no limit" exactly.
const EARLIEST = '1970-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';

function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

function endOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
}

function range(from: string | undefined, to: string | undefined) {
  if (!from && !to) return undefined;
  return {
    from: from ? startOfDay(from) : EARLIEST,
    to: to ? endOfDay(to) : LATEST,
  };
}

function sortOf(sort: TaskSort): NonNullable<TaskQuery['sort']> {
  switch (sort) {
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

const STATES = { open: 'CREATED', completed: 'COMPLETED' } as const;

// No group means no match: a group name nobody can have keeps the list empty.
const NO_GROUP = '\u0000';

/** The Tasklist query for the first page of an inbox view. */
export function toTaskQuery(search: TaskSearch, viewer: Viewer): TaskQuery {
  const { conditions: c, sort, noGroup } = viewOf(search, viewer);
  const state = stateOf(c);
  const assignee = c.assignee;
  return compact<TaskQuery>({
    pageSize: PAGE_SIZE,
    sort: sortOf(sort),
    state: state === 'any' ? undefined : STATES[state],
    assigned: assignee ? assignee !== 'unassigned' : undefined,
    assignee:
      assignee === 'me'
        ? viewer.username
        : assignee?.startsWith('user:')
          ? assignee.slice('user:'.length)
          : undefined,
    candidateGroup: noGroup ? NO_GROUP : c.candidateGroup,
    candidateUser: c.candidateUser,
    processDefinitionId: c.process,
    processInstanceId: c.processInstance,
    taskDefinitionId: c.taskDefinition,
    dueDate: range(c.dueFrom, c.dueTo),
    followUpDate: range(c.followUpFrom, c.followUpTo),
  });
}
