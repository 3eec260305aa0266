import { TasklistError } from './messages';

/**
 * Limits that keep one `tasks` query from stalling the server (H52). Real
 * Tasklist has none of them, but its own clients stay far inside: they sort
 * by one or two fields and ask for 50-200 tasks. The checks run before any
 * SQL is built, so a refusal costs next to nothing whatever the input size.
 */
export const MAX_SORT_ENTRIES = 4;
export const MAX_PAGE_SIZE = 1000;

const CURSORS = [
  'searchAfter',
  'searchAfterOrEqual',
  'searchBefore',
  'searchBeforeOrEqual',
] as const;

/**
 * What the limits read of a `tasks` query (`TaskQueryInput` in
 * task-queries.ts), declared here so the two modules do not import each other.
 */
type LimitedQuery = {
  sort?: readonly ({ field: string } | null)[] | null;
} & Partial<Record<(typeof CURSORS)[number], readonly string[] | null>>;

export function assertQueryLimits(input: LimitedQuery): void {
  const sort = input.sort ?? [];
  if (sort.length > MAX_SORT_ENTRIES) {
    throw new TasklistError(
      `Sort can have at most ${String(MAX_SORT_ENTRIES)} entries, one per field; got ${String(sort.length)}`,
    );
  }
  const seen = new Set<string>();
  for (const entry of sort) {
    if (!entry) continue;
    if (seen.has(entry.field)) {
      throw new TasklistError(
        `Sort field ${entry.field} appears more than once; sort by each field at most once`,
      );
    }
    seen.add(entry.field);
  }
  // A cursor holds one value per sort entry plus the task key; anything
  // longer cannot match and is refused without echoing it back.
  for (const name of CURSORS) {
    const values = input[name];
    if (values && values.length > MAX_SORT_ENTRIES + 1) {
      throw new TasklistError(
        `${name} can have at most ${String(MAX_SORT_ENTRIES + 1)} values (the sortValues of a task); got ${String(values.length)}`,
      );
    }
  }
}

/** Checked after the cursors, like Tasklist's own page-size rule. */
export function assertPageSizeLimit(pageSize: number): void {
  if (pageSize > MAX_PAGE_SIZE) {
    throw new TasklistError(
      `Page size must be at most ${String(MAX_PAGE_SIZE)}; got ${String(pageSize)}`,
    );
  }
}
