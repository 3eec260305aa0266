import { afterAll, describe, expect, it } from 'vitest';
import { seedWorld } from '../seed/seed-world';
import {
  buildTaskSearchSql,
  type SortKey,
  type TaskSearch,
} from './task-search';
import { TasklistStore } from './tasklist-store';

/**
 * The indexes must serve the filters and sorts clients use most: SQLite may
 * walk an index in order, but must never sort a whole result set in a
 * temporary B-tree to find one page.
 */
const store = TasklistStore.open(':memory:');
await seedWorld(store, Date.parse('2024-05-10T08:00:00Z'));
store.db.exec('ANALYZE');

afterAll(() => {
  store.close();
});

const creation: SortKey = {
  field: 'creationTime',
  order: 'DESC',
  mayBeMissing: false,
};
const completion: SortKey = {
  field: 'completionTime',
  order: 'DESC',
  mayBeMissing: false,
};
const due = (order: 'ASC' | 'DESC'): SortKey => ({
  field: 'dueDate',
  order,
  mayBeMissing: true,
});
const followUp = (order: 'ASC' | 'DESC'): SortKey => ({
  field: 'followUpDate',
  order,
  mayBeMissing: true,
});

const cases: Record<string, TaskSearch> = {
  'default (all but canceled)': { filter: {}, sort: [creation], limit: 50 },
  'open tasks': { filter: { state: 'CREATED' }, sort: [creation], limit: 50 },
  'completed tasks': {
    filter: { state: 'COMPLETED' },
    sort: [completion],
    limit: 50,
  },
  'unassigned in a group': {
    filter: { state: 'CREATED', assigned: false, candidateGroup: 'accounting' },
    sort: [creation],
    limit: 50,
  },
  'unassigned in a group, all states': {
    filter: { assigned: false, candidateGroup: 'accounting' },
    sort: [creation],
    limit: 50,
  },
  'assigned to someone, all states': {
    filter: { assignee: 'demo' },
    sort: [creation],
    limit: 50,
  },
  'my tasks': {
    filter: { state: 'CREATED', assignee: 'demo' },
    sort: [creation],
    limit: 50,
  },
  'next page': {
    filter: { state: 'CREATED' },
    sort: [creation],
    cursor: { values: [1715000000000n, 2251799813685300n], direction: 'after' },
    limit: 50,
  },
  'previous page': {
    filter: { state: 'CREATED' },
    sort: [creation],
    cursor: {
      values: [1715000000000n, 2251799813685300n],
      direction: 'before',
    },
    limit: 51,
  },
  'by due date, ascending': {
    filter: { state: 'CREATED' },
    sort: [due('ASC')],
    limit: 50,
  },
  'by due date, descending': {
    filter: { state: 'CREATED' },
    sort: [due('DESC')],
    limit: 50,
  },
  'by follow-up date': {
    filter: { state: 'CREATED' },
    sort: [followUp('ASC')],
    limit: 50,
  },
  'by due date, all states': { filter: {}, sort: [due('ASC')], limit: 50 },
};

const v2State = (value: string) => ({
  field: 'state' as const,
  test: { op: 'eq' as const, value },
});

/** The REST API's common searches; its default order is the task key. */
const v2Cases: Record<string, TaskSearch> = {
  'v2: everything by key': { filter: { state: 'ANY' }, sort: [], limit: 100 },
  'v2: open tasks by key': {
    filter: { state: 'ANY', conditions: [v2State('CREATED')] },
    sort: [],
    limit: 100,
  },
  'v2: my open tasks by key': {
    filter: {
      state: 'ANY',
      conditions: [
        v2State('CREATED'),
        { field: 'assignee', test: { op: 'eq', value: 'demo' } },
      ],
    },
    sort: [],
    limit: 100,
  },
  'v2: unassigned open tasks by key': {
    filter: {
      state: 'ANY',
      conditions: [
        v2State('CREATED'),
        { field: 'assignee', test: { op: 'exists', value: false } },
      ],
    },
    sort: [],
    limit: 100,
  },
  'v2: next page by key': {
    filter: { state: 'ANY', conditions: [v2State('CREATED')] },
    sort: [],
    cursor: { values: [2251799813685300n], direction: 'after' },
    limit: 100,
  },
  'v2: open tasks by due date': {
    filter: { state: 'ANY', conditions: [v2State('CREATED')] },
    sort: [due('ASC')],
    limit: 100,
  },
};

function planOf(search: TaskSearch): string {
  const { sql, params } = buildTaskSearchSql(search);
  return store.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => row.detail)
    .join('\n');
}

describe('query plans of the REST API', () => {
  for (const [name, search] of Object.entries(v2Cases)) {
    it(`${name}: walks an index or the key order, no temporary sort`, () => {
      const plan = planOf(search);
      expect(plan).toMatch(
        /USING (COVERING )?INDEX task_by_|INTEGER PRIMARY KEY|^SCAN t$/,
      );
      expect(plan).not.toContain('TEMP B-TREE');
    });
  }
});

describe('query plans', () => {
  for (const [name, search] of Object.entries(cases)) {
    it(`${name}: uses an index and no temporary sort`, () => {
      const { sql, params } = buildTaskSearchSql(search);
      const plan = store.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX task_by_/);
      expect(plan).not.toContain('TEMP B-TREE');
    });
  }
});
