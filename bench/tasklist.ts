/**
 * `npm run bench:tasklist`: how fast the embedded Tasklist answers on a big world.
 *
 * Seeds 100,000 tasks into a fresh temporary SQLite database, starts the real
 * app (with its own local JWKS on an ephemeral port, so every request pays for
 * RS256 verification), and measures p50/p99 latency of:
 *   - the default `tasks` query (pageSize 50),
 *   - `assigned: false` with `candidateGroup`,
 *   - a `searchAfter` page half-way down the default list,
 *   - a `dueDate`-sorted page of open tasks,
 *   - `claimTask` and `completeTask` (each on tasks not touched before),
 * three ways: the raw SQLite statements behind the operation, the whole app
 * in process (fastify `inject`), and over HTTP on loopback (keep-alive).
 * The ratio in-process / raw shows the GraphQL and HTTP overhead. It prints a
 * table and writes bench/results/tasklist.json.
 */
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTasklistApp } from '../src/tasklist/app';
import { createTokenVerifier } from '../src/tasklist/auth/token-verifier';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_PREVIEW_LIMIT,
} from '../src/tasklist/config';
import {
  mainTaskSearch,
  searchTasks,
  type TaskQueryInput,
} from '../src/tasklist/domain/task-queries';
import { deployCompiled } from '../src/tasklist/engine/load-processes';
import { prepareSeed } from '../src/tasklist/seed/seed-world';
import { buildTaskSearchSql } from '../src/tasklist/store/task-search';
import { TasklistStore } from '../src/tasklist/store/tasklist-store';
import { CLAIMS } from '../src/tasklist/test/harness';
import { startTokenFixture } from '../src/tasklist/test/token-fixture';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULT_FILE = path.join(ROOT, 'bench', 'results', 'tasklist.json');
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const WARMUP = 50;
const NOW = Date.parse('2024-05-10T08:00:00.000Z');
const HOUR = 3_600_000;
const USERS = Array.from(
  { length: 40 },
  (_, i) => `user${String(i).padStart(2, '0')}`,
);

/** Completion values that route every seed process's gateways onward. */
const ROUTING_VALUES = new Map([
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

/** Fills the store through its own operations until it holds `TASKS` tasks. */
async function seedBigWorld(store: TasklistStore): Promise<void> {
  const next = random(42);
  const quiet = () => undefined;
  const definitions = deployCompiled(store, await prepareSeed(), {
    info: quiet,
    warn: quiet,
    error: quiet,
  }).deployed.map(({ definition }) => definition);
  const count = store.db.prepare('SELECT count(*) FROM task').pluck();
  let tasks = 0;
  store.db.transaction(() => {
    for (let i = 0; tasks < TASKS; i++) {
      const definition = definitions[i % definitions.length];
      if (!definition) throw new Error('no definitions');
      const at = NOW - Math.floor(next() * 60 * 24 * HOUR);
      const vars = new Map([
        ['amount', JSON.stringify(Math.round(next() * 100_000) / 100)],
        ['reference', JSON.stringify(`REF-${i}`)],
        ['requestedAmount', JSON.stringify(Math.round(next() * 100_000))],
      ]);
      const { processInstanceKey, task } = store.startInstance(
        definition,
        vars,
        at,
      );
      tasks++;
      if (!task) continue;
      const roll = next();
      if (roll < 0.3) {
        store.assign(
          task.key,
          USERS[Math.floor(next() * USERS.length)] ?? 'demo',
        );
        store.complete(
          task,
          ROUTING_VALUES,
          at + Math.floor(next() * 48 * HOUR),
        );
        tasks++;
      } else if (roll < 0.35) {
        store.cancelInstance(processInstanceKey, at + HOUR);
      } else if (roll < 0.6) {
        store.assign(
          task.key,
          USERS[Math.floor(next() * USERS.length)] ?? 'demo',
        );
      }
    }
  })();
  store.db.exec('ANALYZE');
  console.log(`seeded ${String(count.get())} tasks`);
}

interface Stats {
  p50: number;
  p99: number;
}

interface BenchResult {
  name: string;
  rows?: number;
  raw: Stats;
  inProcess: Stats;
  http: Stats;
}

function percentiles(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function measure(
  run: (i: number) => unknown,
  iterations = ITERATIONS,
): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const samples: number[] = [];
  for (let i = WARMUP; i < WARMUP + iterations; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples);
}

const LIST_FIELDS =
  'id name processName creationTime assignee taskState sortValues isFirst formKey processDefinitionId candidateGroups dueDate followUpDate';
const TASKS_QUERY = `query GetTasks($q: TaskQuery!) { tasks(query: $q) { ${LIST_FIELDS} } }`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tasklist-bench-'));
  const dbFile = path.join(dir, 'tasklist.sqlite');
  const tokens = await startTokenFixture();
  const store = TasklistStore.open(dbFile, () => NOW);
  const seedStart = performance.now();
  await seedBigWorld(store);
  const seedMs = Math.round(performance.now() - seedStart);

  const app = await buildTasklistApp(
    {
      store,
      verifyToken: createTokenVerifier({
        issuer: tokens.issuer,
        audience: tokens.audience,
        clockToleranceSeconds: 30,
      }),
      claims: CLAIMS,
      corsOrigins: [],
      previewLimit: DEFAULT_PREVIEW_LIMIT,
      bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
      // The benchmark measures the server, not its rate limit.
      rateLimitPerMinute: 1_000_000,
    },
    { logger: false },
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = await tokens.apiToken();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  const inject = async (body: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      payload: body,
    });
    if (response.statusCode !== 200 || response.body.includes('"errors"'))
      throw new Error(response.body.slice(0, 300));
  };
  const http = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        `${address}/graphql`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => {
            if (res.statusCode !== 200 || text.includes('"errors"'))
              reject(new Error(text.slice(0, 300)));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  // The deep cursor: the task half-way down the default list.
  const middle =
    searchTasks(store, { pageSize: Math.floor(TASKS / 2) }).at(-1)
      ?.sortValues ?? [];
  const queries: { name: string; query: TaskQueryInput }[] = [
    { name: 'tasks: default (pageSize 50)', query: {} },
    {
      name: 'tasks: assigned=false + candidateGroup',
      query: { assigned: false, candidateGroup: 'accounting' },
    },
    {
      name: `tasks: searchAfter, row ${Math.floor(TASKS / 2)}`,
      query: { searchAfter: middle },
    },
    {
      name: 'tasks: open, sorted by dueDate',
      query: { state: 'CREATED', sort: [{ field: 'dueDate', order: 'ASC' }] },
    },
  ];

  const results: BenchResult[] = [];
  for (const { name, query } of queries) {
    const sqlSearch = searchTasks(store, query);
    if (sqlSearch.length === 0) throw new Error(`${name} returned nothing`);
    // The same statement the resolver runs, with its parameters.
    const { sql, params } = buildTaskSearchSql(mainTaskSearch(query));
    const statement = store.db.prepare(sql);
    const body = JSON.stringify({
      query: TASKS_QUERY,
      variables: { q: query },
    });
    const raw = await measure(() => statement.all(...params));
    const inProcess = await measure(() => inject(body));
    const overHttp = await measure(() => http(body));
    results.push({
      name,
      rows: sqlSearch.length,
      raw,
      inProcess,
      http: overHttp,
    });
  }

  // Mutations, each on an open, unassigned task nobody touched before.
  const fresh = store.db
    .prepare<[], number>(
      "SELECT key FROM task WHERE state = 'CREATED' AND assignee IS NULL ORDER BY key LIMIT 20000",
    )
    .pluck()
    .all();
  let cursor = 0;
  const take = () => {
    const key = fresh[cursor++];
    if (key === undefined) throw new Error('ran out of open tasks');
    return key;
  };
  const claimBody = (key: number) =>
    JSON.stringify({
      query: `mutation { claimTask(taskId: "${key}", assignee: "demo") { id assignee } }`,
    });
  const completeBody = (key: number) =>
    JSON.stringify({
      query: `mutation { completeTask(taskId: "${key}", variables: [{ name: "approved", value: "true" }]) { id taskState } }`,
    });
  const rawClaim = () => {
    const key = take();
    store.db.transaction(() => {
      store.tasks.get(key);
      store.assign(key, 'demo');
    })();
  };
  const rawComplete = () => {
    const task = store.tasks.get(take());
    if (task) store.complete(task, ROUTING_VALUES);
  };
  results.push({
    name: 'claimTask',
    raw: await measure(rawClaim),
    inProcess: await measure(() => inject(claimBody(take()))),
    http: await measure(() => http(claimBody(take()))),
  });
  results.push({
    name: 'completeTask',
    raw: await measure(rawComplete),
    inProcess: await measure(() => inject(completeBody(take()))),
    http: await measure(() => http(completeBody(take()))),
  });

  const throughput = await autocannonDefault(`${address}/graphql`, token);
  agent.destroy();
  await app.close();
  store.close();
  await tokens.close();
  const dbBytes = statSync(dbFile).size;
  rmSync(dir, { recursive: true, force: true });
  report({ seedMs, dbBytes, results, throughput });
}

/** Throughput of the default query with 10 connections for 5 s. */
async function autocannonDefault(url: string, token: string) {
  type Autocannon = (options: Record<string, unknown>) => Promise<{
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  }>;
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: TASKS_QUERY, variables: { q: {} } }),
    connections: 10,
    duration: Number(process.env.BENCH_DURATION_S ?? 5),
  });
  return {
    connections: 10,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function report(summary: {
  seedMs: number;
  dbBytes: number;
  results: BenchResult[];
  throughput: Record<string, number>;
}) {
  const entries = summary.results.map((r) => ({
    ...r,
    ratio: Math.round((r.inProcess.p50 / r.raw.p50) * 10) / 10,
  }));
  const rows = entries.map((e) => [
    e.name,
    fmt(e.raw),
    fmt(e.inProcess),
    fmt(e.http),
    `${String(e.ratio)}x`,
  ]);
  const header = [
    'operation',
    'raw SQLite p50/p99 ms',
    'in process p50/p99 ms',
    'HTTP p50/p99 ms',
    'in-process/raw (p50)',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(
    `\n${String(TASKS)} tasks, seeded in ${String(summary.seedMs)} ms, database ${String(Math.round(summary.dbBytes / 1e6))} MB, ${String(ITERATIONS)} samples each\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(
    `\ndefault query, 10 connections: ${String(summary.throughput.requestsPerSecond)} req/s (p50 ${String(summary.throughput.p50)} ms, p99 ${String(summary.throughput.p99)} ms)`,
  );

  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(),
    // Other work on the machine skews latencies; the load shows how much.
    loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
    },
    tasks: TASKS,
    samplesPerMeasurement: ITERATIONS,
    seedMs: summary.seedMs,
    databaseBytes: summary.dbBytes,
    unit: 'ms',
    results: entries,
    throughput: summary.throughput,
  };
  writeFileSync(RESULT_FILE, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, RESULT_FILE)}`);
}

const fmt = (s: Stats) => `${s.p50.toFixed(3)} / ${s.p99.toFixed(3)}`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
