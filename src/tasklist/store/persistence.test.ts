import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployOne, linearProcess } from '../test/bpmn-fixture';
import { createHarness } from '../test/harness';
import {
  APPLICATION_ID,
  NotTasklistDatabaseError,
  openDatabase,
} from './database';
import { MIGRATIONS } from './migrations';
import { TasklistStore } from './tasklist-store';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tasklist-persist-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the database file', () => {
  it('is created with WAL, foreign keys, our application id and every migration', () => {
    const db = openDatabase(path.join(dir, 'nested', 'tasklist.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('migrates only once', () => {
    const file = path.join(dir, 'tasklist.sqlite');
    openDatabase(file).close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(
      MIGRATIONS.length,
    );
    again.close();
  });

  it("refuses another program's database, leaving it untouched", () => {
    const file = path.join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1)',
    );
    other.close();
    expect(() => openDatabase(file)).toThrow(NotTasklistDatabaseError);
    const check = new Database(file);
    expect(check.prepare('SELECT count(*) FROM invoices').pluck().get()).toBe(
      1,
    );
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });

  it('refuses a database from a newer version of this server', () => {
    const file = path.join(dir, 'tasklist.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this server knows/);
  });
});

describe('the migration that gives snapshot variables keys', () => {
  it('numbers existing copies after the last key handed out and moves the sequence on', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    old.pragma(`application_id = ${String(APPLICATION_ID)}`);
    old.exec(`
      INSERT INTO meta VALUES ('key_sequence', '20');
      INSERT INTO process_definition VALUES
        (2251799813685249, 'p', 'P', 1, NULL, 'p.bpmn', 'x', '', '{}', 0);
      INSERT INTO process_instance VALUES
        (2251799813685250, 2251799813685249, 'COMPLETED', 0, 1);
      INSERT INTO task (key, process_instance_key, process_definition_key,
        element_instance_key, process_name, element_id, name, state,
        creation_time, candidate_groups, candidate_users, implementation)
      VALUES (2251799813685252, 2251799813685250, 2251799813685249,
        2251799813685251, 'P', 'a', 'A', 'COMPLETED', 0, '[]', '[]', 'JOB_WORKER');
      INSERT INTO task_variable VALUES
        (2251799813685252, 'b', '1'), (2251799813685252, 'a', '2');
    `);
    old.close();

    const store = TasklistStore.open(file);
    const base = 2251799813685248;
    expect(
      store.variables
        .taskSnapshot(2251799813685252)
        .map((v) => [v.name, v.key]),
    ).toEqual([
      ['a', base + 21],
      ['b', base + 22],
    ]);
    expect(store.nextKey()).toBe(base + 23);
    store.close();
  });
});

describe('restarting', () => {
  it('keeps claims, completions, running instances and the key sequence', async () => {
    const file = path.join(dir, 'tasklist.sqlite');
    const first = TasklistStore.open(file, () => 1_000);
    const definition = await deployOne(
      first,
      linearProcess('p', undefined, [{ id: 'a' }, { id: 'b' }]),
    );
    const started = first.startInstance(definition);
    if (!started.task) throw new Error('no task');
    first.assign(started.task.key, 'demo');
    first.complete(started.task, new Map([['ok', 'true']]));
    first.close();

    const second = TasklistStore.open(file, () => 2_000);
    expect(second.tasks.get(started.task.key)).toMatchObject({
      state: 'COMPLETED',
      assignee: 'demo',
      completionTime: 1_000,
    });
    expect(
      second.variables.taskSnapshot(started.task.key).map((v) => v.value),
    ).toEqual(['true']);
    const [next] = second.tasks.activeTasksOf(started.processInstanceKey);
    expect(next?.elementId).toBe('b');
    // The instance goes on from the stored model after the restart.
    if (!next) throw new Error('no next task');
    second.complete(next, new Map());
    expect(second.processes.instance(started.processInstanceKey)?.state).toBe(
      'COMPLETED',
    );
    const later = second.startInstance(definition);
    expect(later.processInstanceKey).toBeGreaterThan(next.key);
    second.close();
  });

  it('keeps what clients changed over HTTP across a restart of the app', async () => {
    const file = path.join(dir, 'tasklist.sqlite');
    const before = await createHarness({ dbFile: file });
    const list = await before.gql<{ tasks: { id: string }[] }>(
      '{ tasks(query: { state: CREATED, assigned: false }) { id } }',
    );
    const id = list.body.data?.tasks[0]?.id ?? '';
    await before.gql(
      `mutation { claimTask(taskId: "${id}", assignee: "carol") { id } }`,
    );
    await before.close();

    const after = await createHarness({ dbFile: file });
    const reply = await after.gql<{ task: { assignee: string } }>(
      `{ task(id: "${id}") { assignee } }`,
    );
    expect(reply.body.data?.task.assignee).toBe('carol');
    await after.close();
  });
});
