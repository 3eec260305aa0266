/**
 * `npm run bench:bff`: how fast the BFF hands out cached Tasklist tokens.
 *
 * Starts a local JWKS/discovery server and a fake client-credentials token
 * endpoint in this process, the BFF as a child process (exactly as the
 * launcher starts it), then drives it with autocannon on loopback:
 *   1. POST /api/token with a real user JWT (full checks and RS256
 *      verification on every request; the Tasklist token comes from cache);
 *   2. GET /healthz on the same server, as the baseline.
 * Reports throughput, p50/p99 latency and their ratio, confirms that exactly
 * one upstream token request was made (by the stub and by /metrics), and
 * writes bench/results/bff.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULT_FILE = path.join(ROOT, 'bench', 'results', 'bff.json');
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const APP_ORIGIN = 'http://127.0.0.1:3000';

/** The slice of autocannon's result this script reads (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
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

/** Discovery and JWKS for one RSA key, plus a minted user access token. */
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
  const userToken = await new SignJWT({
    groups: ['bench'],
    client_id: 'tasklist-inbox',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience('urn:tasklist-inbox:bff')
    .setSubject('bench-user')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  return { server, issuer, userToken };
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
          access_token: `bench-tasklist-token-${state.calls}`,
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      );
    });
  });
  const url = `${await listen(server)}/oauth/token`;
  return { server, url, state };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    if (child.exitCode !== null)
      throw new Error('the BFF exited while starting');
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the BFF did not become healthy');
}

function summary(result: AutocannonResult) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    totalRequests: result.requests.total,
    latencyMs: {
      average: Number(result.latency.average.toFixed(2)),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Reads the count from the management listener, where /metrics lives. */
async function upstreamOkFromMetrics(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const series = 'bff_upstream_token_requests_total{result="ok"} ';
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.slice(series.length)) : 0;
}

async function main(): Promise<void> {
  const identity = await startIdentity();
  const tokenEndpoint = await startTokenEndpoint();
  const port = await freePort();
  const managementPort = await freePort();
  const bffUrl = `http://127.0.0.1:${port}`;
  const managementUrl = `http://127.0.0.1:${managementPort}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/bff/server.ts'],
    {
      cwd: ROOT,
      // Request logs go nowhere (they still cost what they cost); errors show.
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        // No SPA needed; the token path is identical in production.
        NODE_ENV: 'development',
        // This benchmark measures handing out the cached Tasklist token.
        BFF_MODE: 'direct',
        HOST: '127.0.0.1',
        APP_PORT: String(port),
        MANAGEMENT_PORT: String(managementPort),
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        APP_ORIGINS: APP_ORIGIN,
        OIDC_ISSUER: identity.issuer,
        OAUTH_TOKEN_URL: tokenEndpoint.url,
        OAUTH_CLIENT_SECRET: randomBytes(24).toString('hex'),
        BFF_RATE_LIMIT_PER_USER: '1000000',
        BFF_RATE_LIMIT_PER_IP: '1000000',
      },
    },
  );
  try {
    await waitForHealth(bffUrl, child);
    const headers = {
      origin: APP_ORIGIN,
      'x-requested-with': 'tasklist-inbox',
      authorization: `Bearer ${identity.userToken}`,
    };
    // Warm-up: fills the cache (the one upstream call) and the JIT.
    await autocannon({
      url: `${bffUrl}/api/token`,
      method: 'POST',
      headers,
      connections: 2,
      duration: 2,
    });
    await autocannon({ url: `${bffUrl}/healthz`, connections: 2, duration: 1 });

    console.log(
      `POST /api/token: ${CONNECTIONS} connections, ${DURATION_S} s ...`,
    );
    const token = summary(
      await autocannon({
        url: `${bffUrl}/api/token`,
        method: 'POST',
        headers,
        connections: CONNECTIONS,
        duration: DURATION_S,
      }),
    );
    console.log(
      `GET /healthz: ${CONNECTIONS} connections, ${DURATION_S} s ...`,
    );
    const health = summary(
      await autocannon({
        url: `${bffUrl}/healthz`,
        connections: CONNECTIONS,
        duration: DURATION_S,
      }),
    );
    const upstreamByMetrics = await upstreamOkFromMetrics(managementUrl);
    const result = {
      benchmark: 'bff',
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
      },
      settings: {
        connections: CONNECTIONS,
        durationS: DURATION_S,
        logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
        userTokenAlg: 'RS256',
      },
      tokenCached: token,
      healthz: health,
      ratio: {
        throughputTokenToHealthz: Number(
          (token.requestsPerSecond / health.requestsPerSecond).toFixed(3),
        ),
        p99TokenToHealthz:
          health.latencyMs.p99 > 0
            ? Number((token.latencyMs.p99 / health.latencyMs.p99).toFixed(2))
            : null,
      },
      upstreamTokenRequests: {
        stub: tokenEndpoint.state.calls,
        metrics: upstreamByMetrics,
      },
      exactlyOneUpstreamRequest:
        tokenEndpoint.state.calls === 1 && upstreamByMetrics === 1,
    };
    mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    const failed =
      !result.exactlyOneUpstreamRequest ||
      token.non2xx + token.errors + health.non2xx + health.errors > 0;
    if (failed) {
      console.error(
        'bench:bff FAILED: upstream calls or request errors are off (see above)',
      );
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    identity.server.close();
    tokenEndpoint.server.close();
  }
}

await main();
