import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './cache';
import { pruneTaskLists } from './prune-task-lists';
import { taskListKey } from './task-list-key';

const LIST = gql`
  query CacheTestQuery($query: TaskQuery!) {
    tasks(query: $query) {
      id
      taskState
      assignee
    }
  }
`;

const task = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Task',
  id,
  taskState: 'CREATED',
  assignee: null,
  ...extra,
});
const filter = {
  state: 'CREATED' as const,
  sort: [{ field: 'creationTime' as const, order: 'DESC' as const }],
};

function setup(maxLoadedTasks?: number) {
  const cache = createCache(maxLoadedTasks ? { maxLoadedTasks } : {});
  const write = (ids: string[], cursor: Record<string, unknown> = {}) => {
    cache.writeQuery({
      query: LIST,
      variables: { query: { ...filter, pageSize: 50, ...cursor } },
      data: { tasks: ids.map((id) => task(id)) },
    });
  };
  const read = () =>
    cache
      .readQuery<{ tasks: { id: string }[] }>({
        query: LIST,
        variables: { query: { ...filter, pageSize: 50 } },
      })
      ?.tasks.map((t) => t.id);
  return { cache, write, read };
}

describe('tasks field policy', () => {
  it('keys lists by filter and sort, ignoring cursors and page size', () => {
    expect(
      taskListKey({ ...filter, pageSize: 50, searchAfter: ['1', '2'] }),
    ).toBe(taskListKey(filter));
    expect(taskListKey({ state: 'COMPLETED' })).not.toBe(taskListKey(filter));
  });

  it('appends searchAfter pages and prepends searchBefore pages, without duplicates', () => {
    const { write, read } = setup();
    write(['a', 'b']);
    write(['b', 'c', 'd'], { searchAfter: ['0', 'b'] });
    expect(read()).toEqual(['a', 'b', 'c', 'd']);
    write(['z', 'a'], { searchBefore: ['0', 'a'] });
    expect(read()).toEqual(['z', 'a', 'b', 'c', 'd']);
  });

  it('merges a poll of the first page into the loaded pages: new on top, gone removed, the rest kept', () => {
    const { write, read } = setup();
    write(['a', 'b', 'c']);
    write(['d', 'e', 'f'], { searchAfter: ['0', 'c'] });
    write(['new', 'a', 'c']);
    expect(read()).toEqual(['new', 'a', 'c', 'd', 'e', 'f']);
  });

  it('starts over when the first page shares nothing with what is loaded', () => {
    const { write, read } = setup();
    write(['a', 'b']);
    write(['x', 'y']);
    expect(read()).toEqual(['x', 'y']);
  });

  it('drops the far end beyond the loaded-task limit', () => {
    const { write, read } = setup(3);
    write(['a', 'b']);
    write(['c', 'd'], { searchAfter: ['0', 'b'] });
    expect(read()).toEqual(['b', 'c', 'd']);
    write(['a'], { searchBefore: ['0', 'b'] });
    expect(read()).toEqual(['a', 'b', 'c']);
  });

  it('prunes a claimed task from unassigned lists but keeps it in lists it still matches', () => {
    const cache = createCache();
    const unassigned = { ...filter, assigned: false };
    for (const query of [unassigned, filter]) {
      cache.writeQuery({
        query: LIST,
        variables: { query },
        data: { tasks: [task('1'), task('2')] },
      });
    }
    cache.writeFragment({
      id: 'Task:1',
      fragment: gql`
        fragment CacheTestClaim on Task {
          assignee
        }
      `,
      data: { __typename: 'Task', assignee: 'demo' },
    });
    pruneTaskLists(cache, '1');
    const ids = (query: object) =>
      cache
        .readQuery<{ tasks: { id: string }[] }>({
          query: LIST,
          variables: { query },
        })
        ?.tasks.map((t) => t.id);
    expect(ids(unassigned)).toEqual(['2']);
    expect(ids(filter)).toEqual(['1', '2']);
  });
});
