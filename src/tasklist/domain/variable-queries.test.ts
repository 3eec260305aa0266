import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { addTask, emptyStore, T0 } from '../test/world-builder';
import type { Caller } from './caller';
import { completeTask } from './task-commands';
import {
  previewOf,
  taskVariables,
  variableById,
  variablesOfTask,
} from './variable-queries';

const api: Caller = {
  kind: 'api',
  userId: 'bff',
  displayName: 'bff',
  groups: [],
  permissions: ['READ', 'WRITE'],
};

let store: TasklistStore;
let open: TaskRecord;
let completed: TaskRecord;
let canceled: TaskRecord;

beforeAll(() => {
  store = emptyStore();
  open = addTask(store, {
    created: T0,
    variables: { zeta: 'last', amount: 42, approved: true, items: [1, 2] },
  });
  completed = addTask(store, {
    created: T0,
    variables: { amount: 1, note: 'before' },
  });
  completeTask(store, api, String(completed.key), [
    { name: 'note', value: '"after"' },
    { name: 'extra', value: '{"k":"v"}' },
  ]);
  canceled = addTask(store, {
    created: T0,
    variables: { amount: 5 },
    state: 'CANCELED',
  });
});

afterAll(() => {
  store.close();
});

describe('variables of a task', () => {
  it('are the live process variables, sorted by name, with ids <processInstanceId>-<name>', () => {
    const variables = variablesOfTask(store, open);
    expect(variables.map((v) => v.name)).toEqual([
      'amount',
      'approved',
      'items',
      'zeta',
    ]);
    expect(variables.map((v) => v.value)).toEqual([
      '42',
      'true',
      '[1,2]',
      '"last"',
    ]);
    expect(variables[0]?.id).toBe(`${open.processInstanceKey}-amount`);
  });

  it('are the snapshot once completed, with ids <taskId>-<name>, including submitted values', () => {
    const task = store.tasks.get(completed.key);
    if (!task) throw new Error('missing');
    const variables = variablesOfTask(store, task);
    expect(variables.map((v) => [v.id, v.value])).toEqual([
      [`${completed.key}-amount`, '1'],
      [`${completed.key}-extra`, '{"k":"v"}'],
      [`${completed.key}-note`, '"after"'],
    ]);
  });

  it('are empty for a canceled task', () => {
    expect(variablesOfTask(store, canceled)).toEqual([]);
  });
});

describe('variables(taskId, variableNames)', () => {
  it('returns all for an empty list and only the named ones otherwise, sorted, ignoring unknown names', () => {
    expect(taskVariables(store, String(open.key), [])).toHaveLength(4);
    expect(
      taskVariables(store, String(open.key), ['zeta', 'nope', 'amount']).map(
        (v) => v.name,
      ),
    ).toEqual(['amount', 'zeta']);
    expect(taskVariables(store, String(completed.key), ['note'])).toEqual([
      {
        id: `${completed.key}-note`,
        name: 'note',
        value: '"after"',
        scopeKey: completed.key,
        key: expect.any(Number) as number,
      },
    ]);
  });

  it('fails for an unknown task', () => {
    expect(() => taskVariables(store, '123', [])).toThrow(
      'Task with id 123 was not found',
    );
  });
});

describe('variable(id)', () => {
  it('finds runtime variables, then snapshot variables', () => {
    expect(variableById(store, `${open.processInstanceKey}-zeta`).value).toBe(
      '"last"',
    );
    expect(variableById(store, `${completed.key}-note`).value).toBe('"after"');
    // The instance's live value and the snapshot may differ later on.
    expect(
      variableById(store, `${completed.processInstanceKey}-note`).value,
    ).toBe('"after"');
  });

  it('keeps dashes in names', () => {
    const task = addTask(store, {
      created: T0,
      variables: { 'cost-centre': 'CC-1' },
    });
    expect(
      variableById(store, `${task.processInstanceKey}-cost-centre`).value,
    ).toBe('"CC-1"');
  });

  it('fails with the 8.2 message for unknown ids', () => {
    for (const id of [
      'nope',
      `${open.processInstanceKey}-nope`,
      '-amount',
      '12-amount',
    ]) {
      expect(() => variableById(store, id)).toThrow(
        `Variable with id ${id} not found.`,
      );
    }
  });
});

describe('previewValue', () => {
  it('is the whole value up to 8191 characters', () => {
    const value = `"${'x'.repeat(8189)}"`;
    expect(value).toHaveLength(8191);
    expect(previewOf(value, 8191)).toEqual({
      previewValue: value,
      isValueTruncated: false,
    });
  });

  it('is cut at 8191 characters beyond that', () => {
    const value = `"${'y'.repeat(8190)}"`;
    const preview = previewOf(value, 8191);
    expect(preview.isValueTruncated).toBe(true);
    expect(preview.previewValue).toHaveLength(8191);
    expect(value.startsWith(preview.previewValue)).toBe(true);
  });
});
