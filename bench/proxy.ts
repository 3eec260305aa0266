/**
 * `npm run bench:proxy`: what proxy mode costs for the inbox list query.
 *
 * Starts, each as its own process exactly as the launcher does, the embedded
 * Tasklist on a fresh demo world (the one `npm start` serves) and two BFFs in
 * proxy mode, one per visibility setting (`all`: the pure proxy overhead;
 * `candidates`, the default: plus the filtering and page refill). A local
 * JWKS and token endpoint in this process stand in for the identity
 * provider. Then, in one run, the SPA's `TaskInboxRouteQuery` ("All open",
 * newest first, 50 per page) is sent
 *   - straight to Tasklist with the machine token and the document's text,
 *   - through each BFF with a BFF token and the document's hash,
 * measuring latency one request at a time on a keep-alive connection
 * (p50, p99) and throughput with autocannon (BENCH_CONNECTIONS connections).
 * The ratio proxy / direct at p50 is the figure to watch (goal ≤ 1.3).
 * Writes bench/results/proxy.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Pool } from 'undici';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULT_FILE = path.join(ROOT, 'bench', 'results', 'proxy.json');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const USER = process.env.BENCH_USER ?? 'demo';
const USER_GROUPS = (
  process.env.BENCH_USER_GROUPS ?? 'accounting,management'
).split(',');
const APP_ORIGIN = 'http://127.0.0.1:3000';
const GOAL_P50_RATIO = 1.3;

/** The variables the SPA sends for "All open", newest first. */
const INBOX_VARIABLES = {
  query: {
    pageSize: 50,
    sort: [{ field: 'creationTime', order: 'DESC' }],
    state: 'CREATED',
  },
};

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Discovery and a JWKS for one RSA key, and the tokens signed with it. */
async function startIdentity() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' };
  let issuer = '';
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      req.url === '/jwks'
        ? JSON.stringify({ keys: [jwk] })
        : JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }),
    );
  });
  issuer = await listen(server);
  const sign = (
    claims: Record<string, unknown>,
    audience: string,
    subject: string,
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(privateKey);
  return {
    server,
    issuer,
    machineToken: await sign(
      {
        client_id: 'tasklist-inbox-bff',
        scope: 'tasklist:read tasklist:write',
      },
      'tasklist-api',
      'tasklist-inbox-bff',
    ),
    userToken: await sign(
      {
        client_id: 'tasklist-inbox',
        azp: 'tasklist-inbox',
        preferred_username: USER,
        groups: USER_GROUPS,
      },
      // The BFF's audience (BFF_AUDIENCE's default), as the SPA's token has it.
      'urn:tasklist-inbox:bff',
      `user-${USER}`,
    ),
  };
}

/** The client-credentials endpoint the BFFs use: always the same machine token. */
async function startTokenEndpoint(machineToken: string) {
  const state = { calls: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls += 1;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          access_token: machineToken,
          token_type: 'Bearer',
          expires_in: 7200,
        }),
      );
    });
  });
  return { server, url: `${await listen(server)}/oauth/token`, state };
}

function startService(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    // Request logs are written (they cost what they cost) but not shown.
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL,
      ...env,
    },
  });
}

async function waitFor(
  url: string,
  child: ChildProcess,
  name: string,
): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited while starting`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become healthy`);
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** p50/p99 of one request at a time on one keep-alive connection. */
async function latency(
  target: Target,
): Promise<{ p50: number; p99: number; taskIds: string[] }> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: 1 });
  let taskIds: string[] = [];
  const once = async () => {
    const response = await pool.request({
      method: 'POST',
      path: url.pathname,
      headers: target.headers,
      body: target.body,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"')) {
      throw new Error(
        `${target.name}: HTTP ${String(response.statusCode)} ${text.slice(0, 300)}`,
      );
    }
    return text;
  };
  try {
    for (let i = 0; i < WARMUP; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = process.hrtime.bigint();
      const text = await once();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (i === 0) {
        const data = JSON.parse(text) as { data: { tasks: { id: string }[] } };
        taskIds = data.data.tasks.map((task) => task.id);
      }
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ??
      NaN;
    return { p50: round(at(0.5)), p99: round(at(0.99)), taskIds };
  } finally {
    await pool.close();
  }
}

async function throughput(target: Target) {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function metricValue(url: string, series: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(
    readFileSync(
      path.join(ROOT, 'src/app/graphql/__generated__/operations.json'),
      'utf8',
    ),
  ) as { operations: { name: string; sha256: string; text: string }[] };
  const inbox = manifest.operations.find(
    (op) => op.name === 'TaskInboxRouteQuery',
  );
  if (!inbox)
    throw new Error(
      'TaskInboxRouteQuery is not in the manifest; run npm run codegen',
    );

  const identity = await startIdentity();
  const tokenEndpoint = await startTokenEndpoint(identity.machineToken);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'proxy-bench-'));
  const children: ChildProcess[] = [];
  try {
    const tasklistPort = await freePort();
    const tasklistUrl = `http://127.0.0.1:${tasklistPort}`;
    const tasklist = startService('src/tasklist/server.ts', {
      TASKLIST_PORT: String(tasklistPort),
      TASKLIST_DB: path.join(dataDir, 'tasklist.sqlite'),
      OIDC_ISSUER: identity.issuer,
      // The benchmark is one caller sending far more than a person would.
      TASKLIST_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    children.push(tasklist);
    await waitFor(`${tasklistUrl}/health`, tasklist, 'tasklist');

    const bffs: { visibility: string; url: string; management: string }[] = [];
    for (const visibility of ['all', 'candidates']) {
      const port = await freePort();
      const managementPort = await freePort();
      const child = startService('src/bff/server.ts', {
        APP_PORT: String(port),
        MANAGEMENT_PORT: String(managementPort),
        BFF_MODE: 'proxy',
        BFF_TASK_VISIBILITY: visibility,
        APP_ORIGINS: APP_ORIGIN,
        OIDC_ISSUER: identity.issuer,
        OAUTH_TOKEN_URL: tokenEndpoint.url,
        OAUTH_CLIENT_SECRET: 'bench-only-secret',
        TASKLIST_GRAPHQL_URL: `${tasklistUrl}/graphql`,
        BFF_RATE_LIMIT_PER_USER: '1000000',
        BFF_RATE_LIMIT_PER_IP: '1000000',
        BFF_GRAPHQL_RATE_LIMIT_PER_USER: '1000000',
      });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/healthz`, child, `bff (${visibility})`);
      bffs.push({
        visibility,
        url,
        management: `http://127.0.0.1:${managementPort}`,
      });
    }

    const bffToken = async (bffUrl: string) => {
      const response = await fetch(`${bffUrl}/api/token`, {
        method: 'POST',
        headers: {
          origin: APP_ORIGIN,
          'x-requested-with': 'tasklist-inbox',
          authorization: `Bearer ${identity.userToken}`,
        },
      });
      if (!response.ok)
        throw new Error(
          `token: HTTP ${String(response.status)} ${await response.text()}`,
        );
      return ((await response.json()) as { access_token: string }).access_token;
    };

    const direct: Target = {
      name: 'direct',
      url: `${tasklistUrl}/graphql`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${identity.machineToken}`,
      },
      body: JSON.stringify({
        operationName: inbox.name,
        query: inbox.text,
        variables: INBOX_VARIABLES,
      }),
    };
    const proxied: Target[] = [];
    for (const bff of bffs) {
      proxied.push({
        name: `proxy (visibility ${bff.visibility})`,
        url: `${bff.url}/graphql`,
        headers: {
          'content-type': 'application/json',
          origin: APP_ORIGIN,
          'x-requested-with': 'tasklist-inbox',
          authorization: `Bearer ${await bffToken(bff.url)}`,
        },
        body: JSON.stringify({
          operationName: inbox.name,
          variables: INBOX_VARIABLES,
          extensions: {
            persistedQuery: { version: 1, sha256Hash: inbox.sha256 },
          },
        }),
      });
    }

    const results: Record<string, unknown> = {};
    const measured: {
      name: string;
      p50: number;
      p99: number;
      rps: number;
      taskIds: string[];
    }[] = [];
    for (const target of [direct, ...proxied]) {
      console.log(
        `${target.name}: ${String(ITERATIONS)} sequential requests, then ${String(DURATION_S)} s with ${String(CONNECTIONS)} connections ...`,
      );
      const sequential = await latency(target);
      const loaded = await throughput(target);
      measured.push({
        name: target.name,
        p50: sequential.p50,
        p99: sequential.p99,
        rps: loaded.requestsPerSecond,
        taskIds: sequential.taskIds,
      });
      results[target.name] = {
        latencyMs: { p50: sequential.p50, p99: sequential.p99 },
        tasksOnPage: sequential.taskIds.length,
        throughput: loaded,
      };
    }
    const [base, ...rest] = measured;
    if (!base) throw new Error('nothing measured');
    const ratios = Object.fromEntries(
      rest.map((m) => [
        m.name,
        {
          p50: round(m.p50 / base.p50, 2),
          p99: round(m.p99 / base.p99, 2),
          throughput: round(m.rps / base.rps, 2),
        },
      ]),
    );
    const upstream: Record<string, { requests: number; meanMs: number }> = {};
    for (const bff of bffs) {
      const series = 'bff_graphql_upstream_duration_seconds';
      const labels = '{call="tasks",result="ok"}';
      const metrics = `${bff.management}/metrics`;
      const count = await metricValue(metrics, `${series}_count${labels}`);
      const sum = await metricValue(metrics, `${series}_sum${labels}`);
      upstream[bff.visibility] = {
        requests: count,
        meanMs: count > 0 ? round((sum / count) * 1000) : 0,
      };
    }
    const samePage = rest[0]?.taskIds.join() === base.taskIds.join();
    const result = {
      benchmark: 'proxy',
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
      },
      settings: {
        world: 'the demo world of npm start',
        query: { operation: inbox.name, variables: INBOX_VARIABLES },
        user: { name: USER, groups: USER_GROUPS },
        sequentialRequests: ITERATIONS,
        warmup: WARMUP,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        logLevel: LOG_LEVEL,
      },
      results,
      ratioToDirect: ratios,
      goal: {
        p50Ratio: GOAL_P50_RATIO,
        met: Object.fromEntries(
          Object.entries(ratios).map(([name, ratio]) => [
            name,
            ratio.p50 <= GOAL_P50_RATIO,
          ]),
        ),
      },
      checks: {
        visibilityAllAnswersTheSamePageAsDirect: samePage,
        // Every `tasks` request each BFF sent upstream, and its mean time as
        // the BFF saw it: the rest of a proxied request is the BFF's own work.
        upstreamTasksByVisibility: upstream,
        clientCredentialsRequests: tokenEndpoint.state.calls,
      },
    };
    mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    const failures = Object.values(results).some(
      (r) =>
        (r as { throughput: { failures: number } }).throughput.failures > 0,
    );
    if (!samePage || failures) {
      console.error(
        'bench:proxy FAILED: answers differ or requests failed (see above)',
      );
      process.exitCode = 1;
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    identity.server.close();
    tokenEndpoint.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
