/**
 * Paging as the REST API (v2) does it: by offset, or after / before the sort
 * values of an item (a cursor). Results carry the sort values of their first
 * and last item, so the API can hand out cursors for the neighbouring pages.
 */
export type SortOrder = 'ASC' | 'DESC';

export type PageRequest<Values> =
  | { kind: 'offset'; from: number; limit: number }
  | { kind: 'after' | 'before'; values: Values; limit: number };

export interface Page<Item, Values> {
  items: Item[];
  /** Every match, whatever the page. */
  total: number;
  first?: Values | undefined;
  last?: Values | undefined;
}

/** A sort key of an in-memory list; missing values (null) sort last. */
export interface ListSortKey<Item> {
  value: (item: Item) => string | number | null;
  order: SortOrder;
}

/** Sort values of a list item: one per sort key, then the item's key. */
export type ListValues = (string | number | null)[];

function compareValues(
  a: string | number | null,
  b: string | number | null,
  order: SortOrder,
): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const less = typeof a === typeof b ? a < b : String(a) < String(b);
  const ascending = less ? -1 : 1;
  return order === 'ASC' ? ascending : -ascending;
}

function compareTuples(
  a: ListValues,
  b: ListValues,
  orders: SortOrder[],
): number {
  for (let i = 0; i < orders.length; i++) {
    const result = compareValues(
      a[i] ?? null,
      b[i] ?? null,
      orders[i] ?? 'ASC',
    );
    if (result !== 0) return result;
  }
  return 0;
}

/**
 * Sorts, filters by cursor and pages a list held in memory (process
 * definitions, a task's variables), with the item key as the last sort key.
 */
export function pageList<Item>(
  all: Item[],
  sort: ListSortKey<Item>[],
  keyOf: (item: Item) => number,
  page: PageRequest<ListValues>,
): Page<Item, ListValues> {
  const orders: SortOrder[] = [...sort.map((key) => key.order), 'ASC'];
  const valuesOf = (item: Item): ListValues => [
    ...sort.map((key) => key.value(item)),
    keyOf(item),
  ];
  const rows = all
    .map((item) => ({ item, values: valuesOf(item) }))
    .sort((a, b) => compareTuples(a.values, b.values, orders));
  let selected: typeof rows;
  if (page.kind === 'offset') {
    selected = rows.slice(page.from, page.from + page.limit);
  } else if (page.kind === 'after') {
    selected = rows
      .filter((row) => compareTuples(row.values, page.values, orders) > 0)
      .slice(0, page.limit);
  } else {
    const before = rows.filter(
      (row) => compareTuples(row.values, page.values, orders) < 0,
    );
    selected = before.slice(Math.max(0, before.length - page.limit));
  }
  return {
    items: selected.map((row) => row.item),
    total: all.length,
    first: selected[0]?.values,
    last: selected.at(-1)?.values,
  };
}
