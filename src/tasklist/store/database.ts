import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/**
 * Marks a file as ours (`PRAGMA application_id`, "TLIX"), so the seed CLI can
 * refuse to wipe a database that belongs to something else.
 */
export const APPLICATION_ID = 0x544c4958;

/**
 * Opens (creating if needed) the Tasklist database, switches it to WAL, turns
 * foreign keys on and applies pending migrations. `:memory:` works for tests.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL is durable across application crashes; only an OS crash can
  // lose the last transactions, which is fine for an embedded dev server.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // Lets SQLite gather the statistics its planner needs for these indexes.
  db.pragma('optimize = 0x10002');
  return db;
}

/** The file exists but is some other program's SQLite database. */
export class NotTasklistDatabaseError extends Error {
  constructor() {
    super(
      'This SQLite file is not a Tasklist Inbox database (foreign application_id or tables); refusing to touch it.',
    );
    this.name = 'NotTasklistDatabaseError';
  }
}

/** Applies every migration newer than the file's `user_version`. */
export function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const appId = Number(db.pragma('application_id', { simple: true }));
  const tables = Number(
    db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .get(),
  );
  // A foreign file either carries another application id or has tables of
  // its own without ours; either way we must not migrate (or wipe) it.
  if (
    (appId !== 0 && appId !== APPLICATION_ID) ||
    (appId === 0 && tables > 0)
  ) {
    throw new NotTasklistDatabaseError();
  }
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database has schema version ${current}, newer than this server knows (${MIGRATIONS.length}).`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}
