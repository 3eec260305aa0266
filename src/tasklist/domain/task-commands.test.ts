import { beforeEach, describe, expect, it } from 'vitest';
import type { TasklistStore } from '../store/tasklist-store';
import { deployOne, linearProcess } from '../test/bpmn-fixture';
import { addTask, emptyStore, HOUR, T0 } from '../test/world-builder';
import type { Caller } from './caller';
import { claimTask, completeTask, unclaimTask } from './task-commands';

const user = (userId: string): Caller => ({
  kind: 'user',
  userId,
  displayName: userId,
  groups: [],
  permissions: ['READ', 'WRITE'],
});
const api: Caller = {
  kind: 'api',
  userId: 'tasklist-inbox-bff',
  displayName: 'tasklist-inbox-bff',
  groups: [],
  permissions: ['READ', 'WRITE'],
};

const ALREADY = 'Task is already assigned';
const OTHER =
  "User doesn't have the permission to assign another user to this task";
const ASSIGNEE = 'Assignee must be specified';
const NOT_ACTIVE = 'Task is not active';

let store: TasklistStore;
let open: string;
let mine: string;
let bobs: string;
let done: string;
let canceled: string;
let zeebe: string;

beforeEach(() => {
  store = emptyStore(T0 + 10 * HOUR);
  open = String(addTask(store, { created: T0 }).key);
  mine = String(addTask(store, { created: T0, assignee: 'demo' }).key);
  bobs = String(addTask(store, { created: T0, assignee: 'bob' }).key);
  done = String(
    addTask(store, { created: T0, assignee: 'demo', state: 'COMPLETED' }).key,
  );
  canceled = String(addTask(store, { created: T0, state: 'CANCELED' }).key);
  zeebe = String(
    addTask(store, { created: T0, implementation: 'ZEEBE_USER_TASK' }).key,
  );
});

const assigneeOf = (id: string) => store.tasks.get(Number(id))?.assignee;

describe('claimTask by a user', () => {
  it('assigns an unassigned task to the caller when no assignee or their own id is given', () => {
    expect(claimTask(store, user('demo'), open, null, undefined).assignee).toBe(
      'demo',
    );
    const second = String(addTask(store, { created: T0 }).key);
    expect(claimTask(store, user('demo'), second, '', undefined).assignee).toBe(
      'demo',
    );
    const third = String(addTask(store, { created: T0 }).key);
    expect(
      claimTask(store, user('demo'), third, 'demo', undefined).assignee,
    ).toBe('demo');
    expect(assigneeOf(third)).toBe('demo');
  });

  it('never takes over an assigned task, not even its own, whatever allowOverrideAssignment says', () => {
    expect(() => claimTask(store, user('demo'), mine, null, undefined)).toThrow(
      ALREADY,
    );
    expect(() => claimTask(store, user('demo'), bobs, 'demo', true)).toThrow(
      ALREADY,
    );
    expect(() => claimTask(store, user('demo'), bobs, null, false)).toThrow(
      ALREADY,
    );
    expect(assigneeOf(bobs)).toBe('bob');
  });

  it('may not name another user, on unassigned and assigned tasks alike', () => {
    expect(() =>
      claimTask(store, user('demo'), open, 'alice', undefined),
    ).toThrow(OTHER);
    expect(() =>
      claimTask(store, user('demo'), bobs, 'alice', undefined),
    ).toThrow(OTHER);
    expect(assigneeOf(open)).toBeNull();
  });

  it('checks the assignee argument before the task exists or is active', () => {
    expect(() =>
      claimTask(store, user('demo'), 'missing', 'alice', undefined),
    ).toThrow(OTHER);
    expect(() =>
      claimTask(store, user('demo'), done, 'alice', undefined),
    ).toThrow(OTHER);
    expect(() =>
      claimTask(store, user('demo'), 'missing', null, undefined),
    ).toThrow('Task with id missing was not found');
  });
});

describe('claimTask by an API (client-credentials) caller', () => {
  it('needs an assignee, checked before anything else', () => {
    for (const assignee of [null, undefined, '']) {
      expect(() => claimTask(store, api, open, assignee, undefined)).toThrow(
        ASSIGNEE,
      );
    }
    expect(() => claimTask(store, api, 'missing', null, undefined)).toThrow(
      ASSIGNEE,
    );
    expect(() => claimTask(store, api, done, null, undefined)).toThrow(
      ASSIGNEE,
    );
  });

  it('assigns anyone it names, unvalidated', () => {
    expect(claimTask(store, api, open, 'someone-new', undefined).assignee).toBe(
      'someone-new',
    );
  });

  it('takes over assigned tasks unless allowOverrideAssignment is false (absent and null mean true)', () => {
    expect(claimTask(store, api, bobs, 'alice', undefined).assignee).toBe(
      'alice',
    );
    expect(claimTask(store, api, bobs, 'carol', null).assignee).toBe('carol');
    expect(claimTask(store, api, bobs, 'demo', true).assignee).toBe('demo');
    expect(() => claimTask(store, api, bobs, 'alice', false)).toThrow(ALREADY);
    expect(assigneeOf(bobs)).toBe('demo');
    expect(claimTask(store, api, open, 'alice', false).assignee).toBe('alice');
  });
});

describe('claimTask on tasks that cannot be claimed', () => {
  it('fails for unknown ids, then for finished tasks', () => {
    expect(() =>
      claimTask(store, api, '2251799813699999', 'demo', undefined),
    ).toThrow('Task with id 2251799813699999 was not found');
    expect(() => claimTask(store, api, done, 'demo', undefined)).toThrow(
      NOT_ACTIVE,
    );
    expect(() =>
      claimTask(store, user('demo'), canceled, null, undefined),
    ).toThrow(NOT_ACTIVE);
  });

  it('works Zeebe user tasks like job-worker tasks (no 8.5 refusal on the embedded engine)', () => {
    expect(claimTask(store, api, zeebe, 'demo', undefined).assignee).toBe(
      'demo',
    );
    expect(unclaimTask(store, zeebe).assignee).toBeNull();
    expect(
      claimTask(store, user('demo'), zeebe, null, undefined).assignee,
    ).toBe('demo');
    expect(completeTask(store, user('demo'), zeebe, []).state).toBe(
      'COMPLETED',
    );
    expect(store.tasks.get(Number(zeebe))?.state).toBe('COMPLETED');
  });
});

describe('unclaimTask', () => {
  it('lets any writer unassign any open task', () => {
    expect(unclaimTask(store, bobs).assignee).toBeNull();
    expect(assigneeOf(bobs)).toBeNull();
    expect(unclaimTask(store, mine).assignee).toBeNull();
  });

  it('fails on unassigned, finished and unknown tasks', () => {
    expect(() => unclaimTask(store, open)).toThrow('Task is not assigned');
    expect(() => unclaimTask(store, done)).toThrow(NOT_ACTIVE);
    expect(() => unclaimTask(store, canceled)).toThrow(NOT_ACTIVE);
    expect(() => unclaimTask(store, 'nope')).toThrow(
      'Task with id nope was not found',
    );
  });
});

describe('completeTask', () => {
  it('lets a user complete only their own task', () => {
    expect(() => completeTask(store, user('demo'), open, [])).toThrow(
      'Task is not assigned',
    );
    expect(() => completeTask(store, user('demo'), bobs, [])).toThrow(
      'Task is not assigned to demo',
    );
    const completed = completeTask(store, user('demo'), mine, []);
    expect(completed).toMatchObject({
      state: 'COMPLETED',
      assignee: 'demo',
      completionTime: T0 + 10 * HOUR,
    });
  });

  it('lets an API caller complete any open task, assigned or not, keeping the assignee', () => {
    expect(completeTask(store, api, open, []).state).toBe('COMPLETED');
    const completed = completeTask(store, api, bobs, []);
    expect(completed).toMatchObject({ state: 'COMPLETED', assignee: 'bob' });
  });

  it('fails on finished and unknown tasks', () => {
    expect(() => completeTask(store, api, done, [])).toThrow(NOT_ACTIVE);
    expect(() => completeTask(store, api, canceled, [])).toThrow(NOT_ACTIVE);
    expect(() => completeTask(store, api, '42', [])).toThrow(
      'Task with id 42 was not found',
    );
  });

  it('rejects values that are not JSON before anything else, changing nothing', () => {
    expect(() =>
      completeTask(store, api, done, [{ name: 'approved', value: 'abc' }]),
    ).toThrow(
      "Unrecognized token 'abc': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    );
    expect(() =>
      completeTask(store, api, open, [{ name: 'note', value: '{"a":' }]),
    ).toThrow(/^Invalid JSON value for variable 'note': /);
    expect(store.tasks.get(Number(open))?.state).toBe('CREATED');
    expect(
      store.variables.instanceVariables(
        store.tasks.get(Number(open))?.processInstanceKey ?? 0,
      ),
    ).toEqual([]);
  });

  it('merges the variables into the process (last duplicate wins) and snapshots them', () => {
    const task = addTask(store, {
      created: T0,
      variables: { amount: 10, customer: 'Acme' },
    });
    completeTask(store, api, String(task.key), [
      { name: 'approved', value: 'true' },
      { name: 'amount', value: '12.5' },
      { name: 'comment', value: '"first"' },
      { name: 'comment', value: ' "ok" ' },
      { name: 'nothing', value: 'null' },
      { name: 'items', value: '{"a": [1, 2]}' },
    ]);
    const runtime = store.variables.instanceVariables(task.processInstanceKey);
    expect(runtime.map((v) => [v.name, v.value])).toEqual([
      ['amount', '12.5'],
      ['approved', 'true'],
      ['comment', '"ok"'],
      ['customer', '"Acme"'],
      ['items', '{"a":[1,2]}'],
      ['nothing', 'null'],
    ]);
    const snapshot = store.variables.taskSnapshot(task.key);
    expect(snapshot.map((v) => v.id)).toEqual(
      ['amount', 'approved', 'comment', 'customer', 'items', 'nothing'].map(
        (n) => `${task.key}-${n}`,
      ),
    );
    expect(runtime[0]?.id).toBe(`${task.processInstanceKey}-amount`);
  });
});

describe('process flow on completion', () => {
  it('creates the next step in the same instance and finishes the instance after the last one', async () => {
    const definition = await deployOne(
      store,
      linearProcess('two-steps', 'Two steps', [
        {
          id: 'first',
          zeebe: '<zeebe:assignmentDefinition candidateGroups="accounting" />',
        },
        {
          id: 'second',
          name: 'Second step',
          zeebe:
            '<zeebe:assignmentDefinition assignee="carol" /><zeebe:taskSchedule dueDate="=now() + duration(&#34;PT1H&#34;)" />',
        },
      ]),
    );
    const { processInstanceKey, task } = store.startInstance(
      definition,
      new Map(),
      T0,
    );
    expect(task).toMatchObject({
      name: 'first',
      elementId: 'first',
      processName: 'Two steps',
    });
    completeTask(store, api, String(task?.key), []);
    const [next] = store.tasks.activeTasksOf(processInstanceKey);
    expect(next).toMatchObject({
      elementId: 'second',
      name: 'Second step',
      assignee: 'carol',
      creationTime: T0 + 10 * HOUR,
      dueDate: T0 + 11 * HOUR,
      processInstanceKey,
    });
    expect(store.processes.instance(processInstanceKey)?.state).toBe('ACTIVE');
    completeTask(store, api, String(next?.key), []);
    expect(store.processes.instance(processInstanceKey)).toMatchObject({
      state: 'COMPLETED',
      endTime: T0 + 10 * HOUR,
    });
    expect(store.tasks.activeTasksOf(processInstanceKey)).toEqual([]);
  });
});
