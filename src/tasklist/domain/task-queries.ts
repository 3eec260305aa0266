import { parseKey } from '../store/keys';
import type { TaskRecord, TaskState } from '../store/records';
import {
  type SortField,
  type SortKey,
  type SortOrder,
  type TaskFilter,
  type TaskSearch,
  type TimeRange,
  sortValueOf,
} from '../store/task-search';
import type { TasklistStore } from '../store/tasklist-store';
import { Messages, TasklistError } from './messages';
import { assertPageSizeLimit, assertQueryLimits } from './query-limits';

export const DEFAULT_PAGE_SIZE = 50;

/** `TaskQuery` as GraphQL hands it over (DateTime already in epoch ms). */
export interface TaskQueryInput {
  state?: TaskState | null;
  assigned?: boolean | null;
  assignee?: string | null;
  candidateGroup?: string | null;
  candidateUser?: string | null;
  processDefinitionId?: string | null;
  processInstanceId?: string | null;
  pageSize?: number | null;
  taskDefinitionId?: string | null;
  searchAfter?: string[] | null;
  searchAfterOrEqual?: string[] | null;
  searchBefore?: string[] | null;
  searchBeforeOrEqual?: string[] | null;
  followUpDate?: TimeRange | null;
  dueDate?: TimeRange | null;
  sort?: ({ field: SortField; order: SortOrder } | null)[] | null;
}

/** A task as a search returns it: with its paging cursor and first-flag. */
export interface TaskResult {
  task: TaskRecord;
  sortValues: string[] | null;
  isFirst: boolean;
}

type CursorKind = 'after' | 'afterOrEqual' | 'before' | 'beforeOrEqual';

interface Cursor {
  kind: CursorKind;
  raw: string[];
  values: bigint[];
}

const opt = <T>(value: T | null | undefined): T | undefined =>
  value ?? undefined;

/** The default order: by creation, or by completion for finished states. */
function defaultSort(state: TaskState | undefined): SortKey[] {
  const field: SortField =
    state === 'COMPLETED' || state === 'CANCELED'
      ? 'completionTime'
      : 'creationTime';
  return [{ field, order: 'DESC', mayBeMissing: false }];
}

function sortKeys(input: TaskQueryInput): SortKey[] {
  if (!input.sort) return defaultSort(opt(input.state));
  return input.sort
    .filter((entry) => entry !== null)
    .map((entry) => ({ ...entry, mayBeMissing: true }));
}

const keyOf = (text: string | null | undefined) =>
  text == null ? undefined : parseKey(text);

function toFilter(input: TaskQueryInput): TaskFilter {
  return {
    state: opt(input.state),
    assigned: opt(input.assigned),
    assignee: opt(input.assignee),
    candidateGroup: opt(input.candidateGroup),
    candidateUser: opt(input.candidateUser),
    taskDefinitionId: opt(input.taskDefinitionId),
    processDefinitionKey: keyOf(input.processDefinitionId),
    processInstanceKey: keyOf(input.processInstanceId),
    followUpDate: opt(input.followUpDate),
    dueDate: opt(input.dueDate),
  };
}

const INT64 = /^-?\d{1,19}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function parseCursor(
  input: TaskQueryInput,
  expected: number,
): Cursor | undefined {
  const candidates: [CursorKind, string[] | null | undefined][] = [
    ['after', input.searchAfter],
    ['afterOrEqual', input.searchAfterOrEqual],
    ['before', input.searchBefore],
    ['beforeOrEqual', input.searchBeforeOrEqual],
  ];
  const given = candidates.flatMap(([kind, values]) =>
    values == null ? [] : [{ kind, raw: values }],
  );
  if (given.length > 1) throw new TasklistError(Messages.onlyOneCursor);
  const [entry] = given;
  if (!entry) return undefined;
  const { kind, raw } = entry;
  const valid =
    raw.length === expected &&
    raw.every((value) => INT64.test(value)) &&
    raw.every(
      (value) => BigInt(value) >= INT64_MIN && BigInt(value) <= INT64_MAX,
    );
  if (!valid) {
    throw new TasklistError(
      `Invalid sort values ${JSON.stringify(raw)}: expected ${expected} integers, the sortValues of a task returned by a query with the same sort`,
    );
  }
  return { kind, raw, values: raw.map((value) => BigInt(value)) };
}

function withCursorValues(task: TaskRecord, sort: SortKey[]): TaskResult {
  return {
    task,
    sortValues: [
      ...sort.map((key) => sortValueOf(task, key)),
      String(task.key),
    ],
    isFirst: false,
  };
}

/**
 * The store search behind the main page of `tasks(query)`, the one statement
 * whose cost dominates (the benchmark times it raw). Validates the query.
 */
export function mainTaskSearch(input: TaskQueryInput): TaskSearch {
  assertQueryLimits(input);
  const sort = sortKeys(input);
  const cursor = parseCursor(input, sort.length + 1);
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  if (pageSize <= 0) throw new TasklistError(Messages.pageSizeNotPositive);
  assertPageSizeLimit(pageSize);
  const before = cursor?.kind === 'before' || cursor?.kind === 'beforeOrEqual';
  return {
    filter: toFilter(input),
    sort,
    cursor: cursor && {
      values: cursor.values,
      direction: before ? 'before' : 'after',
    },
    limit: before ? pageSize + 1 : pageSize,
  };
}

/**
 * `tasks(query)`: filters, the default or custom order, the four cursors and
 * `isFirst`, as Tasklist 8.2-8.5 define them (tasklist-api.md section 6.1).
 */
export function searchTasks(
  store: TasklistStore,
  input: TaskQueryInput,
): TaskResult[] {
  assertQueryLimits(input);
  const sort = sortKeys(input);
  const cursor = parseCursor(input, sort.length + 1);
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  if (pageSize <= 0) throw new TasklistError(Messages.pageSizeNotPositive);
  assertPageSizeLimit(pageSize);
  const filter = toFilter(input);
  // Bound once per request: under tsx (esbuild's keepNames) a named arrow
  // function made per request also costs a defineProperty for its name.
  const run: Run = runSearch.bind(undefined, store, filter, sort);

  if (!cursor) {
    const page = run({ limit: pageSize });
    if (page[0]) page[0].isFirst = true;
    return page;
  }
  if (cursor.kind === 'after' || cursor.kind === 'afterOrEqual') {
    const page = run({
      limit: pageSize,
      cursor: { values: cursor.values, direction: 'after' },
    });
    const first = page[0];
    if (first) {
      // Tasklist re-runs the query without the cursor to see who leads the list.
      const leader = run({ limit: 1 })[0];
      first.isFirst = leader?.task.key === first.task.key;
    }
    if (cursor.kind === 'afterOrEqual') {
      const anchor = findAnchor(cursor, filter, run);
      if (anchor) {
        if (page.length === pageSize) page.pop();
        page.unshift(anchor);
      }
    }
    return page;
  }
  const reversed = run({
    limit: pageSize + 1,
    cursor: { values: cursor.values, direction: 'before' },
  });
  if (reversed.length <= pageSize) {
    const earliest = reversed.at(-1);
    if (earliest) earliest.isFirst = true;
  } else {
    reversed.pop();
  }
  const page = reversed.reverse();
  if (cursor.kind === 'beforeOrEqual') {
    const anchor = findAnchor(cursor, filter, run);
    if (anchor) {
      if (page.length === pageSize) page.shift();
      page.push(anchor);
    }
  }
  return page;
}

type Run = (
  search: Omit<TaskSearch, 'filter' | 'sort'>,
  f?: TaskFilter,
) => TaskResult[];

/** One store search with the request's filter (or `f`) and sort, with cursors. */
function runSearch(
  store: TasklistStore,
  filter: TaskFilter,
  sort: SortKey[],
  search: Omit<TaskSearch, 'filter' | 'sort'>,
  f: TaskFilter = filter,
): TaskResult[] {
  return store.searcher
    .search({ filter: f, sort, ...search })
    .map((task) => withCursorValues(task, sort));
}

/**
 * The anchor of an `*OrEqual` cursor. Tasklist looks it up by the second sort
 * value taken as the task id, which is the key for the default two-value
 * cursors; it must still match the query's filters. It is never `isFirst`.
 */
function findAnchor(
  cursor: Cursor,
  filter: TaskFilter,
  run: Run,
): TaskResult | undefined {
  const id = cursor.raw[1] ?? cursor.raw.at(-1) ?? '';
  const key = parseKey(id);
  if (key === null) return undefined;
  return run({ limit: 1 }, { ...filter, taskKeys: [key] })[0];
}

/** `task(id)`: a task in any state, or Tasklist's not-found error. */
export function getTask(store: TasklistStore, id: string): TaskRecord {
  const key = parseKey(id);
  const task = key === null ? undefined : store.tasks.get(key);
  if (!task) throw new TasklistError(Messages.taskNotFound(id), 'NOT_FOUND');
  return task;
}
