/**
 * `npm run bench:bff`: the BFF's cached token endpoint (issue 11, figure 1)
 * and its memory under load (figure 9).
 *
 * A local JWKS/discovery server and a counting client-credentials endpoint
 * run in this process; the BFF runs as its own process, started the way the
 * launcher starts it. Then, on loopback:
 *   - throughput: `POST /api/token` with a real RS256 user token (every
 *     request checked in full; the Tasklist token comes from the cache),
 *     and `GET /healthz` on the same server as the floor, with autocannon,
 *     interleaved run by run so both see the same machine;
 *   - latency: the same two requests one at a time on one keep-alive
 *     connection, every request a sample (p50/p95/p99);
 *   - exactly one upstream token request, by the stub's count and by the
 *     BFF's own metric;
 *   - RSS idle, after warm-up, and after 100,000 token requests.
 * Writes `bench/results/bff.json`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { listen, startBenchIdentity } from './lib/bench-identity';
import {
  SequentialClient,
  autocannon,
  failures,
  type AutocannonOptions,
} from './lib/http';
import {
  freePort,
  processStats,
  startNode,
  stop,
  waitForHttp,
} from './lib/processes';
import { formatSelfTime, topSelfTime } from './lib/cpu-profile';
import {
  QUICK,
  ROOT,
  RUNS,
  ResultWriter,
  pick,
  runBenchmark,
} from './lib/results';
import { measurement, msSince, perRunMeasurement, ratio } from './lib/stats';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? pick(4, 0.5));
const SEQUENTIAL = pick(2000, 100);
const MEMORY_REQUESTS = pick(100_000, 2_000);
const WARMUP_REQUESTS = pick(20_000, 500);
const APP_ORIGIN = 'http://127.0.0.1:3000';
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const MB = 1024 * 1024;

/** The bench identity provider and demo's user token for the BFF. */
async function startIdentity() {
  const identity = await startBenchIdentity();
  const userToken = await identity.sign(
    { groups: ['bench'], client_id: 'tasklist-inbox' },
    {
      audience: 'urn:tasklist-inbox:bff',
      subject: 'bench-user',
      expiresIn: '1h',
    },
  );
  return { server: identity.server, issuer: identity.issuer, userToken };
}

/** A token endpoint that counts its calls and issues one-hour tokens. */
async function startTokenEndpoint() {
  const state = { calls: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls += 1;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          access_token: `bench-tasklist-token-${String(state.calls)}`,
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      );
    });
  });
  const url = `${await listen(server)}/oauth/token`;
  return { server, url, state };
}

/** Reads the count from the management listener, where /metrics lives. */
async function upstreamOkFromMetrics(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const series = 'bff_upstream_token_requests_total{result="ok"} ';
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.slice(series.length)) : 0;
}

await runBenchmark(
  new ResultWriter('bff', {
    connections: CONNECTIONS,
    durationS: DURATION_S,
    sequentialRequests: SEQUENTIAL,
    memoryRequests: MEMORY_REQUESTS,
    logLevel: LOG_LEVEL,
    userTokenAlg: 'RS256',
  }),
  async (result) => {
    const identity = await startIdentity();
    const tokenEndpoint = await startTokenEndpoint();
    const port = await freePort();
    const managementPort = await freePort();
    const bffUrl = `http://127.0.0.1:${String(port)}`;
    const managementUrl = `http://127.0.0.1:${String(managementPort)}`;
    const bffEnv: NodeJS.ProcessEnv = {
      ...process.env,
      // No SPA needed; the token path is identical in production.
      NODE_ENV: 'development',
      // This benchmark measures handing out the cached Tasklist token.
      BFF_MODE: 'direct',
      HOST: '127.0.0.1',
      APP_PORT: String(port),
      MANAGEMENT_PORT: String(managementPort),
      LOG_LEVEL,
      APP_ORIGINS: APP_ORIGIN,
      OIDC_ISSUER: identity.issuer,
      OAUTH_TOKEN_URL: tokenEndpoint.url,
      OAUTH_CLIENT_SECRET: randomBytes(24).toString('hex'),
      BFF_RATE_LIMIT_PER_USER: '1000000',
      BFF_RATE_LIMIT_PER_IP: '1000000',
    };
    const child = startNode('src/bff/server.ts', { env: bffEnv });
    try {
      await waitForHttp(`${bffUrl}/healthz`, child, 'the BFF');
      const pid = child.pid ?? 0;
      const headers = {
        origin: APP_ORIGIN,
        'x-requested-with': 'tasklist-inbox',
        authorization: `Bearer ${identity.userToken}`,
      };
      const token: AutocannonOptions = {
        url: `${bffUrl}/api/token`,
        method: 'POST',
        headers,
        connections: CONNECTIONS,
      };
      const health: AutocannonOptions = {
        url: `${bffUrl}/healthz`,
        connections: CONNECTIONS,
      };
      const idleRss = processStats(pid).rssBytes;

      // Warm-up: the one upstream call, the verified-claims cache, the JIT.
      const warm = await autocannon({ ...token, amount: WARMUP_REQUESTS });
      await autocannon({ ...health, duration: pick(1, 0.2) });
      const warmRss = processStats(pid).rssBytes;
      let failed = failures(warm);
      let tokenServed = warm.requests.total;

      const tokenRps: number[] = [];
      const healthRps: number[] = [];
      const tokenP99: number[] = [];
      const healthP99: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        console.log(
          `[bench:bff] run ${String(run + 1)}/${String(RUNS)}: ${String(CONNECTIONS)} connections, ${String(DURATION_S)} s each`,
        );
        const t = await autocannon({ ...token, duration: DURATION_S });
        const h = await autocannon({ ...health, duration: DURATION_S });
        failed += failures(t) + failures(h);
        tokenServed += t.requests.total;
        tokenRps.push(t.requests.average);
        healthRps.push(h.requests.average);
        tokenP99.push(t.latency.p99);
        healthP99.push(h.latency.p99);
      }
      const rps = result.add(
        'tokenThroughput',
        perRunMeasurement('POST /api/token, cached', 'req/s', tokenRps, 0),
      );
      const floorRps = result.add(
        'healthzThroughput',
        perRunMeasurement('GET /healthz', 'req/s', healthRps, 0),
      );
      const loadedP99 = result.add(
        'tokenP99UnderLoad',
        perRunMeasurement('POST /api/token p99 under load', 'ms', tokenP99),
      );
      const floorLoadedP99 = result.add(
        'healthzP99UnderLoad',
        perRunMeasurement('GET /healthz p99 under load', 'ms', healthP99),
      );

      // Latency one request at a time: every request is a sample.
      const client = new SequentialClient(bffUrl);
      const tokenRuns: number[][] = [];
      const healthRuns: number[][] = [];
      try {
        for (let run = 0; run < RUNS; run++) {
          for (const [path, method, runs] of [
            ['/api/token', 'POST', tokenRuns],
            ['/healthz', 'GET', healthRuns],
          ] as const) {
            const samples: number[] = [];
            for (let i = 0; i < SEQUENTIAL; i++) {
              const start = process.hrtime.bigint();
              const reply = await client.send(
                method,
                path,
                method === 'POST' ? headers : {},
              );
              samples.push(msSince(start));
              if (reply.status !== 200) failed += 1;
              if (method === 'POST') tokenServed += 1;
            }
            runs.push(samples);
          }
        }
      } finally {
        client.close();
      }
      const tokenLatency = result.add(
        'tokenLatency',
        measurement('POST /api/token, one at a time', 'ms', tokenRuns),
      );
      const healthLatency = result.add(
        'healthzLatency',
        measurement('GET /healthz, one at a time', 'ms', healthRuns),
      );

      // Memory: the same endpoint until 100,000 token requests have been
      // served since start (at least a last batch), then RSS again.
      const memoryRun = await autocannon({
        ...token,
        amount: Math.max(CONNECTIONS * 100, MEMORY_REQUESTS - tokenServed),
      });
      failed += failures(memoryRun);
      tokenServed += memoryRun.requests.total;
      result.checks.tokenRequestsServed = tokenServed;
      const loadedRss = processStats(pid).rssBytes;
      result.add(
        'rss',
        perRunMeasurement(
          'BFF RSS: idle, after warm-up, after the memory run',
          'MB',
          [idleRss / MB, warmRss / MB, loadedRss / MB],
          1,
        ),
      );

      const upstreamByMetrics = await upstreamOkFromMetrics(managementUrl);
      result.checks.upstreamTokenRequests = {
        stub: tokenEndpoint.state.calls,
        metrics: upstreamByMetrics,
      };
      result.checks.failedRequests = failed;
      if (tokenEndpoint.state.calls !== 1 || upstreamByMetrics !== 1) {
        result.problems.push(
          `upstream token requests: ${String(tokenEndpoint.state.calls)} by the stub, ${String(upstreamByMetrics)} by /metrics; must be exactly 1`,
        );
      }
      if (failed > 0) {
        result.problems.push(
          `${String(failed)} requests failed or were not 2xx`,
        );
      }

      const throughputRatio = ratio(rps.summary.p50, floorRps.summary.p50);
      result.figure({
        figure: 1,
        name: 'cached `POST /api/token`, throughput',
        value: rps.summary.p50,
        unit: 'req/s',
        floorName: '`/healthz`',
        floor: floorRps.summary.p50,
        ratioOf: 'value / floor',
        ratio: throughputRatio,
        goal: '≥ 0.8',
        met: throughputRatio !== null && throughputRatio >= 0.8,
        note: `${String(CONNECTIONS)} connections`,
      });
      result.figure({
        figure: 1,
        name: 'cached `POST /api/token`, p99 under load',
        value: loadedP99.summary.p50,
        unit: 'ms',
        floorName: '`/healthz`',
        floor: floorLoadedP99.summary.p50,
        ratioOf: 'value / floor',
        ratio: ratio(loadedP99.summary.p50, floorLoadedP99.summary.p50),
        goal: 'report',
        note: 'autocannon rounds to whole ms',
      });
      result.figure({
        figure: 1,
        name: 'cached `POST /api/token`, p99 one at a time',
        value: tokenLatency.summary.p99,
        unit: 'ms',
        floorName: '`/healthz`',
        floor: healthLatency.summary.p99,
        ratioOf: 'value / floor',
        ratio: ratio(tokenLatency.summary.p99, healthLatency.summary.p99),
        goal: 'report',
      });
      result.figure({
        figure: 1,
        name: 'upstream token requests during the run',
        value: tokenEndpoint.state.calls,
        unit: '',
        goal: 'exactly 1',
        met: tokenEndpoint.state.calls === 1 && upstreamByMetrics === 1,
      });
      const growth = (loadedRss - warmRss) / MB;
      result.figure({
        figure: 9,
        name: `BFF RSS after ${tokenServed.toLocaleString('en-US')} token requests`,
        value: Math.round((loadedRss / MB) * 10) / 10,
        unit: 'MB',
        floorName: 'idle',
        floor: Math.round((idleRss / MB) * 10) / 10,
        ratioOf: 'value / floor',
        ratio: ratio(loadedRss, idleRss),
        goal: 'report',
      });
      result.figure({
        figure: 9,
        name: 'BFF RSS growth after warm-up',
        value: Math.round(growth * 10) / 10,
        unit: 'MB',
        floorName: 'after warm-up',
        floor: Math.round((warmRss / MB) * 10) / 10,
        goal: 'no growth (≤ 10 % of the warm RSS)',
        met: growth <= (warmRss / MB) * 0.1,
        note: `${WARMUP_REQUESTS.toLocaleString('en-US')} warm-up requests first`,
      });

      // Where the time goes: a second BFF, alone on the machine now, under
      // the same token load with V8's profiler on (`--cpu-prof` writes the
      // profile when the process exits; samples before the load are left out).
      await stop(child);
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'bff-profile-'));
      let loadFromUs: number | undefined;
      try {
        const profiledPort = await freePort();
        const profiledBff = startNode('src/bff/server.ts', {
          env: {
            ...bffEnv,
            APP_PORT: String(profiledPort),
            MANAGEMENT_PORT: String(await freePort()),
          },
          nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir],
        });
        try {
          const profiledUrl = `http://127.0.0.1:${String(profiledPort)}`;
          await waitForHttp(`${profiledUrl}/healthz`, profiledBff, 'the BFF');
          loadFromUs = Number(process.hrtime.bigint() / 1000n);
          await autocannon({
            ...token,
            url: `${profiledUrl}/api/token`,
            duration: pick(8, 0.5),
          });
        } finally {
          await stop(profiledBff);
        }
        const file = readdirSync(profileDir).find((f) =>
          f.endsWith('.cpuprofile'),
        );
        if (file) {
          const top = topSelfTime(
            path.join(profileDir, file),
            ROOT,
            15,
            loadFromUs,
          );
          result.extra.profile = top;
          result.notes.push(
            `Where the time of a cached \`POST /api/token\` goes (the BFF under ${String(CONNECTIONS)} connections for ${String(pick(8, 0.5))} s, from the first request on; CPU profile, self time):\n${formatSelfTime(top)}`,
          );
        } else {
          result.problems.push('the profiled BFF wrote no CPU profile');
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
      if (QUICK) result.notes.push('Smoke run: figures are not meaningful.');
    } finally {
      await stop(child);
      identity.server.close();
      tokenEndpoint.server.close();
    }
  },
);
