import { spawn, spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildStackEnv,
  embeddedClientSecret,
  isBuildStale,
  portProblems,
  portsNeeded,
  serviceEnv,
  serviceSpecs,
  Supervisor,
} from './launcher';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('buildStackEnv', () => {
  it('derives every address from the host and ports', () => {
    const env = buildStackEnv(
      {
        APP_PORT: '3100',
        TASKLIST_PORT: '8180',
        IDENTITY_PORT: '18180',
        OAUTH_CLIENT_SECRET: 's',
      },
      'start',
    );
    expect(env.OIDC_ISSUER).toBe('http://127.0.0.1:18180');
    expect(env.OAUTH_TOKEN_URL).toBe('http://127.0.0.1:18180/token');
    expect(env.TASKLIST_GRAPHQL_URL).toBe('http://127.0.0.1:8180/graphql');
    expect(env.CAMUNDA_REST_URL).toBe('http://127.0.0.1:8180/v2');
    expect(env.APP_ORIGINS?.split(',')).toContain('http://127.0.0.1:3100');
    expect(env.NODE_ENV).toBe('production');
  });

  it('keeps explicit settings over derived ones', () => {
    const env = buildStackEnv(
      {
        OIDC_ISSUER: 'https://id.example',
        OAUTH_CLIENT_SECRET: 's',
        NODE_ENV: 'test',
      },
      'dev',
    );
    expect(env.OAUTH_TOKEN_URL).toBe('https://id.example/token');
    expect(env.NODE_ENV).toBe('test');
  });

  it('runs the BFF in proxy mode unless told otherwise; only direct mode opens Tasklist to the app', () => {
    const proxy = buildStackEnv({ OAUTH_CLIENT_SECRET: 's' }, 'start');
    expect(proxy.BFF_MODE).toBe('proxy');
    // Issue 12: proxy mode on the REST API v2 by default; direct needs GraphQL.
    expect(proxy.TASKLIST_UPSTREAM).toBe('rest-v2');
    expect(proxy.TASKLIST_CORS_ORIGINS).toBe('');
    const direct = buildStackEnv(
      { OAUTH_CLIENT_SECRET: 's', BFF_MODE: 'direct', APP_PORT: '3100' },
      'start',
    );
    expect(direct.BFF_MODE).toBe('direct');
    expect(direct.TASKLIST_UPSTREAM).toBe('graphql');
    expect(direct.TASKLIST_CORS_ORIGINS?.split(',')).toContain(
      'http://127.0.0.1:3100',
    );
  });

  it('refuses a port that is not a port', () => {
    expect(() => buildStackEnv({ APP_PORT: 'eighty' }, 'start')).toThrow(
      'APP_PORT must be a TCP port (1-65535), got "eighty"',
    );
  });

  it('starts the BFF last, so its health means the stack is up', () => {
    const names = serviceSpecs({
      HOST: '127.0.0.1',
      APP_PORT: '1',
      TASKLIST_PORT: '2',
      IDENTITY_PORT: '3',
    }).map((s) => s.name);
    expect(names.at(-1)).toBe('bff');
  });
});

describe('isBuildStale', () => {
  function project() {
    const root = mkdtempSync(path.join(tmpdir(), 'stale-'));
    mkdirSync(path.join(root, 'src/app'), { recursive: true });
    writeFileSync(path.join(root, 'src/app/main.tsx'), '');
    return root;
  }

  it('is stale when nothing was built', () => {
    expect(isBuildStale(project())).toBe(true);
  });

  it('is fresh when dist is newer than every input, stale after an edit', () => {
    const root = project();
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'src/app/main.tsx'), old, old);
    utimesSync(path.join(root, 'src/app'), old, old);
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist/index.html'), '<html></html>');
    expect(isBuildStale(root)).toBe(false);

    writeFileSync(path.join(root, 'src/app/main.tsx'), 'changed');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/app/main.tsx'), later, later);
    expect(isBuildStale(root)).toBe(true);
  });
});

/** Listens on an ephemeral loopback port, to hold it or learn a free one. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('no port');
  return { port: address.port, server };
}

async function freePort(): Promise<number> {
  const { port, server } = await holdPort();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('ports are checked before anything starts (H57)', () => {
  const held: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      held.splice(0).map((s) => new Promise((resolve) => s.close(resolve))),
    );
  });

  it('names the taken port and the setting that moves it, in one line each', async () => {
    const taken = await holdPort();
    held.push(taken.server);
    const env = buildStackEnv(
      {
        APP_PORT: String(taken.port),
        TASKLIST_PORT: String(await freePort()),
        IDENTITY_PORT: String(await freePort()),
        MANAGEMENT_PORT: String(await freePort()),
      },
      'start',
    );
    expect(await portProblems(portsNeeded(env, 'start'))).toEqual([
      `port ${String(taken.port)} on 127.0.0.1 is already in use; set APP_PORT to a free port (e.g. APP_PORT=${String(taken.port + 1)})`,
    ]);
  });

  it('refuses two settings with the same port, and checks DEV_PORT in dev mode', async () => {
    const port = await freePort();
    const env = buildStackEnv(
      {
        APP_PORT: String(port),
        TASKLIST_PORT: String(port),
        IDENTITY_PORT: String(await freePort()),
        MANAGEMENT_PORT: String(await freePort()),
        DEV_PORT: String(await freePort()),
      },
      'dev',
    );
    expect(portsNeeded(env, 'dev').map((n) => n.setting)).toEqual([
      'IDENTITY_PORT',
      'TASKLIST_PORT',
      'APP_PORT',
      'MANAGEMENT_PORT',
      'DEV_PORT',
    ]);
    expect(await portProblems(portsNeeded(env, 'dev'))).toEqual([
      `APP_PORT and TASKLIST_PORT are both ${String(port)}; give each its own port`,
    ]);
  });

  it('npm start with a taken port: one line, no stack trace, nothing started', async () => {
    const taken = await holdPort();
    held.push(taken.server);
    const identityPort = await freePort();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/launcher.ts', 'start'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          APP_PORT: String(taken.port),
          TASKLIST_PORT: String(await freePort()),
          IDENTITY_PORT: String(identityPort),
          MANAGEMENT_PORT: String(await freePort()),
          DATA_DIR: mkdtempSync(path.join(tmpdir(), 'launcher-data-')),
        },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `[launcher] port ${String(taken.port)} on 127.0.0.1 is already in use; set APP_PORT to a free port (e.g. APP_PORT=${String(taken.port + 1)})`,
    );
    expect(result.stdout).not.toMatch(/is up|building/);
    // Nothing listens where the identity provider would have started.
    const probe = await portProblems([
      { port: identityPort, host: '127.0.0.1', setting: 'IDENTITY_PORT' },
    ]);
    expect(probe).toEqual([]);
  });
});

describe('the client secret (H66)', () => {
  it('reaches only the BFF and the identity provider', () => {
    const env = buildStackEnv(
      { OAUTH_CLIENT_SECRET: 'configured-secret-value' },
      'start',
    );
    expect(env.OAUTH_CLIENT_SECRET).toBeUndefined();
    const envs = Object.fromEntries(
      serviceSpecs(env).map((spec) => [
        spec.name,
        serviceEnv(spec, env, 'configured-secret-value').OAUTH_CLIENT_SECRET,
      ]),
    );
    expect(envs).toEqual({
      identity: 'configured-secret-value',
      tasklist: undefined,
      bff: 'configured-secret-value',
    });
  });

  it('is generated with mode 600, and a file readable by others is tightened with a warning', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'launcher-secret-'));
    const warnings: string[] = [];
    const warn = (line: string) => warnings.push(line);
    const secret = embeddedClientSecret(dataDir, warn);
    const file = path.join(dataDir, 'oauth-client-secret');
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([]);

    writeFileSync(file, 'shared-secret\n', { mode: 0o644 });
    spawnSync('chmod', ['644', file]);
    expect(embeddedClientSecret(dataDir, warn)).toBe('shared-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([
      `[launcher] ${file} was readable by others (mode 644); set it to 600`,
    ]);
  });
});

describe('the management port follows the app port (H64)', () => {
  it('is APP_PORT + 6000 unless set, so parallel stacks never share one', () => {
    expect(buildStackEnv({}, 'start').MANAGEMENT_PORT).toBe('9000');
    expect(buildStackEnv({ APP_PORT: '3750' }, 'start').MANAGEMENT_PORT).toBe(
      '9750',
    );
    expect(
      buildStackEnv({ APP_PORT: '3750', MANAGEMENT_PORT: '9123' }, 'start')
        .MANAGEMENT_PORT,
    ).toBe('9123');
    expect(() => buildStackEnv({ APP_PORT: '60000' }, 'start')).toThrow(
      'MANAGEMENT_PORT cannot follow APP_PORT=60000 (it would be 66000); set MANAGEMENT_PORT',
    );
  });
});

/**
 * A tiny service for the supervisor: answers /health, and exits with code 1
 * on /crash (or at once with CRASH_AT_START).
 */
const SERVICE = `
const http = require('node:http');
if (process.env.CRASH_AT_START === '1' && process.env.STARTED) process.exit(1);
const server = http.createServer((req, res) => {
  if (req.url === '/crash') { res.end('bye'); setImmediate(() => process.exit(1)); return; }
  res.end('ok');
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

describe('supervision (H58)', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    await supervisor?.stopAll(2000);
    supervisor = undefined;
  });

  function startSupervisor(
    ports: Record<string, number>,
    log: string[],
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    const dir = mkdtempSync(path.join(tmpdir(), 'launcher-svc-'));
    const script = path.join(dir, 'service.cjs');
    writeFileSync(script, SERVICE);
    const starts: Record<string, number> = {};
    supervisor = new Supervisor({
      spawn: (spec) => {
        starts[spec.name] = (starts[spec.name] ?? 0) + 1;
        return spawn(process.execPath, [script], {
          stdio: 'ignore',
          env: {
            PORT: String(ports[spec.name]),
            ...((starts[spec.name] ?? 0) > 1 ? { STARTED: '1' } : {}),
            ...extraEnv,
          },
        });
      },
      log: (line) => log.push(line),
      backoffMs: (attempt) => 100 * 2 ** (attempt - 1),
      healthTimeoutMs: 10_000,
    });
    const spec = (name: string) => ({
      name,
      entry: script,
      healthUrl: `http://127.0.0.1:${String(ports[name])}/health`,
    });
    return { supervisor, spec, starts };
  }

  async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const healthy = (port: number) =>
    fetch(`http://127.0.0.1:${String(port)}/health`).then(
      (r) => r.ok,
      () => false,
    );

  it('restarts a crashed service and keeps the others running', async () => {
    const ports = { tasklist: await freePort(), bff: await freePort() };
    const log: string[] = [];
    const { supervisor, spec } = startSupervisor(ports, log);
    await supervisor.start(spec('tasklist'));
    await supervisor.start(spec('bff'));
    const bffPid = supervisor.pidOf('bff');
    const tasklistPid = supervisor.pidOf('tasklist');

    await fetch(`http://127.0.0.1:${String(ports.tasklist)}/crash`);
    await until(() => log.some((l) => l.includes('tasklist is up again')));
    expect(await healthy(ports.tasklist)).toBe(true);
    expect(supervisor.pidOf('tasklist')).not.toBe(tasklistPid);
    expect(supervisor.pidOf('bff')).toBe(bffPid);
    expect(await healthy(ports.bff)).toBe(true);
    expect(log[0]).toBe(
      '[launcher] tasklist stopped unexpectedly (code 1); restarting in 100 ms (restart 1); the other services keep running',
    );
  });

  it('backs off further each time a service keeps crashing', async () => {
    const ports = { tasklist: await freePort(), bff: await freePort() };
    const log: string[] = [];
    const { supervisor, spec, starts } = startSupervisor(ports, log, {
      CRASH_AT_START: '1',
    });
    await supervisor.start(spec('tasklist'));
    await supervisor.start(spec('bff'));
    await fetch(`http://127.0.0.1:${String(ports.tasklist)}/crash`);
    await until(() => (starts.tasklist ?? 0) >= 4);
    const waits = log
      .filter((l) => l.startsWith('[launcher] tasklist stopped'))
      .map((l) => /restarting in (\d+) ms/.exec(l)?.[1]);
    expect(waits.slice(0, 3)).toEqual(['100', '200', '400']);
    expect(await healthy(ports.bff)).toBe(true);
  });
});
