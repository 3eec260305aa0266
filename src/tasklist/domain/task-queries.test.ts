import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { addTask, DAY, emptyStore, HOUR, T0 } from '../test/world-builder';
import { getTask, searchTasks, type TaskQueryInput } from './task-queries';

/**
 * Eight tasks with known times, created in the order A..H (so their keys
 * ascend in that order). C and D share a creation time and a due date, to
 * exercise the key tie-breaker.
 */
let store: TasklistStore;
const t: Record<string, TaskRecord> = {};

beforeAll(() => {
  store = emptyStore();
  t.A = addTask(store, {
    created: T0 + 1 * HOUR,
    groups: ['accounting'],
    due: T0 + 10 * DAY,
    followUp: T0 + 2 * DAY,
    elementId: 'approveInvoice',
  });
  t.B = addTask(store, {
    created: T0 + 2 * HOUR,
    groups: ['sales'],
    users: ['demo'],
    assignee: 'bob',
  });
  t.C = addTask(store, {
    created: T0 + 3 * HOUR,
    groups: ['accounting', 'management'],
    due: T0 + 5 * DAY,
    assignee: 'demo',
  });
  t.D = addTask(store, {
    created: T0 + 3 * HOUR,
    groups: ['hr'],
    due: T0 + 5 * DAY,
    followUp: T0 + 4 * DAY,
  });
  t.E = addTask(store, {
    created: T0 + 4 * HOUR,
    groups: ['accounting'],
    assignee: 'alice',
    state: 'COMPLETED',
    finished: T0 + 6 * HOUR,
    elementId: 'approveInvoice',
  });
  t.F = addTask(store, {
    created: T0 + 5 * HOUR,
    groups: ['accounting'],
    state: 'CANCELED',
    finished: T0 + 7 * HOUR,
  });
  t.G = addTask(store, {
    created: T0 + 6 * HOUR,
    assignee: 'demo',
    state: 'COMPLETED',
    finished: T0 + 8 * HOUR,
  });
  t.H = addTask(store, {
    created: T0 + 7 * HOUR,
    users: ['alice'],
    due: T0 + 1 * DAY,
    followUp: T0 + 12 * HOUR,
  });
});

afterAll(() => {
  store.close();
});

const nameOf = (key: number) =>
  Object.entries(t).find(([, task]) => task.key === key)?.[0] ?? `?${key}`;
const names = (query: TaskQueryInput) =>
  searchTasks(store, query).map((result) => nameOf(result.task.key));
const sv = (name: string, query: TaskQueryInput = {}) => {
  const found = searchTasks(store, { ...query, pageSize: 100 }).find(
    (result) => nameOf(result.task.key) === name,
  );
  if (!found?.sortValues) throw new Error(`${name} not in the result`);
  return found.sortValues;
};

describe('tasks: filters', () => {
  it('returns every state but CANCELED when no state is given', () => {
    expect(names({})).toEqual(['H', 'G', 'E', 'C', 'D', 'B', 'A']);
  });

  it('filters by each state, CANCELED included when asked for', () => {
    expect(names({ state: 'CREATED' })).toEqual(['H', 'C', 'D', 'B', 'A']);
    expect(names({ state: 'COMPLETED' })).toEqual(['G', 'E']);
    expect(names({ state: 'CANCELED' })).toEqual(['F']);
  });

  it('filters by assigned and assignee', () => {
    expect(names({ assigned: true })).toEqual(['G', 'E', 'C', 'B']);
    expect(names({ assigned: false })).toEqual(['H', 'D', 'A']);
    expect(names({ assignee: 'demo' })).toEqual(['G', 'C']);
    expect(names({ assignee: 'nobody' })).toEqual([]);
  });

  it('filters by one candidate group or user', () => {
    expect(names({ candidateGroup: 'accounting' })).toEqual(['E', 'C', 'A']);
    expect(names({ candidateGroup: 'management' })).toEqual(['C']);
    expect(names({ candidateUser: 'demo' })).toEqual(['B']);
    expect(names({ candidateUser: 'alice' })).toEqual(['H']);
  });

  it('filters by task definition, process definition and process instance', () => {
    expect(names({ taskDefinitionId: 'approveInvoice' })).toEqual(['E', 'A']);
    expect(
      names({ processDefinitionId: String(t.C?.processDefinitionKey) }),
    ).toEqual(['C']);
    expect(
      names({ processInstanceId: String(t.D?.processInstanceKey) }),
    ).toEqual(['D']);
    expect(names({ processDefinitionId: 'not-a-key' })).toEqual([]);
    expect(names({ processInstanceId: '12' })).toEqual([]);
  });

  it('filters by inclusive due and follow-up date ranges', () => {
    expect(
      names({ dueDate: { from: T0 + 5 * DAY, to: T0 + 10 * DAY } }),
    ).toEqual(['C', 'D', 'A']);
    expect(
      names({ dueDate: { from: T0 + 5 * DAY + 1, to: T0 + 10 * DAY - 1 } }),
    ).toEqual([]);
    expect(names({ followUpDate: { from: T0, to: T0 + 2 * DAY } })).toEqual([
      'H',
      'A',
    ]);
    expect(names({ dueDate: { from: T0 + 10 * DAY, to: T0 } })).toEqual([]);
  });

  it('combines filters with AND; contradictions give an empty list', () => {
    expect(
      names({
        state: 'CREATED',
        candidateGroup: 'accounting',
        assigned: false,
      }),
    ).toEqual(['A']);
    expect(names({ state: 'COMPLETED', assignee: 'demo' })).toEqual(['G']);
    expect(names({ assigned: false, assignee: 'demo' })).toEqual([]);
    expect(names({ candidateGroup: 'accounting', state: 'CANCELED' })).toEqual([
      'F',
    ]);
  });
});

describe('tasks: order', () => {
  it('sorts CREATED (and all-state) results by creation time, newest first, key breaking ties', () => {
    const results = searchTasks(store, { state: 'CREATED' });
    expect(results.map((r) => r.sortValues)).toEqual(
      ['H', 'C', 'D', 'B', 'A'].map((n) => [
        String(t[n]?.creationTime),
        String(t[n]?.key),
      ]),
    );
    expect(t.C?.creationTime).toBe(t.D?.creationTime);
    expect(t.C?.key).toBeLessThan(t.D?.key ?? 0);
  });

  it('sorts COMPLETED and CANCELED results by completion time, newest first', () => {
    const results = searchTasks(store, { state: 'COMPLETED' });
    expect(results.map((r) => r.sortValues)).toEqual([
      [String(T0 + 8 * HOUR), String(t.G?.key)],
      [String(T0 + 6 * HOUR), String(t.E?.key)],
    ]);
    expect(searchTasks(store, { state: 'CANCELED' })[0]?.sortValues).toEqual([
      String(T0 + 7 * HOUR),
      String(t.F?.key),
    ]);
  });

  it('sorts by a custom field with missing values last, ascending', () => {
    const results = searchTasks(store, {
      sort: [{ field: 'dueDate', order: 'ASC' }],
    });
    expect(results.map((r) => nameOf(r.task.key))).toEqual([
      'H',
      'C',
      'D',
      'A',
      'B',
      'E',
      'G',
    ]);
    expect(results[4]?.sortValues).toEqual([
      '9223372036854775807',
      String(t.B?.key),
    ]);
    expect(results[0]?.sortValues).toEqual([
      String(T0 + DAY),
      String(t.H?.key),
    ]);
  });

  it('keeps missing values last when sorting descending, with the key still ascending', () => {
    const results = searchTasks(store, {
      sort: [{ field: 'dueDate', order: 'DESC' }],
    });
    expect(results.map((r) => nameOf(r.task.key))).toEqual([
      'A',
      'C',
      'D',
      'H',
      'B',
      'E',
      'G',
    ]);
    expect(results[5]?.sortValues).toEqual([
      '-9223372036854775808',
      String(t.E?.key),
    ]);
  });

  it('applies several sort fields in order and ignores null entries', () => {
    const results = searchTasks(store, {
      state: 'CREATED',
      sort: [
        null,
        { field: 'followUpDate', order: 'ASC' },
        { field: 'creationTime', order: 'ASC' },
      ],
    });
    expect(results.map((r) => nameOf(r.task.key))).toEqual([
      'H',
      'A',
      'D',
      'B',
      'C',
    ]);
    expect(results[0]?.sortValues).toHaveLength(3);
  });

  it('sorts completion time ascending with open tasks (no completion time) last', () => {
    expect(
      names({ sort: [{ field: 'completionTime', order: 'ASC' }] }),
    ).toEqual(['E', 'G', 'A', 'B', 'C', 'D', 'H']);
  });

  it('orders by the key alone for an empty sort list, like Tasklist', () => {
    const results = searchTasks(store, { sort: [] });
    expect(results.map((r) => nameOf(r.task.key))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'G',
      'H',
    ]);
    expect(results[0]?.sortValues).toEqual([String(t.A?.key)]);
  });
});

describe('tasks: page size', () => {
  it('defaults to 50', () => {
    const big = emptyStore();
    for (let i = 0; i < 55; i++) addTask(big, { created: T0 + i * 1000 });
    expect(searchTasks(big, {})).toHaveLength(50);
    expect(searchTasks(big, { pageSize: null })).toHaveLength(50);
    expect(searchTasks(big, { pageSize: 55 })).toHaveLength(55);
    big.close();
  });

  it('rejects zero and negative sizes with the 8.5 message', () => {
    for (const pageSize of [0, -1]) {
      expect(() => searchTasks(store, { pageSize })).toThrow(
        'Page size cannot should be a positive number',
      );
    }
    expect(names({ pageSize: 1 })).toEqual(['H']);
  });
});

describe('tasks: cursors and isFirst', () => {
  const created = { state: 'CREATED' as const, pageSize: 2 };
  const page = (query: TaskQueryInput) =>
    searchTasks(store, { ...created, ...query }).map(
      (r) => `${nameOf(r.task.key)}${r.isFirst ? '*' : ''}`,
    );

  it('marks only the first task of an uncursored page', () => {
    expect(page({})).toEqual(['H*', 'C']);
    expect(searchTasks(store, {}).filter((r) => r.isFirst)).toHaveLength(1);
  });

  it('searchAfter returns the next page; isFirst only if it leads the whole list', () => {
    expect(page({ searchAfter: sv('C', created) })).toEqual(['D', 'B']);
    expect(page({ searchAfter: sv('H', created) })).toEqual(['C', 'D']);
    expect(page({ searchAfter: sv('A', created) })).toEqual([]);
    expect(page({ searchAfter: ['9999999999999', '0'] })).toEqual(['H*', 'C']);
  });

  it('searchAfterOrEqual puts the anchor first, never marked first, and keeps the page size', () => {
    expect(page({ searchAfterOrEqual: sv('C', created) })).toEqual(['C', 'D']);
    expect(page({ searchAfterOrEqual: sv('H', created) })).toEqual(['H', 'C']);
    expect(page({ searchAfterOrEqual: sv('A', created) })).toEqual(['A']);
  });

  it('searchBefore returns the previous page in normal order; the earliest is first when the list starts there', () => {
    expect(page({ searchBefore: sv('D', created) })).toEqual(['H*', 'C']);
    expect(page({ searchBefore: sv('B', created) })).toEqual(['C', 'D']);
    expect(page({ searchBefore: sv('H', created) })).toEqual([]);
  });

  it('searchBeforeOrEqual appends the anchor, dropping the first task of a full page', () => {
    expect(page({ searchBeforeOrEqual: sv('B', created) })).toEqual(['D', 'B']);
    expect(page({ searchBeforeOrEqual: sv('C', created) })).toEqual([
      'H*',
      'C',
    ]);
    expect(page({ searchBeforeOrEqual: sv('H', created) })).toEqual(['H']);
  });

  it('does not add an anchor that the filters exclude', () => {
    const anchor = sv('G');
    expect(page({ searchAfterOrEqual: anchor })).not.toContain('G');
  });

  it('pages through a custom sort across missing values', () => {
    const byDue = {
      pageSize: 3,
      sort: [{ field: 'dueDate' as const, order: 'ASC' as const }],
    };
    const first = searchTasks(store, byDue);
    expect(first.map((r) => nameOf(r.task.key))).toEqual(['H', 'C', 'D']);
    const second = searchTasks(store, {
      ...byDue,
      searchAfter: first[2]?.sortValues,
    });
    expect(second.map((r) => nameOf(r.task.key))).toEqual(['A', 'B', 'E']);
    const third = searchTasks(store, {
      ...byDue,
      searchAfter: second[2]?.sortValues,
    });
    expect(third.map((r) => nameOf(r.task.key))).toEqual(['G']);
    const back = searchTasks(store, {
      ...byDue,
      searchBefore: third[0]?.sortValues,
    });
    expect(back.map((r) => nameOf(r.task.key))).toEqual(['A', 'B', 'E']);
    const desc = {
      pageSize: 3,
      sort: [{ field: 'dueDate' as const, order: 'DESC' as const }],
    };
    const next = searchTasks(store, { ...desc, searchAfter: sv('H', desc) });
    expect(next.map((r) => nameOf(r.task.key))).toEqual(['B', 'E', 'G']);
  });

  it('allows only one cursor', () => {
    const values = sv('C', created);
    expect(() =>
      searchTasks(store, { searchAfter: values, searchBefore: values }),
    ).toThrow(
      'Only one of [searchAfter, searchAfterOrEqual, searchBefore, searchBeforeOrEqual] must be present in request.',
    );
    expect(() =>
      searchTasks(store, {
        searchAfterOrEqual: values,
        searchBeforeOrEqual: values,
      }),
    ).toThrow(/^Only one of/);
  });

  it('checks the cursors before the page size, like Tasklist', () => {
    const values = sv('C', created);
    expect(() =>
      searchTasks(store, {
        searchAfter: values,
        searchBefore: values,
        pageSize: 0,
      }),
    ).toThrow(/^Only one of/);
  });

  it('rejects sort values that do not fit the sort', () => {
    expect(() => searchTasks(store, { searchAfter: ['1'] })).toThrow(
      'Invalid sort values ["1"]: expected 2 integers, the sortValues of a task returned by a query with the same sort',
    );
    expect(() => searchTasks(store, { searchAfter: ['abc', '1'] })).toThrow(
      /^Invalid sort values/,
    );
    expect(() =>
      searchTasks(store, { searchBefore: ['99999999999999999999', '1'] }),
    ).toThrow(/^Invalid sort values/);
  });
});

describe('task(id)', () => {
  it('returns a task in any state', () => {
    expect(getTask(store, String(t.F?.key)).state).toBe('CANCELED');
    expect(getTask(store, String(t.G?.key)).state).toBe('COMPLETED');
  });

  it('fails with the not-found message for unknown and non-numeric ids', () => {
    expect(() => getTask(store, '2251799813699999')).toThrow(
      'Task with id 2251799813699999 was not found',
    );
    expect(() => getTask(store, 'abc')).toThrow(
      'Task with id abc was not found',
    );
  });
});
