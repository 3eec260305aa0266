import { describe, expect, it } from 'vitest';
import { searchTasks } from '../domain/task-queries';
import { variablesOfTask } from '../domain/variable-queries';
import type { Db } from '../store/database';
import { TasklistStore } from '../store/tasklist-store';
import { plantWorld, prepareSeed } from './seed-world';

const SEED = await prepareSeed();

const NOW = Date.parse('2024-05-10T08:00:00.000Z');
const HOUR = 3_600_000;

/** Every row of every table, in a stable order. */
function dump(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .pluck()
    .all();
  return Object.fromEntries(
    tables.map((table) => {
      const columns = db
        .prepare(`SELECT * FROM ${table}`)
        .columns()
        .map((_, i) => i + 1);
      return [
        table,
        db
          .prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`)
          .all(),
      ];
    }),
  );
}

function seeded(now = NOW): TasklistStore {
  const store = TasklistStore.open(':memory:', () => now);
  plantWorld(store, SEED, now);
  return store;
}

describe('seedWorld', () => {
  it('builds the same world, keys included, for the same clock', () => {
    const first = seeded();
    const second = seeded();
    expect(dump(second.db)).toEqual(dump(first.db));
    expect(dump(first.db).task?.length).toBeGreaterThan(50);
    first.close();
    second.close();
  });

  it('builds the same world again after a reset', () => {
    const store = seeded();
    const before = dump(store.db);
    store.reset();
    plantWorld(store, SEED, NOW);
    expect(dump(store.db)).toEqual(before);
    store.close();
  });

  it('places every date relative to the clock', () => {
    const early = seeded(NOW);
    const later = seeded(NOW + 24 * HOUR);
    const shift = (store: TasklistStore) =>
      store.db
        .prepare<[], { creation_time: number; due_date: number | null }>(
          'SELECT creation_time, due_date FROM task ORDER BY key',
        )
        .all();
    const a = shift(early);
    const b = shift(later);
    expect(b.map((row) => row.creation_time - 24 * HOUR)).toEqual(
      a.map((row) => row.creation_time),
    );
    early.close();
    later.close();
  });
});

describe('the demo world', () => {
  const store = seeded();
  const all = searchTasks(store, { pageSize: 1000 }).map((r) => r.task);
  const canceled = searchTasks(store, {
    state: 'CANCELED',
    pageSize: 1000,
  }).map((r) => r.task);
  const open = all.filter((t) => t.state === 'CREATED');
  const demoGroups = ['accounting', 'management'];
  const inDemoReach = open.filter(
    (t) =>
      t.candidateGroups.some((g) => demoGroups.includes(g)) ||
      t.candidateUsers.includes('demo'),
  );
  const unassignedForDemo = inDemoReach.filter((t) => t.assignee === null);

  it('has about 60 tasks in every state', () => {
    const total = all.length + canceled.length;
    expect(total).toBeGreaterThanOrEqual(55);
    expect(total).toBeLessThanOrEqual(70);
    expect(new Set([...all, ...canceled].map((t) => t.state))).toEqual(
      new Set(['CREATED', 'COMPLETED', 'CANCELED']),
    );
  });

  it('has at least four business processes with both kinds of user task', () => {
    const definitions = store.db
      .prepare<[], { bpmn_process_id: string; version: number }>(
        'SELECT bpmn_process_id, version FROM process_definition',
      )
      .all();
    expect(
      new Set(definitions.map((d) => d.bpmn_process_id)).size,
    ).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((t) => t.implementation))).toEqual(
      new Set(['JOB_WORKER', 'ZEEBE_USER_TASK']),
    );
  });

  it('has overdue tasks, tasks due within a day and follow-up dates', () => {
    expect(open.some((t) => t.dueDate !== null && t.dueDate < NOW)).toBe(true);
    expect(
      open.some(
        (t) =>
          t.dueDate !== null &&
          t.dueDate >= NOW &&
          t.dueDate <= NOW + 24 * HOUR,
      ),
    ).toBe(true);
    expect(
      open.some((t) => t.followUpDate !== null && t.followUpDate < NOW),
    ).toBe(true);
    expect(
      open.some((t) => t.followUpDate !== null && t.followUpDate > NOW),
    ).toBe(true);
    expect(open.some((t) => t.dueDate === null)).toBe(true);
  });

  it('uses the four candidate groups and candidate users', () => {
    const groups = new Set(all.flatMap((t) => t.candidateGroups));
    for (const group of ['accounting', 'management', 'sales', 'hr'])
      expect(groups).toContain(group);
    expect(all.some((t) => t.candidateUsers.length > 0)).toBe(true);
  });

  it('assigns open tasks to demo and to alice, bob and carol', () => {
    const assignees = new Set(open.map((t) => t.assignee));
    for (const user of ['demo', 'alice', 'bob', 'carol'])
      expect(assignees).toContain(user);
  });

  it('leaves demo unassigned tasks with forms, without forms and with a custom form key', () => {
    const camunda = unassignedForDemo.filter((t) =>
      t.formKey?.startsWith('camunda-forms:bpmn:'),
    );
    expect(camunda.length).toBeGreaterThanOrEqual(3);
    expect(
      unassignedForDemo.filter((t) => t.formKey === null).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      unassignedForDemo.some(
        (t) => t.formKey !== null && !t.formKey.startsWith('camunda-forms:'),
      ),
    ).toBe(true);
  });

  it('deploys every form a task refers to, as valid form-js schemas', () => {
    for (const task of all.filter((t) =>
      t.formKey?.startsWith('camunda-forms:bpmn:'),
    )) {
      const form = store.processes.form(
        task.processDefinitionKey,
        (task.formKey ?? '').slice('camunda-forms:bpmn:'.length),
      );
      expect(form, task.formKey ?? '').toBeDefined();
      const schema = JSON.parse(form?.schema ?? '{}') as {
        type: string;
        schemaVersion: number;
        components: {
          type: string;
          conditional?: unknown;
          validate?: Record<string, unknown>;
        }[];
      };
      expect(schema.type).toBe('default');
      expect(schema.schemaVersion).toBeGreaterThanOrEqual(16);
      expect(schema.schemaVersion).toBeLessThanOrEqual(19);
    }
  });

  it('uses every kind of form field, validation and a conditional field', () => {
    const schemas = store.db
      .prepare<[], string>('SELECT schema FROM form')
      .pluck()
      .all();
    const components = schemas.flatMap(
      (s) =>
        (
          JSON.parse(s) as {
            components: {
              type: string;
              conditional?: { hide: string };
              validate?: Record<string, unknown>;
            }[];
          }
        ).components,
    );
    const types = new Set(components.map((c) => c.type));
    for (const type of [
      'textfield',
      'number',
      'datetime',
      'select',
      'checkbox',
      'radio',
      'textarea',
    ])
      expect(types).toContain(type);
    const rules = new Set(
      components.flatMap((c) => Object.keys(c.validate ?? {})),
    );
    for (const rule of ['required', 'min', 'max', 'pattern'])
      expect(rules).toContain(rule);
    expect(components.some((c) => c.conditional?.hide.startsWith('='))).toBe(
      true,
    );
  });

  it('keeps variable snapshots of completed tasks', () => {
    const completed = all.filter((t) => t.state === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(10);
    for (const task of completed)
      expect(variablesOfTask(store, task).length).toBeGreaterThan(0);
  });

  it('has a variable over 8191 characters on an open task demo can pick up', () => {
    const large = unassignedForDemo.filter((t) =>
      variablesOfTask(store, t).some((v) => v.value.length > 8191),
    );
    expect(large.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the seed folder', () => {
  it('holds Modeler-openable BPMN: every element has a diagram shape and nothing dangles', async () => {
    const { readProcessFolder } = await import('../engine/load-processes');
    const { children, parseBpmn } = await import('../engine/bpmn-xml');
    const { SEED_PROCESS_DIR } = await import('./seed-world');
    const folder = await readProcessFolder(SEED_PROCESS_DIR);
    expect(folder.bpmn.map((f) => f.file.split('/').pop())).toEqual([
      'customer-onboarding.bpmn',
      'expense-reimbursement.bpmn',
      'invoice-approval.bpmn',
      'loan-application.bpmn',
      'vacation-request.bpmn',
    ]);
    for (const { file, text } of folder.bpmn) {
      const parsed = await parseBpmn(file, text);
      if (!parsed.ok) throw new Error(parsed.problem.reason);
      expect(parsed.diagramWarnings, file).toEqual([]);
      const roots = children(parsed.definitions, 'rootElements');
      const ids = roots
        .flatMap((root) => children(root, 'flowElements'))
        .map((element) => element.id);
      const plane = children(parsed.definitions, 'diagrams')[0]?.plane as
        { planeElement?: { bpmnElement?: { id?: string } }[] } | undefined;
      const drawn = (plane?.planeElement ?? []).map((e) => e.bpmnElement?.id);
      expect(new Set(drawn), file).toEqual(new Set(ids));
    }
  });
});
