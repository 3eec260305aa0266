import type { DateRange, TaskQuery } from '../tasklist-upstream';
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
