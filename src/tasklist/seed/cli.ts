/**
 * `npm run seed [-- --reset] [-- --now <ISO>] [-- --db <file>]`
 *
 * Seeds the demo world into the Tasklist database when it is empty, or, with
 * `--reset`, wipes it and seeds it again. It always prints the file it
 * targets first, and refuses to wipe a file that is not a Tasklist database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDateTimeWithOffset } from '../domain/dates';
import { resolveDbFile } from '../config';
import { NotTasklistDatabaseError } from '../store/database';
import { TasklistStore } from '../store/tasklist-store';
import { plantWorld, prepareSeed } from './seed-world';

const USAGE = `Usage: npm run seed -- [--reset] [--now <ISO date-time>] [--db <file>]

  (no flags)  seed the demo world if the database is empty
  --reset     delete everything in the database and seed the demo world again
  --now       the clock for due dates etc. (default: TASKLIST_SEED_NOW, else now)
  --db        the database file (default: TASKLIST_DB, else $DATA_DIR/tasklist.sqlite)`;

/** Runs the CLI; resolves to the process exit code. */
export async function runSeedCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out = console,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        reset: { type: 'boolean', default: false },
        now: { type: 'string' },
        db: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    out.error(
      `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
    );
    return 2;
  }
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  const nowText = values.now ?? env.TASKLIST_SEED_NOW;
  const now =
    nowText === undefined ? Date.now() : parseDateTimeWithOffset(nowText);
  if (now === undefined) {
    out.error(
      `--now must be an ISO date-time with an offset, e.g. 2024-05-10T08:00:00Z (got "${nowText ?? ''}")`,
    );
    return 2;
  }
  // npm runs scripts from the package root; a relative --db means the
  // directory the user typed the command in.
  const fromFlag = values.db
    ? path.resolve(env.INIT_CWD ?? process.cwd(), values.db)
    : undefined;
  const fromEnv = resolveDbFile(env);
  const file = fromFlag ?? fromEnv;
  out.log(`Tasklist database: ${file}${existsSync(file) ? '' : ' (new file)'}`);
  if (values.reset && fromFlag && env.TASKLIST_DB && fromFlag !== fromEnv) {
    out.error(
      `Refusing to reset: --db names ${fromFlag} but TASKLIST_DB names ${fromEnv}. Unset one of them so it is clear which database to wipe.`,
    );
    return 1;
  }

  let store: TasklistStore;
  try {
    store = TasklistStore.open(file);
  } catch (error) {
    if (error instanceof NotTasklistDatabaseError) {
      out.error(`Refusing to touch ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    if (!store.isEmpty() && !values.reset) {
      out.log(
        'The database already holds a world; nothing to do (use --reset to start over).',
      );
      return 0;
    }
    const seed = await prepareSeed();
    // One transaction: a running server sees the old world or the new one.
    const summary = store.db.transaction(() => {
      if (values.reset) store.reset();
      return plantWorld(store, seed, now);
    })();
    if (values.reset) out.log('Deleted every process, task and variable.');
    out.log(
      `Seeded ${summary.processes} process versions, ${summary.instances} instances and ${summary.tasks} tasks (clock ${new Date(now).toISOString()}).`,
    );
    return 0;
  } finally {
    store.close();
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(import.meta.filename)
) {
  process.exitCode = await runSeedCli(process.argv.slice(2), process.env);
}
