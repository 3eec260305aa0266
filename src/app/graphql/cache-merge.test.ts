import { gql } from '@apollo/client';
import type { FieldFunctionOptions, Reference } from '@apollo/client/cache';
import { isReference } from '@apollo/client/utilities';
import { describe, expect, it, vi } from 'vitest';
import { createCache, MAX_LOADED_TASKS, mergeTaskPages } from './cache';

const refs = (...ids: string[]): Reference[] =>
  ids.map((id) => ({ __ref: `Task:${id}` }));
const names = (list: readonly Reference[]) =>
  list.map((ref) => ref.__ref.slice('Task:'.length));

/** A merge function's options: a cursor, and a readField that counts its calls. */
function optionsFor(query: Record<string, unknown> = {}) {
  const readField = vi.fn(
    (field: string, from?: Reference | { id?: string }) =>
      field !== 'id' || !from
        ? undefined
        : '__ref' in from
          ? from.__ref.slice('Task:'.length)
          : from.id,
  );
  const options = {
    args: { query: { pageSize: 50, ...query } },
    readField,
    isReference,
  } as unknown as FieldFunctionOptions;
  return { options, readField };
}

describe('mergeTaskPages', () => {
  it('compares loaded tasks by their cache ids, never reading a field of one', () => {
    const loaded = refs(...Array.from({ length: 5_000 }, (_, i) => String(i)));
    const after = optionsFor({ searchAfter: ['0', '4999'] });
    const appended = mergeTaskPages(
      loaded,
      refs('4999', 'x', 'y'),
      after.options,
    );
    expect(appended).toHaveLength(5_002);
    expect(names(appended.slice(-3))).toEqual(['4999', 'x', 'y']);
    expect(after.readField).not.toHaveBeenCalled();

    const head = optionsFor();
    const polled = mergeTaskPages(loaded, refs('new', '0', '2'), head.options);
    expect(names(polled.slice(0, 4))).toEqual(['new', '0', '2', '3']);
    expect(polled).toHaveLength(5_000);
    expect(head.readField).not.toHaveBeenCalled();

    const before = optionsFor({ searchBefore: ['0', '0'] });
    const prepended = mergeTaskPages(loaded, refs('z', '0'), before.options);
    expect(names(prepended.slice(0, 3))).toEqual(['z', '0', '1']);
    expect(before.readField).not.toHaveBeenCalled();
  });

  it('replaces the head up to the last task it shares with the loaded ones', () => {
    const { options } = optionsFor();
    const merged = mergeTaskPages(
      refs('a', 'b', 'c', 'd', 'e'),
      refs('n', 'c', 'a'),
      options,
    );
    // b is gone (finished); the order of the new head wins; d and e stay.
    expect(names(merged)).toEqual(['n', 'c', 'a', 'd', 'e']);
  });

  it('trims the far end at the limit in both directions', () => {
    const after = optionsFor({ searchAfter: ['0', 'c'] });
    expect(
      names(
        mergeTaskPages(refs('a', 'b', 'c'), refs('d', 'e'), after.options, 4),
      ),
    ).toEqual(['b', 'c', 'd', 'e']);
    const before = optionsFor({ searchBefore: ['0', 'a'] });
    expect(
      names(
        mergeTaskPages(refs('a', 'b', 'c'), refs('y', 'z'), before.options, 4),
      ),
    ).toEqual(['y', 'z', 'a', 'b']);
  });

  it('still tells tasks the cache could not normalise apart by their id', () => {
    const { options, readField } = optionsFor({ searchAfter: ['0', '2'] });
    const inline = (id: string) => ({ id }) as unknown as Reference;
    const merged = mergeTaskPages(
      [inline('1'), inline('2')],
      [inline('2'), inline('3')],
      options,
    );
    expect(merged.map((t) => (t as unknown as { id: string }).id)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(readField).toHaveBeenCalled();
  });
});

describe('the result cache with a full list', () => {
  const LIST = gql`
    query CacheSizeTestQuery($query: TaskQuery!) {
      tasks(query: $query) {
        id
        sortValues
        name
      }
    }
  `;
  const task = (i: number) => ({
    __typename: 'Task',
    id: String(i),
    sortValues: [String(i), String(i)],
    name: `Task ${String(i)}`,
  });

  it('keeps every loaded task read once, so one more page re-reads only that page', () => {
    const cache = createCache();
    const query = { state: 'CREATED', pageSize: 50 };
    const pages = MAX_LOADED_TASKS / 50;
    for (let page = 0; page < pages; page++) {
      if (page === pages - 1) {
        // A watched query reads the list from both of Apollo's stores
        // (optimistic and not) after every page.
        const read = (optimistic: boolean) =>
          cache.readQuery<{ tasks: object[] }>({
            query: LIST,
            variables: { query },
            optimistic,
          });
        read(false);
        const before = read(true);
        expect(before?.tasks).toHaveLength(MAX_LOADED_TASKS - 50);
        // The read above is what Apollo cached; the next page must not evict it.
        const first = before?.tasks[0];
        const middle = before?.tasks[5_000];
        cache.writeQuery({
          query: LIST,
          variables: {
            query: { ...query, searchAfter: [String(page * 50 - 1)] },
          },
          data: {
            tasks: Array.from({ length: 50 }, (_, i) => task(page * 50 + i)),
          },
        });
        read(false);
        const after = read(true);
        expect(after?.tasks).toHaveLength(MAX_LOADED_TASKS);
        expect(after?.tasks[0]).toBe(first);
        expect(after?.tasks[5_000]).toBe(middle);
        return;
      }
      cache.writeQuery({
        query: LIST,
        variables: {
          query:
            page === 0
              ? query
              : { ...query, searchAfter: [String(page * 50 - 1)] },
        },
        data: {
          tasks: Array.from({ length: 50 }, (_, i) => task(page * 50 + i)),
        },
      });
    }
  });
});
