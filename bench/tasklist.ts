/**
 * `npm run bench:tasklist`: the embedded Tasklist on a big world (issue 11,
 * figure 2).
 *
 * Seeds 100,000 tasks into a fresh temporary SQLite database, builds the real
 * app (with its own local JWKS on a kernel-chosen port, so every request pays
 * for RS256 verification) and listens on loopback. Each operation
 *   - the default `tasks` query (pageSize 50),
 *   - `assigned: false` with `candidateGroup`,
 *   - a `searchAfter` page half-way down the default list,
 *   - a `dueDate`-sorted page of open tasks,
 *   - `claimTask` and `completeTask` (each on tasks not touched before)
 * is measured three ways, run by run, each run every way in turn: the raw
 * SQLite statements behind it (the floor), the whole app in process (fastify
 * `inject`: the figure), and over HTTP on one keep-alive connection. Then a
 * CPU profile of the default query in process says where the time goes (the
 * report's closing note), and autocannon gives its throughput.
 * Writes `bench/results/tasklist.json`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import type { Caller } from '../src/tasklist/domain/caller';
import { claimTask, completeTask } from '../src/tasklist/domain/task-commands';
import { buildTaskSearchSql } from '../src/tasklist/store/task-search';
import { TasklistStore } from '../src/tasklist/store/tasklist-store';
import { CLAIMS } from '../src/tasklist/test/harness';
import { startTokenFixture } from '../src/tasklist/test/token-fixture';
import { BIG_WORLD_NOW, ROUTING_VALUES, seedBigWorld } from './lib/big-world';
import { formatSelfTime, topSelfTime } from './lib/cpu-profile';
import { SequentialClient, autocannon, failures } from './lib/http';
import { profiled } from './lib/profile';
import { QUICK, RUNS, ResultWriter, pick, runBenchmark } from './lib/results';
import { measurement, msSince, perRunMeasurement, ratio } from './lib/stats';

const TASKS = Number(process.env.BENCH_TASKS ?? pick(100_000, 2_000));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? pick(200, 20));
const WARMUP = pick(100, 10);
const PROFILE_REQUESTS = pick(2000, 50);
const GOAL = 2;

const LIST_FIELDS =
  'id name processName creationTime assignee taskState sortValues isFirst formKey processDefinitionId candidateGroups dueDate followUpDate';
const TASKS_QUERY = `query GetTasks($q: TaskQuery!) { tasks(query: $q) { ${LIST_FIELDS} } }`;

type Step = (i: number) => unknown;

/** The caller the benchmark's machine token stands for, for the domain calls. */
const API_CALLER: Caller = {
  kind: 'api',
  userId: 'bench',
  displayName: 'bench',
  groups: [],
  permissions: ['READ', 'WRITE'],
};

interface Operation {
  key: string;
  name: string;
  raw: Step;
  /** The domain call behind it, without GraphQL or HTTP. */
  store: Step;
  inProcess: Step;
  http: Step;
}

const ms = (value: number | undefined) => `${String(value ?? NaN)} ms`;

/**
 * Where the in-process time of the figure-2 operations goes, from this run's
 * figures (issue 11's closing note), and why ≤ 2× is not met.
 */
function pipelineNote(
  p50s: Map<string, Record<string, number>>,
  pipeline: number,
): string {
  const list = p50s.get('default') ?? {};
  const claim = p50s.get('claim') ?? {};
  const complete = p50s.get('complete') ?? {};
  const perRow =
    Math.round(((list.inProcess ?? 0) - (list.store ?? 0) - pipeline) * 1000) /
    1000;
  return [
    `Where the in-process time goes, from this run's p50s. Default list: the raw statement ${ms(list.raw)}; the domain call that runs it and maps the rows to records with their cursors ${ms(list.store)}; the whole request in process ${ms(list.inProcess)}. A request through the same pipeline with no resolver and no SQL (\`{ __typename }\`: fastify, the bearer-token check from the verified-token cache, the rate limit, yoga's request parsing, its parse and validation caches, execution and serialisation) takes ${ms(pipeline)}. What is left, about ${ms(perRow)}, is per row: 50 task objects built and completed field by field in graphql-jit (three dates formatted, ids and cursors as strings), about 25 kB of JSON written by yoga, the garbage all of that leaves (the profile's collector share), and the statement itself running slower between requests than in a tight loop (colder caches).`,
    `So the fixed cost of a GraphQL request here is itself about ${String(Math.round((pipeline / (list.raw ?? 1)) * 10) / 10)}× the list's floor, and ${String(Math.round((pipeline / (claim.raw ?? 1)) * 10) / 10)}× the floor of \`claimTask\` (raw ${ms(claim.raw)}, domain ${ms(claim.store)}: one transaction with a read and an update, exactly what the raw floor does). ≤ 2× cannot hold for operations this small while requests go through fastify and yoga; \`completeTask\` (raw ${ms(complete.raw)}, domain ${ms(complete.store)}, in process ${ms(complete.inProcess)}) does more SQL, so the same fixed cost weighs less${(complete.inProcess ?? Infinity) <= 2 * (complete.raw ?? 0) ? ' and it meets the goal' : ''}. The store's statements are prepared once and cached by their text; the \`search\` self time in the profile below is better-sqlite3 building the row objects inside \`all\` (a native call the profiler partly charges to its caller): the domain call costs ${String(Math.round(((list.store ?? 0) / (list.raw ?? 1)) * 100) / 100)}× the raw statement.`,
    'Replacing yoga on the hot path with a hand-written HTTP handler around graphql-jit would cut most of the fixed cost but also take over request parsing, error shapes and status codes that the Tasklist-compatibility tests pin down; that is a larger change than issue 11, left for a decision of its own.',
  ].join('\n\n');
}

/** Warm-up for every way, then `RUNS` runs, each way in turn within a run. */
async function measureOperation(op: Operation) {
  const ways = ['raw', 'store', 'inProcess', 'http'] as const;
  for (const way of ways) {
    for (let i = 0; i < WARMUP; i++) await op[way](i);
  }
  const runs: Record<(typeof ways)[number], number[][]> = {
    raw: [],
    store: [],
    inProcess: [],
    http: [],
  };
  for (let run = 0; run < RUNS; run++) {
    for (const way of ways) {
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const start = process.hrtime.bigint();
        await op[way](i);
        samples.push(msSince(start));
      }
      runs[way].push(samples);
    }
  }
  return {
    raw: measurement(`${op.name}: raw SQLite`, 'ms', runs.raw),
    store: measurement(`${op.name}: store and domain`, 'ms', runs.store),
    inProcess: measurement(`${op.name}: in process`, 'ms', runs.inProcess),
    http: measurement(`${op.name}: HTTP, keep-alive`, 'ms', runs.http),
  };
}

await runBenchmark(
  new ResultWriter('tasklist', {
    tasks: TASKS,
    samplesPerRun: ITERATIONS,
    warmup: WARMUP,
    profileRequests: PROFILE_REQUESTS,
  }),
  async (result) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tasklist-bench-'));
    const dbFile = path.join(dir, 'tasklist.sqlite');
    const tokens = await startTokenFixture();
    const store = TasklistStore.open(dbFile, () => BIG_WORLD_NOW);
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
    try {
      const seedStart = process.hrtime.bigint();
      const seeded = await seedBigWorld(store, TASKS);
      result.checks.seededTasks = seeded;
      result.checks.seedMs = Math.round(msSince(seedStart));
      console.log(
        `[bench:tasklist] seeded ${String(seeded)} tasks in ${String(result.checks.seedMs)} ms`,
      );
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const token = await tokens.apiToken();
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      };
      const client = new SequentialClient(address);
      const check = (status: number, text: string) => {
        if (status !== 200 || text.includes('"errors"'))
          throw new Error(text.slice(0, 300));
      };
      const inject = async (body: string) => {
        const response = await app.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: body,
        });
        check(response.statusCode, response.body);
      };
      const http = async (body: string) => {
        const reply = await client.send('POST', '/graphql', headers, body);
        check(reply.status, reply.text);
      };

      // The deep cursor: the task half-way down the default list.
      const half = Math.floor(TASKS / 2);
      // (Pages are at most 1,000 tasks, so it is walked to.)
      let middle: string[] = [];
      for (let seen = 0; seen < half;) {
        const page = searchTasks(store, {
          pageSize: Math.min(1000, half - seen),
          ...(seen > 0 ? { searchAfter: middle } : {}),
        });
        const cursor = page.at(-1)?.sortValues;
        if (!cursor) break;
        seen += page.length;
        middle = cursor;
      }
      const queries: { key: string; name: string; query: TaskQueryInput }[] = [
        { key: 'default', name: 'default list (50)', query: {} },
        {
          key: 'group',
          name: 'unassigned in a candidate group',
          query: { assigned: false, candidateGroup: 'accounting' },
        },
        {
          key: 'searchAfter',
          name: `\`searchAfter\` at row ${half.toLocaleString('en-US')}`,
          query: { searchAfter: middle },
        },
        {
          key: 'dueDate',
          name: 'open, sorted by due date',
          query: {
            state: 'CREATED',
            sort: [{ field: 'dueDate', order: 'ASC' }],
          },
        },
      ];
      const operations: Operation[] = queries.map(({ key, name, query }) => {
        if (searchTasks(store, query).length === 0)
          throw new Error(`${name} returned nothing`);
        // The same statement the resolver runs, with its parameters.
        const { sql, params } = buildTaskSearchSql(mainTaskSearch(query));
        const statement = store.db.prepare(sql);
        const body = JSON.stringify({
          query: TASKS_QUERY,
          variables: { q: query },
        });
        return {
          key,
          name,
          raw: () => statement.all(...params),
          store: () => searchTasks(store, query),
          inProcess: () => inject(body),
          http: () => http(body),
        };
      });

      // Mutations, each on an open, unassigned task nobody touched before.
      const fresh = store.db
        .prepare<[], number>(
          "SELECT key FROM task WHERE state = 'CREATED' AND assignee IS NULL ORDER BY key",
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
          query: `mutation Claim($id: String!, $who: String) { claimTask(taskId: $id, assignee: $who) { id assignee } }`,
          variables: { id: String(key), who: 'demo' },
        });
      const completeBody = (key: number) =>
        JSON.stringify({
          query: `mutation Complete($id: String!, $v: [VariableInput!]!) { completeTask(taskId: $id, variables: $v) { id taskState } }`,
          variables: {
            id: String(key),
            v: [{ name: 'approved', value: 'true' }],
          },
        });
      operations.push(
        {
          key: 'claim',
          name: '`claimTask`',
          raw: () => {
            const key = take();
            store.db.transaction(() => {
              store.tasks.get(key);
              store.assign(key, 'demo');
            })();
          },
          store: () =>
            claimTask(store, API_CALLER, String(take()), 'demo', false),
          inProcess: () => inject(claimBody(take())),
          http: () => http(claimBody(take())),
        },
        {
          key: 'complete',
          name: '`completeTask`',
          raw: () => {
            const task = store.tasks.get(take());
            if (task) store.complete(task, ROUTING_VALUES);
          },
          store: () =>
            completeTask(store, API_CALLER, String(take()), [
              { name: 'approved', value: 'true' },
            ]),
          inProcess: () => inject(completeBody(take())),
          http: () => http(completeBody(take())),
        },
      );

      const p50s = new Map<string, Record<string, number>>();
      for (const op of operations) {
        console.log(`[bench:tasklist] ${op.name}`);
        const measured = await measureOperation(op);
        p50s.set(
          op.key,
          Object.fromEntries(
            Object.entries(measured).map(([way, m]) => [way, m.summary.p50]),
          ),
        );
        for (const [way, value] of Object.entries(measured)) {
          result.add(`${op.key}.${way}`, value);
        }
        const figureRatio = ratio(
          measured.inProcess.summary.p50,
          measured.raw.summary.p50,
          1,
        );
        result.figure({
          figure: 2,
          name: `${op.name}, in process p50`,
          value: measured.inProcess.summary.p50,
          unit: 'ms',
          floorName: 'raw SQLite',
          floor: measured.raw.summary.p50,
          ratioOf: 'value / floor',
          ratio: figureRatio,
          goal: `≤ ${String(GOAL)}×`,
          met: figureRatio !== null && figureRatio <= GOAL,
          note: `store and domain p50 ${String(measured.store.summary.p50)} ms, HTTP p50 ${String(measured.http.summary.p50)} ms`,
        });
      }

      // The fixed cost of a request through the same pipeline (fastify,
      // authentication, rate limit, yoga, serialisation) with no resolver.
      const emptyBody = JSON.stringify({ query: '{ __typename }' });
      for (let i = 0; i < WARMUP; i++) await inject(emptyBody);
      const pipelineRuns: number[][] = [];
      for (let run = 0; run < RUNS; run++) {
        const samples: number[] = [];
        for (let i = 0; i < ITERATIONS; i++) {
          const start = process.hrtime.bigint();
          await inject(emptyBody);
          samples.push(msSince(start));
        }
        pipelineRuns.push(samples);
      }
      const pipeline = result.add(
        'pipeline.inProcess',
        measurement('`{ __typename }` in process', 'ms', pipelineRuns),
      );
      result.figure({
        figure: 2,
        name: 'the request pipeline alone: `{ __typename }`, in process p50',
        value: pipeline.summary.p50,
        unit: 'ms',
        goal: 'report',
        note: 'fastify, token check (cached), rate limit, yoga, serialisation; no resolver, no SQL',
      });
      result.notes.push(pipelineNote(p50s, pipeline.summary.p50));
      client.close();

      // Where the time goes: a CPU profile of the default query in process.
      const defaultBody = JSON.stringify({
        query: TASKS_QUERY,
        variables: { q: {} },
      });
      const profileFile = path.join(dir, 'tasklist-default.cpuprofile');
      await profiled(profileFile, async () => {
        for (let i = 0; i < PROFILE_REQUESTS; i++) await inject(defaultBody);
      });
      const top = topSelfTime(profileFile, process.cwd(), 15);
      result.extra.profile = top;
      result.notes.push(
        `Where the time of the default list goes in process (${PROFILE_REQUESTS.toLocaleString('en-US')} requests, CPU profile, self time):\n${formatSelfTime(top)}`,
      );

      // Throughput of the default query, several connections.
      const throughput: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const loaded = await autocannon({
          url: `${address}/graphql`,
          method: 'POST',
          headers,
          body: defaultBody,
          connections: 10,
          duration: pick(3, 0.3),
        });
        if (failures(loaded) > 0)
          result.problems.push(
            `${String(failures(loaded))} failed requests under load`,
          );
        throughput.push(loaded.requests.average);
      }
      const rps = result.add(
        'defaultThroughput',
        perRunMeasurement(
          'default list, 10 connections',
          'req/s',
          throughput,
          0,
        ),
      );
      result.checks.databaseBytes = statSync(dbFile).size;
      result.notes.push(
        `${String(seeded)} tasks, database ${String(Math.round(statSync(dbFile).size / 1e6))} MB; default list over HTTP with 10 connections: ${String(rps.summary.p50)} req/s. Raw SQLite = the statement the resolver runs, rows read, nothing else.`,
      );
      if (QUICK) result.notes.push('Smoke run: figures are not meaningful.');
    } finally {
      await app.close();
      store.close();
      await tokens.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
