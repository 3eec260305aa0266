import type { ListValues, PageRequest } from '../domain/paging';
import type { PageInput } from './filter-schemas';
import { invalidArgument } from './problem';

/*
 * Cursors are opaque to clients: base64 of the sort values of the first or
 * last item of a page (a JSON array; large integers as strings). Standard
 * base64 with padding, the alphabet Camunda's cursors use.
 */

type CursorValue = bigint | string | number | null;

export const DEFAULT_PAGE_SIZE = 100;

export function encodeCursor(values: CursorValue[]): string {
  const json = JSON.stringify(
    values.map((value) => (typeof value === 'bigint' ? String(value) : value)),
  );
  return Buffer.from(json, 'utf8').toString('base64');
}

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The values inside a cursor, or a 400 problem when it is not one of ours. */
export function decodeCursor(text: string): unknown[] {
  let parsed: unknown;
  try {
    if (!BASE64.test(text)) throw new Error('not base64');
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw invalidCursor(text);
  return parsed as unknown[];
}

export function invalidCursor(text: string): Error {
  return invalidArgument(
    `The cursor '${text.slice(0, 80)}' is not valid for this query. Use the startCursor or endCursor of a previous response to the same query.`,
  );
}

/**
 * The page a request asks for. `toValues` turns a decoded cursor into the
 * query's sort values (undefined when the cursor does not fit the sort).
 */
export function pageOf<Values>(
  input: PageInput | undefined,
  toValues: (raw: unknown[]) => Values | undefined,
): PageRequest<Values> {
  const limit = input?.limit ?? DEFAULT_PAGE_SIZE;
  if (input?.after !== undefined && input.before !== undefined) {
    throw invalidArgument(
      'Both after and before cannot be set at the same time.',
    );
  }
  const cursorText = input?.after ?? input?.before;
  if (cursorText === undefined) {
    return { kind: 'offset', from: input?.from ?? 0, limit };
  }
  if (input?.from !== undefined) {
    throw invalidArgument(
      'Both after/before and from cannot be set at the same time.',
    );
  }
  const values = toValues(decodeCursor(cursorText));
  if (values === undefined) throw invalidCursor(cursorText);
  return {
    kind: input?.after !== undefined ? 'after' : 'before',
    values,
    limit,
  };
}

/** The `page` object of a search response. */
export function pageResponse(
  total: number,
  first: CursorValue[] | undefined,
  last: CursorValue[] | undefined,
  { withStartCursor = true } = {},
) {
  return {
    totalItems: total,
    hasMoreTotalItems: false,
    ...(first && withStartCursor ? { startCursor: encodeCursor(first) } : {}),
    ...(last ? { endCursor: encodeCursor(last) } : {}),
  };
}

/** Cursor values of an in-memory list: one per sort key, then a numeric key. */
export function toListValues(
  raw: unknown[],
  sortLength: number,
): ListValues | undefined {
  if (raw.length !== sortLength + 1) return undefined;
  const fits = raw.every(
    (value): value is string | number | null =>
      value === null || typeof value === 'string' || typeof value === 'number',
  );
  return fits && typeof raw.at(-1) === 'number' ? raw : undefined;
}
