/**
 * A big, deterministic Tasklist world for benchmarks: the seed processes
 * started over and over through the store's own operations until the
 * database holds the requested number of tasks, a third of them completed,
 * some cancelled, a quarter assigned.
 */
import { deployCompiled } from '../../src/tasklist/engine/load-processes';
import { prepareSeed } from '../../src/tasklist/seed/seed-world';
import { TasklistStore } from '../../src/tasklist/store/tasklist-store';

/** The clock the world is built with. */
export const BIG_WORLD_NOW = Date.parse('2024-05-10T08:00:00.000Z');
const HOUR = 3_600_000;
const USERS = Array.from(
  { length: 40 },
  (_, i) => `user${String(i).padStart(2, '0')}`,
);

/** Completion values that route every seed process's gateways onward. */
export const ROUTING_VALUES = new Map([
  ['approved', 'true'],
  ['decision', '"approve"'],
  ['vacationApproved', '"yes"'],
  ['loanDecision', '"approve"'],
]);

/** A small deterministic PRNG (mulberry32), so every run builds the same world. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills the store until it holds `tasks` tasks; returns how many it holds. */
export async function seedBigWorld(
  store: TasklistStore,
  tasks: number,
): Promise<number> {
  const next = random(42);
  const quiet = () => undefined;
  const definitions = deployCompiled(store, await prepareSeed(), {
    info: quiet,
    warn: quiet,
    error: quiet,
  }).deployed.map(({ definition }) => definition);
  const count = store.db.prepare('SELECT count(*) FROM task').pluck();
  let made = 0;
  store.db.transaction(() => {
    for (let i = 0; made < tasks; i++) {
      const definition = definitions[i % definitions.length];
      if (!definition) throw new Error('no definitions');
      const at = BIG_WORLD_NOW - Math.floor(next() * 60 * 24 * HOUR);
      const vars = new Map([
        ['amount', JSON.stringify(Math.round(next() * 100_000) / 100)],
        ['reference', JSON.stringify(`REF-${String(i)}`)],
        ['requestedAmount', JSON.stringify(Math.round(next() * 100_000))],
      ]);
      const { processInstanceKey, task } = store.startInstance(
        definition,
        vars,
        at,
      );
      made++;
      if (!task) continue;
      const roll = next();
      const someone = () => USERS[Math.floor(next() * USERS.length)] ?? 'demo';
      if (roll < 0.3) {
        store.assign(task.key, someone());
        store.complete(
          task,
          ROUTING_VALUES,
          at + Math.floor(next() * 48 * HOUR),
        );
        made++;
      } else if (roll < 0.35) {
        store.cancelInstance(processInstanceKey, at + HOUR);
      } else if (roll < 0.6) {
        store.assign(task.key, someone());
      }
    }
  })();
  store.db.exec('ANALYZE');
  return count.get() as number;
}

/** Seeds a world with exactly `open` open tasks into `dbFile`. */
export async function seedOpenWorld(
  dbFile: string,
  open: number,
): Promise<number> {
  const store = TasklistStore.open(dbFile, () => BIG_WORLD_NOW);
  try {
    // About half of all tasks stay open; twice as many is always enough.
    await seedBigWorld(store, open * 2 + 100);
    const openKeys = store.db
      .prepare<[], { pik: number }>(
        "SELECT process_instance_key AS pik FROM task WHERE state = 'CREATED' ORDER BY creation_time, key",
      )
      .all();
    if (openKeys.length < open) {
      throw new Error(`only ${String(openKeys.length)} open tasks seeded`);
    }
    // The oldest extra instances go, so the newest 10,000 stay open.
    store.db.transaction(() => {
      for (const { pik } of openKeys.slice(0, openKeys.length - open)) {
        store.cancelInstance(pik, BIG_WORLD_NOW);
      }
    })();
    return store.db
      .prepare("SELECT count(*) FROM task WHERE state = 'CREATED'")
      .pluck()
      .get() as number;
  } finally {
    store.close();
  }
}
