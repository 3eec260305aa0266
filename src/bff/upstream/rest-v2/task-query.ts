import {
  TasklistApiError,
  type DateRange,
  type TaskQuery,
} from '../tasklist-upstream';
import { v2StatesOf } from './task-result';
import type {
  ElementId,
  ProcessDefinitionKey,
  ProcessInstanceKey,
  UserTaskFilter,
  UserTaskSearchQuery,
  UserTaskSearchQuerySortRequest,
} from './v2-types';

/** A search without its page: what a cursor is only valid for. */
export type TaskSearch = Required<Pick<UserTaskSearchQuery, 'filter' | 'sort'>>;

const SORT_FIELD: Record<string, UserTaskSearchQuerySortRequest['field']> = {
  creationTime: 'creationDate',
  completionTime: 'completionDate',
  followUpDate: 'followUpDate',
  dueDate: 'dueDate',
};

const DIGITS = /^\d{1,25}$/;

/**
 * Every `TaskQuery` argument and what carries it to v2: the search's filter,
 * its sort, or the paging (task-pages.ts). The schema test checks this list
 * against schema.graphql, so a new argument cannot reach v2 unmapped.
 */
export const TASK_QUERY_ARGUMENTS = {
  state: 'filter',
  assigned: 'filter',
  assignee: 'filter',
  candidateGroup: 'filter',
  candidateUser: 'filter',
  processDefinitionId: 'filter',
  processInstanceId: 'filter',
  taskDefinitionId: 'filter',
  followUpDate: 'filter',
  dueDate: 'filter',
  sort: 'sort',
  pageSize: 'page',
  searchAfter: 'page',
  searchAfterOrEqual: 'page',
  searchBefore: 'page',
  searchBeforeOrEqual: 'page',
} as const satisfies Record<keyof TaskQuery, 'filter' | 'sort' | 'page'>;

export const TaskQueryMessages = {
  notExpressible: (argument: string) =>
    `The task filter ${argument} cannot be expressed on this Camunda version's REST API v2`,
} as const;

/**
 * Refuses an argument v2 has no equivalent for (one the schema gained
 * without a mapping here): dropping it would answer a wider list than asked.
 */
function refuseUnmapped(query: TaskQuery): void {
  for (const [argument, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (!Object.hasOwn(TASK_QUERY_ARGUMENTS, argument)) {
      throw new TasklistApiError(TaskQueryMessages.notExpressible(argument));
    }
  }
}

function range(value: DateRange) {
  return { $gte: value.from, $lte: value.to };
}

/**
 * `tasks(query)`'s filters and sort as a v2 user-task search
 * (docs/bff.md, "REST API v2"), or null when the query can match nothing
 * (a process key that is not a key), which v2 would refuse with 400 where
 * Tasklist answers an empty list.
 */
export function toTaskSearch(query: TaskQuery): TaskSearch | null {
  refuseUnmapped(query);
  const filter: UserTaskFilter = {};
  // Tasklist's default is every state but CANCELED.
  filter.state = {
    $in: query.state
      ? v2StatesOf(query.state)
      : [...v2StatesOf('CREATED'), ...v2StatesOf('COMPLETED')],
  };
  if (query.assignee !== null && query.assignee !== undefined) {
    filter.assignee =
      query.assigned === false
        ? { $eq: query.assignee, $exists: false }
        : query.assignee;
  } else if (query.assigned !== null && query.assigned !== undefined) {
    filter.assignee = { $exists: query.assigned };
  }
  if (query.candidateGroup != null)
    filter.candidateGroup = query.candidateGroup;
  if (query.candidateUser != null) filter.candidateUser = query.candidateUser;
  if (query.taskDefinitionId != null)
    filter.elementId = query.taskDefinitionId as ElementId;
  if (query.processDefinitionId != null) {
    if (!DIGITS.test(query.processDefinitionId)) return null;
    filter.processDefinitionKey =
      query.processDefinitionId as ProcessDefinitionKey;
  }
  if (query.processInstanceId != null) {
    if (!DIGITS.test(query.processInstanceId)) return null;
    filter.processInstanceKey = query.processInstanceId as ProcessInstanceKey;
  }
  if (query.followUpDate) filter.followUpDate = range(query.followUpDate);
  if (query.dueDate) filter.dueDate = range(query.dueDate);
  return { filter, sort: toSort(query) };
}

/**
 * Tasklist's order: the query's sort, or newest first by creation (by
 * completion for finished states). Both APIs put missing values last and
 * break ties by the task key ascending, so the orders are the same.
 */
function toSort(query: TaskQuery): UserTaskSearchQuerySortRequest[] {
  if (query.sort === null || query.sort === undefined) {
    const finished = query.state === 'COMPLETED' || query.state === 'CANCELED';
    return [
      { field: finished ? 'completionDate' : 'creationDate', order: 'DESC' },
    ];
  }
  return query.sort.flatMap((entry) => {
    const field = entry ? SORT_FIELD[entry.field] : undefined;
    return entry && field ? [{ field, order: entry.order }] : [];
  });
}
