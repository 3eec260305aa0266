import type { TaskRecord } from '../store/records';
import type { TaskCondition } from '../store/task-conditions';
import {
  MISSING_LAST_ASC,
  MISSING_LAST_DESC,
  type SortKey,
  type SortValue,
  type TaskSearch,
} from '../store/task-search';
import type { TasklistStore } from '../store/tasklist-store';
import type { Page, PageRequest, SortOrder } from './paging';

/*
 * Task search as the REST API (v2) defines it: no default state filter,
 * conditions of any shape, the key as the default order and tie-breaker, and
 * offset or cursor paging with the total count of matches.
 */

/** Camunda's priority of a task that defines none; no demo task defines one. */
export const DEFAULT_PRIORITY = 50;
/** The tenant of everything when multi-tenancy is off. */
export const DEFAULT_TENANT = '<default>';

export type UserTaskSortField =
  | 'creationTime'
  | 'completionTime'
  | 'followUpDate'
  | 'dueDate'
  | 'name'
  | 'priority';

export interface UserTaskSort {
  field: UserTaskSortField;
  order: SortOrder;
}

export interface UserTaskQuery {
  conditions: TaskCondition[];
  sort: UserTaskSort[];
  page: PageRequest<SortValue[]>;
}

/**
 * The store's sort keys for a sort. Priority is the same for every task, so
 * it never changes the order and is left out; missing dates sort last in
 * both directions.
 */
export function userTaskSortKeys(sort: UserTaskSort[]): SortKey[] {
  return sort.flatMap(({ field, order }) =>
    field === 'priority' ? [] : [{ field, order, mayBeMissing: true }],
  );
}

/** A task's sort values under the given keys, ending with its key. */
export function sortValuesOf(task: TaskRecord, keys: SortKey[]): SortValue[] {
  return [
    ...keys.map((key): SortValue => {
      if (key.field === 'name') return task.name;
      const value = task[key.field];
      if (value !== null) return BigInt(value);
      return BigInt(key.order === 'ASC' ? MISSING_LAST_ASC : MISSING_LAST_DESC);
    }),
    BigInt(task.key),
  ];
}

/**
 * Turns decoded cursor values back into sort values, or undefined when they
 * cannot belong to the given sort (a cursor from another query).
 */
export function toSortValues(
  raw: unknown[],
  keys: SortKey[],
): SortValue[] | undefined {
  if (raw.length !== keys.length + 1) return undefined;
  const values: SortValue[] = [];
  for (const [i, value] of raw.entries()) {
    if (typeof value !== 'string') return undefined;
    if (keys[i]?.field === 'name') values.push(value);
    else if (/^-?\d{1,19}$/.test(value)) values.push(BigInt(value));
    else return undefined;
  }
  return values;
}

/** One page of matching tasks, the number of matches and the page's edges. */
export function searchUserTasks(
  store: TasklistStore,
  query: UserTaskQuery,
): Page<TaskRecord, SortValue[]> {
  const sort = userTaskSortKeys(query.sort);
  const filter = { state: 'ANY' as const, conditions: query.conditions };
  const { page } = query;
  const search: TaskSearch =
    page.kind === 'offset'
      ? { filter, sort, limit: page.limit, offset: page.from }
      : {
          filter,
          sort,
          limit: page.limit,
          cursor: { values: page.values, direction: page.kind },
        };
  const found = store.searcher.search(search);
  // Paging backwards reads the reversed order; put the page back in order.
  const items = page.kind === 'before' ? found.reverse() : found;
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    total: store.searcher.count(filter),
    first: first && sortValuesOf(first, sort),
    last: last && sortValuesOf(last, sort),
  };
}
