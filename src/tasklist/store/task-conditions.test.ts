import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passes } from '../domain/value-tests';
import { addTask, emptyStore, T0 } from '../test/world-builder';
import type { TaskRecord } from './records';
import type { ValueTest } from './task-conditions';
import type { TasklistStore } from './tasklist-store';
import { likeToGlob, likeToRegExp } from './wildcard';

/*
 * The store answers conditions in SQL and the domain evaluates the same
 * tests in memory (lists, constants): both must agree on every test,
 * including missing values and wildcard escapes.
 */

const ASSIGNEES = [
  null,
  'demo',
  'Demo',
  'a*c',
  'abc',
  'a_c',
  'a%c',
  'x?y',
  'xzy',
  '[x]',
  'a\\c',
];

let store: TasklistStore;
let tasks: TaskRecord[];

beforeAll(() => {
  store = emptyStore();
  tasks = ASSIGNEES.map((assignee) =>
    addTask(store, { created: T0, ...(assignee ? { assignee } : {}) }),
  );
});

afterAll(() => {
  store.close();
});

const TESTS: ValueTest<string>[] = [
  { op: 'eq', value: 'demo' },
  { op: 'neq', value: 'demo' },
  { op: 'exists', value: true },
  { op: 'exists', value: false },
  { op: 'in', values: ['abc', 'xzy'] },
  { op: 'in', values: [] },
  { op: 'notIn', values: ['abc', 'xzy'] },
  { op: 'notIn', values: [] },
  { op: 'gt', value: 'a' },
  { op: 'lte', value: 'abc' },
  { op: 'like', pattern: 'a*c' },
  { op: 'like', pattern: 'a\\*c' },
  { op: 'like', pattern: 'a?c' },
  { op: 'like', pattern: 'x\\?y' },
  { op: 'like', pattern: 'x?y' },
  { op: 'like', pattern: 'a%c' },
  { op: 'like', pattern: 'a_c' },
  { op: 'like', pattern: '[x]' },
  { op: 'like', pattern: 'a\\\\c' },
  { op: 'like', pattern: 'demo' },
  { op: 'like', pattern: '*' },
];

describe('task conditions', () => {
  it.each(TESTS)('SQL and memory agree on %j', (test) => {
    const inSql = store.searcher
      .search({
        filter: { state: 'ANY', conditions: [{ field: 'assignee', test }] },
        sort: [],
        limit: 100,
      })
      .map((task) => task.assignee);
    const inMemory = tasks
      .filter((task) => passes(task.assignee, test))
      .map((task) => task.assignee);
    expect(inSql).toEqual(inMemory);
  });

  it('counts what it finds', () => {
    const filter = {
      state: 'ANY' as const,
      conditions: [
        {
          field: 'assignee' as const,
          test: { op: 'exists' as const, value: true },
        },
      ],
    };
    expect(store.searcher.count(filter)).toBe(ASSIGNEES.length - 1);
    expect(
      store.searcher.count({
        state: 'ANY',
        conditions: [{ field: 'nothing' }],
      }),
    ).toBe(0);
  });
});

describe('like patterns', () => {
  it('translate wildcards and escapes', () => {
    expect(likeToGlob('a*b?c')).toBe('a*b?c');
    expect(likeToGlob('a\\*b\\?c')).toBe('a[*]b[?]c');
    expect(likeToGlob('[x]%_')).toBe('[[]x]%_');
    expect(likeToRegExp('a*b?c').test('aXXbYc')).toBe(true);
    expect(likeToRegExp('a\\*').test('a*')).toBe(true);
    expect(likeToRegExp('a\\*').test('ab')).toBe(false);
    expect(likeToRegExp('(x)').test('(x)')).toBe(true);
    // A trailing backslash has nothing to escape and stays literal.
    expect(likeToRegExp('a\\').test('a\\')).toBe(true);
  });
});
