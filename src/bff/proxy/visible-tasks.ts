import type { TaskQuery, UpstreamTask } from '../upstream/tasklist-upstream';

/** How hard one page of visible tasks may work upstream. */
export interface ScanLimits {
  /** Upstream requests per page; hitting it is counted in a metric. */
  maxRequests: number;
  /** The largest upstream page the refill asks for. */
  maxPageSize: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxRequests: 5,
  maxPageSize: 1000,
};

/** Tasklist's page size when the query names none. */
const DEFAULT_PAGE_SIZE = 50;

export interface VisiblePage {
  tasks: UpstreamTask[];
  /** The request bound stopped the refill before the page was full. */
  limitReached: boolean;
  upstreamRequests: number;
}

type FetchPage = (query: TaskQuery) => Promise<UpstreamTask[]>;

const CURSOR_SET = new Set([
  'searchAfter',
  'searchAfterOrEqual',
  'searchBefore',
  'searchBeforeOrEqual',
]);

const present = (value: unknown[] | null | undefined) =>
  value !== undefined && value !== null;

/**
 * One page of `tasks` holding only visible tasks, with Tasklist's paging
 * intact: the SPA copies the last (or first) task's `sortValues` into the
 * next query, so a page must hold up to `pageSize` visible tasks and every
 * cursor must be a real upstream cursor. Upstream pages are fetched in the
 * query's direction, each continuing from the last task scanned, and grow
 * with the share of visible tasks seen so far, up to `limits`.
 *
 * `isFirst` keeps its meaning for the visible result: only the first task
 * of the visible list carries `true`.
 */
export async function visibleTaskPage(
  fetchPage: FetchPage,
  query: TaskQuery,
  isVisible: (task: UpstreamTask) => boolean,
  limits: ScanLimits = DEFAULT_SCAN_LIMITS,
): Promise<VisiblePage> {
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const backward =
    present(query.searchBefore) || present(query.searchBeforeOrEqual);
  // Nearest to the cursor first: in order going forward, reversed going back.
  const found: UpstreamTask[] = [];
  let request: TaskQuery = { ...query, pageSize };
  let scanned = 0;
  let requests = 0;
  let headIsFirst = false;
  let reachedEnd: boolean;
  let limitReached = false;
  for (;;) {
    const size = request.pageSize ?? pageSize;
    const page = await fetchPage(request);
    requests += 1;
    if (requests === 1 && !backward) headIsFirst = page[0]?.isFirst === true;
    for (const task of backward ? [...page].reverse() : page) {
      scanned += 1;
      if (isVisible(task)) found.push(task);
    }
    reachedEnd = page.length < size || (backward && page[0]?.isFirst === true);
    if (found.length >= pageSize || reachedEnd || size <= 0) break;
    const edge = backward ? page[0] : page[page.length - 1];
    // Without a cursor there is no way on; Tasklist always sends one.
    if (!edge?.sortValues) break;
    if (requests >= limits.maxRequests) {
      limitReached = true;
      break;
    }
    request = continueFrom(query, edge.sortValues, backward, {
      size: nextSize(size, pageSize, found.length, scanned, limits),
    });
  }
  const kept = found.slice(0, pageSize);
  const tasks = backward ? kept.reverse() : kept;
  // Fresh objects from the upstream's answer: marked in place.
  for (const task of tasks) task.isFirst = false;
  const head = tasks[0];
  if (head) {
    head.isFirst = backward
      ? reachedEnd && found.length <= pageSize
      : headIsFirst;
  }
  return { tasks, limitReached, upstreamRequests: requests };
}

/** The query for the upstream page after (or before) the task at `sortValues`. */
function continueFrom(
  query: TaskQuery,
  sortValues: string[],
  backward: boolean,
  { size }: { size: number },
): TaskQuery {
  const rest = Object.fromEntries(
    Object.entries(query).filter(([key]) => !CURSOR_SET.has(key)),
  ) as TaskQuery;
  return backward
    ? { ...rest, pageSize: size, searchBefore: sortValues }
    : { ...rest, pageSize: size, searchAfter: sortValues };
}

/**
 * Enough upstream tasks to fill the rest of the page at the share of visible
 * tasks seen so far (with a quarter to spare); four times more when none was
 * visible yet. Never below the page size, never above the limit.
 */
function nextSize(
  current: number,
  pageSize: number,
  visible: number,
  scanned: number,
  limits: ScanLimits,
): number {
  const wanted =
    visible === 0
      ? current * 4
      : Math.ceil(((pageSize - visible) * scanned * 1.25) / visible);
  return Math.min(
    Math.max(wanted, pageSize),
    Math.max(limits.maxPageSize, pageSize),
  );
}

/**
 * True when some visible task matches `wanted`, scanning `query`'s tasks in
 * growing upstream pages within `limits`; `'limit'` when the bound stopped
 * the search first.
 */
export async function someVisibleTask(
  fetchPage: FetchPage,
  query: TaskQuery,
  matches: (task: UpstreamTask) => boolean,
  limits: ScanLimits = DEFAULT_SCAN_LIMITS,
): Promise<boolean | 'limit'> {
  let size = Math.min(100, limits.maxPageSize);
  let request: TaskQuery = { ...query, pageSize: size };
  for (let requests = 1; ; requests++) {
    const page = await fetchPage(request);
    if (page.some(matches)) return true;
    const last = page[page.length - 1];
    if (page.length < size || !last?.sortValues) return false;
    if (requests >= limits.maxRequests) return 'limit';
    size = Math.min(size * 4, limits.maxPageSize);
    request = continueFrom(query, last.sortValues, false, { size });
  }
}
