import { createHash } from 'node:crypto';
import {
  TasklistApiError,
  type TaskQuery,
  type UpstreamTask,
} from '../tasklist-upstream';
import { toTaskSearch, type TaskSearch } from './task-query';
import { toUpstreamTask } from './task-result';
import type {
  EndCursor,
  SearchQueryPageRequest,
  StartCursor,
  UserTaskKey,
  UserTaskResult,
  UserTaskSearchQuery,
  UserTaskSearchQueryResult,
} from './v2-types';

/**
 * GraphQL pages by per-task `sortValues`; v2 by page cursors that name the
 * first and last item of a page. A task's `sortValues` here is one opaque
 * value (decision 022) naming the v2 page it came from (its start and end
 * cursor), its index and the page's length: "after task i" is `after:
 * startCursor` skipping i items, "before task i" is `before: endCursor`
 * dropping the n-1-i items after it. Both hold because a cursor is a keyset
 * position, so paging either way from any task visits each task once while
 * nothing changes.
 */

type Search = (body: UserTaskSearchQuery) => Promise<UserTaskSearchQueryResult>;

/** Tasklist's page size when the query names none. */
const DEFAULT_PAGE_SIZE = 50;
/** Tasklist's own largest page. */
const MAX_PAGE_SIZE = 1000;
/** The largest v2 page asked for; Camunda allows more, the embedded server 1,000. */
export const MAX_V2_LIMIT = 1000;

const TOKEN_PREFIX = 'v2.';

/** Where a task sat: enough to page from it in either direction. */
interface Position {
  /** Fingerprint of the search (filter and sort) the page belongs to. */
  f: string;
  s: string;
  e: string;
  i: number;
  n: number;
  /** The task key, for the `…OrEqual` anchors. */
  k: string;
}

interface Entry {
  result: UserTaskResult;
  sortValues: string[];
}

export const TasklistPagingMessages = {
  onlyOneCursor:
    'Only one of [searchAfter, searchAfterOrEqual, searchBefore, searchBeforeOrEqual] must be present in request.',
  pageSizeNotPositive: 'Page size cannot should be a positive number',
  pageSizeTooLarge: (size: number) =>
    `Page size must be at most ${String(MAX_PAGE_SIZE)}; got ${String(size)}`,
  invalidSortValues: (values: string[]) =>
    `Invalid sort values ${JSON.stringify(values)}: expected the sortValues of a task returned by a query with the same filters and sort`,
} as const;

function fingerprint(search: TaskSearch): string {
  return createHash('sha256')
    .update(JSON.stringify(search))
    .digest('base64url')
    .slice(0, 16);
}

function encode(position: Position): string[] {
  return [
    TOKEN_PREFIX +
      Buffer.from(JSON.stringify(position), 'utf8').toString('base64url'),
  ];
}

function decode(values: string[], f: string): Position {
  const invalid = () =>
    new TasklistApiError(TasklistPagingMessages.invalidSortValues(values));
  const [text] = values;
  if (values.length !== 1 || !text?.startsWith(TOKEN_PREFIX)) throw invalid();
  let parsed: Partial<Position>;
  try {
    parsed = JSON.parse(
      Buffer.from(text.slice(TOKEN_PREFIX.length), 'base64url').toString(
        'utf8',
      ),
    ) as Partial<Position>;
  } catch {
    throw invalid();
  }
  const { s, e, i, n, k } = parsed;
  if (
    parsed.f !== f ||
    typeof s !== 'string' ||
    typeof e !== 'string' ||
    typeof k !== 'string' ||
    !/^\d{1,25}$/.test(k) ||
    typeof i !== 'number' ||
    typeof n !== 'number' ||
    !Number.isInteger(i) ||
    !Number.isInteger(n) ||
    i < 0 ||
    i >= n ||
    n > MAX_V2_LIMIT
  ) {
    throw invalid();
  }
  return { f, s, e, i, n, k };
}

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;

class Pager {
  readonly #f: string;

  constructor(
    private readonly search: Search,
    private readonly base: TaskSearch,
  ) {
    this.#f = fingerprint(base);
  }

  position(values: string[]): Position {
    return decode(values, this.#f);
  }

  async #page(page: SearchQueryPageRequest) {
    const answer = await this.search({ ...this.base, page });
    const { startCursor, endCursor } = answer.page;
    const n = answer.items.length;
    const entries = answer.items.map((result, i): Entry => {
      // A page with items always has both cursors; without them no way on.
      const sortValues =
        startCursor && endCursor
          ? encode({
              f: this.#f,
              s: String(startCursor),
              e: String(endCursor),
              i,
              n,
              k: String(result.userTaskKey),
            })
          : [];
      return { result, sortValues };
    });
    return { entries, endCursor, startCursor };
  }

  /** `need` tasks from the start or after `after`, skipping `skip` first. */
  async forward(after: string | null, skip: number, need: number) {
    const out: Entry[] = [];
    let cursor = after;
    let toSkip = skip;
    while (out.length < need) {
      const limit = Math.min(MAX_V2_LIMIT, toSkip + need - out.length);
      const page = await this.#page(
        cursor === null
          ? { from: 0, limit }
          : { after: cursor as EndCursor, limit },
      );
      out.push(...page.entries.slice(toSkip));
      toSkip = Math.max(0, toSkip - page.entries.length);
      if (page.entries.length < limit || !page.endCursor) break;
      cursor = String(page.endCursor);
    }
    return out.slice(0, need);
  }

  /**
   * Up to `need` tasks before `before` (in order), dropping the `drop`
   * nearest first; `atStart` when nothing is left before them.
   */
  async backward(before: string, drop: number, need: number) {
    let out: Entry[] = [];
    let cursor = before;
    let toDrop = drop;
    for (;;) {
      const limit = Math.min(MAX_V2_LIMIT, toDrop + need - out.length);
      const page = await this.#page({ before: cursor as StartCursor, limit });
      const kept = Math.max(0, page.entries.length - toDrop);
      out = [...page.entries.slice(0, kept), ...out];
      toDrop = Math.max(0, toDrop - page.entries.length);
      if (page.entries.length < limit || !page.startCursor) {
        return { entries: out, atStart: true };
      }
      if (out.length >= need) {
        return { entries: out.slice(out.length - need), atStart: false };
      }
      cursor = String(page.startCursor);
    }
  }

  /** The task at `position`, if it still matches the search. */
  async anchor(position: Position, values: string[]): Promise<Entry[]> {
    const answer = await this.search({
      filter: { ...this.base.filter, userTaskKey: position.k as UserTaskKey },
      sort: this.base.sort,
      page: { from: 0, limit: 1 },
    });
    return answer.items
      .slice(0, 1)
      .map((result) => ({ result, sortValues: values }));
  }
}

function toTasks(entries: Entry[], firstIsFirst: boolean): UpstreamTask[] {
  return entries.map((entry, index) => {
    const task = toUpstreamTask(entry.result);
    task.sortValues = entry.sortValues;
    task.isFirst = index === 0 && firstIsFirst;
    return task;
  });
}

/**
 * `tasks(query)` over v2: Tasklist's argument checks, the filters and sort
 * translated, and the page reached through the cursors described above.
 */
export async function searchTasks(
  search: Search,
  query: TaskQuery,
): Promise<UpstreamTask[]> {
  const after = query.searchAfter;
  const afterOrEqual = query.searchAfterOrEqual;
  const before = query.searchBefore;
  const beforeOrEqual = query.searchBeforeOrEqual;
  const cursors = [after, afterOrEqual, before, beforeOrEqual].filter(present);
  if (cursors.length > 1) {
    throw new TasklistApiError(TasklistPagingMessages.onlyOneCursor);
  }
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (pageSize <= 0) {
    throw new TasklistApiError(TasklistPagingMessages.pageSizeNotPositive);
  }
  if (pageSize > MAX_PAGE_SIZE) {
    throw new TasklistApiError(
      TasklistPagingMessages.pageSizeTooLarge(pageSize),
    );
  }
  const base = toTaskSearch(query);
  // A process key that is no key matches nothing.
  if (base === null) return [];
  const pager = new Pager(search, base);
  if (present(after)) {
    const at = pager.position(after);
    return toTasks(await pager.forward(at.s, at.i, pageSize), false);
  }
  if (present(afterOrEqual)) {
    const at = pager.position(afterOrEqual);
    const anchor = await pager.anchor(at, afterOrEqual);
    const rest = await pager.forward(at.s, at.i, pageSize - anchor.length);
    // Tasklist never marks an `…OrEqual` anchor as first.
    return toTasks([...anchor, ...rest], false);
  }
  if (present(before)) {
    const at = pager.position(before);
    const page = await pager.backward(at.e, at.n - 1 - at.i, pageSize + 1);
    const atStart = page.atStart && page.entries.length <= pageSize;
    return toTasks(page.entries.slice(-pageSize), atStart);
  }
  if (present(beforeOrEqual)) {
    const at = pager.position(beforeOrEqual);
    const anchor = await pager.anchor(at, beforeOrEqual);
    const need = pageSize - anchor.length;
    const page =
      need > 0
        ? await pager.backward(at.e, at.n - 1 - at.i, need + 1)
        : { entries: [], atStart: false };
    const earlier = page.entries.slice(Math.max(0, page.entries.length - need));
    const atStart = page.atStart && page.entries.length <= need;
    // Tasklist never marks an `…OrEqual` anchor as first.
    return toTasks([...earlier, ...anchor], atStart && earlier.length > 0);
  }
  return toTasks(await pager.forward(null, 0, pageSize), true);
}
