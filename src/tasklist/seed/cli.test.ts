import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TasklistStore } from '../store/tasklist-store';
import { runSeedCli } from './cli';

let dir: string;
let output: string[];
const out = {
  log: (...args: unknown[]) => output.push(args.join(' ')),
  error: (...args: unknown[]) => output.push(`ERROR ${args.join(' ')}`),
} as unknown as Console;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tasklist-seed-'));
  output = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NOW = ['--now', '2024-05-10T08:00:00Z'];
const taskKeys = (file: string) => {
  const store = TasklistStore.open(file);
  const rows = store.db
    .prepare('SELECT key, assignee, state FROM task ORDER BY key')
    .all();
  store.close();
  return rows;
};

describe('npm run seed', () => {
  it('prints the file it targets and seeds an empty database', async () => {
    const file = path.join(dir, 'world.sqlite');
    expect(await runSeedCli(['--db', file, ...NOW], {}, out)).toBe(0);
    expect(output[0]).toBe(`Tasklist database: ${file} (new file)`);
    expect(output.at(-1)).toMatch(
      /^Seeded 5 process versions, \d+ instances and \d+ tasks \(clock 2024-05-10T08:00:00.000Z\)\.$/,
    );
  });

  it('leaves a seeded database alone without --reset', async () => {
    const file = path.join(dir, 'world.sqlite');
    await runSeedCli(['--db', file, ...NOW], {}, out);
    output = [];
    expect(await runSeedCli(['--db', file], {}, out)).toBe(0);
    expect(output).toEqual([
      `Tasklist database: ${file}`,
      'The database already holds a world; nothing to do (use --reset to start over).',
    ]);
  });

  it('wipes and reseeds with --reset, giving the same world for the same clock', async () => {
    const file = path.join(dir, 'world.sqlite');
    await runSeedCli(['--db', file, ...NOW], {}, out);
    const fresh = taskKeys(file);
    const store = TasklistStore.open(file);
    store.db
      .prepare("UPDATE task SET assignee = 'someone' WHERE state = 'CREATED'")
      .run();
    store.close();
    expect(await runSeedCli(['--db', file, '--reset', ...NOW], {}, out)).toBe(
      0,
    );
    expect(output).toContain('Deleted every process, task and variable.');
    expect(taskKeys(file)).toEqual(fresh);
  });

  it('finds the database like the server does and reads the clock from TASKLIST_SEED_NOW', async () => {
    const env = { DATA_DIR: dir, TASKLIST_SEED_NOW: '2024-05-10T08:00:00Z' };
    expect(await runSeedCli([], env, out)).toBe(0);
    expect(output[0]).toBe(
      `Tasklist database: ${path.join(dir, 'tasklist.sqlite')} (new file)`,
    );
    expect(output.at(-1)).toContain('clock 2024-05-10T08:00:00.000Z');
  });

  it('resolves a relative --db against the directory the command was typed in', async () => {
    expect(
      await runSeedCli(['--db', 'rel.sqlite', ...NOW], { INIT_CWD: dir }, out),
    ).toBe(0);
    expect(existsSync(path.join(dir, 'rel.sqlite'))).toBe(true);
  });

  it("refuses to reset another program's database", async () => {
    const file = path.join(dir, 'crm.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    other.close();
    expect(await runSeedCli(['--db', file, '--reset'], {}, out)).toBe(1);
    expect(output.at(-1)).toMatch(
      /^ERROR Refusing to touch .*crm\.sqlite: This SQLite file is not a Tasklist Inbox database/,
    );
    const check = new Database(file);
    expect(
      check
        .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customers'")
        .pluck()
        .get(),
    ).toBe(1);
    check.close();
  });

  it('refuses to reset when --db and TASKLIST_DB disagree', async () => {
    const flag = path.join(dir, 'a.sqlite');
    const env = { TASKLIST_DB: path.join(dir, 'b.sqlite') };
    expect(await runSeedCli(['--db', flag, '--reset'], env, out)).toBe(1);
    expect(output.at(-1)).toContain('Refusing to reset: --db names');
    expect(existsSync(flag)).toBe(false);
    expect(existsSync(env.TASKLIST_DB)).toBe(false);
  });

  it('rejects bad arguments with the usage', async () => {
    expect(
      await runSeedCli(
        ['--now', 'tomorrow', '--db', path.join(dir, 'x.sqlite')],
        {},
        out,
      ),
    ).toBe(2);
    expect(output.at(-1)).toContain(
      '--now must be an ISO date-time with an offset',
    );
    expect(await runSeedCli(['--wipe'], {}, out)).toBe(2);
    expect(output.at(-1)).toContain('Usage: npm run seed');
  });
});
