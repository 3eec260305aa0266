/**
 * The launcher behind `npm start` and `npm run dev`.
 *
 * It starts each node part as its own process (one PID each, no shared
 * memory), wires their addresses together through environment variables, and
 * stops them all on Ctrl-C or SIGTERM. A part is started only once its
 * `server.ts` exists, so the stack grows as the parts land.
 *
 * Before anything starts it checks every port (H57); a service that crashes
 * later is restarted with back-off while the others keep running (H58); the
 * OAuth client secret goes only to the BFF and the identity provider (H66).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type LaunchMode = 'start' | 'dev';

export interface ServiceSpec {
  name: string;
  entry: string;
  healthUrl: string;
  /** Only the BFF and the embedded provider may see the client secret (H66). */
  needsClientSecret?: boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Reads an integer port from the environment, refusing garbage early. */
function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return value;
}

/**
 * Computes the environment every part receives. Explicit settings win; the
 * rest follows from the host and ports so one override moves everything.
 */
export function buildStackEnv(
  base: NodeJS.ProcessEnv,
  mode: LaunchMode,
): NodeJS.ProcessEnv {
  const host = base.HOST ?? '127.0.0.1';
  const appPort = port(base, 'APP_PORT', 3000);
  const devPort = port(base, 'DEV_PORT', 5173);
  const tasklistPort = port(base, 'TASKLIST_PORT', 8080);
  const identityPort = port(base, 'IDENTITY_PORT', 18080);
  const managementPort = port(
    base,
    'MANAGEMENT_PORT',
    defaultManagementPort(appPort),
  );
  const dataDir = path.resolve(ROOT, base.DATA_DIR ?? '.data');

  const appOrigins = [
    `http://${host}:${appPort}`,
    `http://localhost:${appPort}`,
    `http://${host}:${devPort}`,
    `http://localhost:${devPort}`,
  ];
  const issuer = base.OIDC_ISSUER ?? `http://${host}:${identityPort}`;
  // Proxy mode is the default: the browser talks only to the BFF.
  const bffMode = base.BFF_MODE ?? 'proxy';
  // Proxy mode resolves the SPA's GraphQL on the REST API v2, the API every
  // supported Camunda release has; direct mode can only use Tasklist GraphQL.
  const upstream =
    base.TASKLIST_UPSTREAM ?? (bffMode === 'direct' ? 'graphql' : 'rest-v2');

  // H66: the secret is handed to the two services that need it, never to all.
  const shared = { ...base };
  delete shared.OAUTH_CLIENT_SECRET;
  return {
    ...shared,
    NODE_ENV:
      base.NODE_ENV ?? (mode === 'start' ? 'production' : 'development'),
    HOST: host,
    APP_PORT: String(appPort),
    DEV_PORT: String(devPort),
    TASKLIST_PORT: String(tasklistPort),
    IDENTITY_PORT: String(identityPort),
    MANAGEMENT_PORT: String(managementPort),
    MANAGEMENT_HOST: base.MANAGEMENT_HOST ?? '127.0.0.1',
    DATA_DIR: dataDir,
    APP_ORIGINS: base.APP_ORIGINS ?? appOrigins.join(','),
    OIDC_ISSUER: issuer,
    OAUTH_TOKEN_URL: base.OAUTH_TOKEN_URL ?? `${issuer}/token`,
    TASKLIST_GRAPHQL_URL:
      base.TASKLIST_GRAPHQL_URL ?? `http://${host}:${tasklistPort}/graphql`,
    CAMUNDA_REST_URL:
      base.CAMUNDA_REST_URL ?? `http://${host}:${tasklistPort}/v2`,
    TASKLIST_UPSTREAM: upstream,
    BFF_URL: base.BFF_URL ?? `http://${host}:${appPort}`,
    BFF_MODE: bffMode,
    // Only in direct mode does the browser call Tasklist itself, so only then
    // must the embedded Tasklist accept the app's origins (a real cluster
    // needs a gateway for this). In proxy mode it accepts no browser at all.
    TASKLIST_CORS_ORIGINS:
      base.TASKLIST_CORS_ORIGINS ??
      (bffMode === 'direct' ? (base.APP_ORIGINS ?? appOrigins.join(',')) : ''),
  };
}

/**
 * The BFF's management listener (H64) follows the app port, 3000 → 9000, so
 * two stacks with their own port sets never share one.
 */
export function defaultManagementPort(appPort: number): number {
  const derived = appPort + 6000;
  if (derived > 65535) {
    throw new Error(
      `MANAGEMENT_PORT cannot follow APP_PORT=${String(appPort)} (it would be ${String(derived)}); set MANAGEMENT_PORT`,
    );
  }
  return derived;
}

/** The client secret: the one configured, else the generated one (H66). */
export function clientSecret(
  base: NodeJS.ProcessEnv,
  dataDir: string,
  warn: (line: string) => void = (line) => {
    console.warn(line);
  },
): string {
  return base.OAUTH_CLIENT_SECRET ?? embeddedClientSecret(dataDir, warn);
}

/** The environment one service starts with: the secret only where needed. */
export function serviceEnv(
  spec: ServiceSpec,
  env: NodeJS.ProcessEnv,
  secret: string,
): NodeJS.ProcessEnv {
  return spec.needsClientSecret ? { ...env, OAUTH_CLIENT_SECRET: secret } : env;
}

/**
 * The embedded identity provider and the BFF must share the BFF client's
 * secret. Rather than ship a fixed one (which production mode refuses), the
 * launcher makes a random secret once and keeps it, owner-readable only, in
 * the data directory so curl examples can read it.
 */
export function embeddedClientSecret(
  dataDir: string,
  warn: (line: string) => void,
): string {
  const file = path.join(dataDir, 'oauth-client-secret');
  if (existsSync(file)) {
    // Like the identity keys file: tightened, with a warning, if others can read it.
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      chmodSync(file, 0o600);
      warn(
        `[launcher] ${file} was readable by others (mode ${mode.toString(8)}); set it to 600`,
      );
    }
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The services in start order; the BFF goes last so its health means "all up". */
export function serviceSpecs(env: NodeJS.ProcessEnv): ServiceSpec[] {
  const host = env.HOST ?? '127.0.0.1';
  return [
    {
      name: 'identity',
      entry: 'src/identity/server.ts',
      healthUrl: `http://${host}:${env.IDENTITY_PORT}/.well-known/openid-configuration`,
      needsClientSecret: true,
    },
    {
      name: 'tasklist',
      entry: 'src/tasklist/server.ts',
      healthUrl: `http://${host}:${env.TASKLIST_PORT}/health`,
    },
    {
      name: 'bff',
      entry: 'src/bff/server.ts',
      healthUrl: `http://${host}:${env.APP_PORT}/healthz`,
      needsClientSecret: true,
    },
  ];
}

/**
 * Files that the build writes or never reads: the route tree is regenerated by
 * every vitest run, and tests are not bundled, so neither makes dist/ stale.
 */
const NOT_BUILD_INPUTS = /(routeTree\.gen\.ts|\.test\.tsx?|[\\/]test)$/;

function newestMtime(target: string): number {
  if (!existsSync(target) || NOT_BUILD_INPUTS.test(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when `dist/` is missing or older than any input of the SPA build. */
export function isBuildStale(root: string = ROOT): boolean {
  const builtAt = newestMtime(path.join(root, 'dist', 'index.html'));
  if (builtAt === 0) return true;
  const inputs = [
    'src/app',
    'public',
    'index.html',
    'vite.config.ts',
    'package-lock.json',
  ];
  return inputs.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

// --- Ports (H57) -------------------------------------------------------------

export interface PortNeed {
  port: number;
  host: string;
  /** The setting that moves it. */
  setting: string;
}

/** Every port the stack will listen on, with the setting that moves it. */
export function portsNeeded(
  env: NodeJS.ProcessEnv,
  mode: LaunchMode,
): PortNeed[] {
  const host = env.HOST ?? '127.0.0.1';
  const need = (setting: string, at = host): PortNeed => ({
    port: Number(env[setting]),
    host: at,
    setting,
  });
  return [
    need('IDENTITY_PORT'),
    need('TASKLIST_PORT'),
    need('APP_PORT'),
    need('MANAGEMENT_PORT', env.MANAGEMENT_HOST ?? '127.0.0.1'),
    ...(mode === 'dev' ? [need('DEV_PORT')] : []),
  ];
}

function tryListen(need: PortNeed): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code ?? 'error');
    });
    server.listen({ port: need.port, host: need.host, exclusive: true }, () => {
      server.close(() => {
        resolve(undefined);
      });
    });
  });
}

/**
 * Checks every port before anything starts, so a taken port is one line
 * naming it and its setting, not a stack trace after half the stack is up.
 */
export async function portProblems(needs: PortNeed[]): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const need of needs) {
    const other = seen.get(need.port);
    if (other) {
      problems.push(
        `${need.setting} and ${other} are both ${String(need.port)}; give each its own port`,
      );
      continue;
    }
    seen.set(need.port, need.setting);
    const failure = await tryListen(need);
    if (failure === 'EADDRINUSE') {
      problems.push(
        `port ${String(need.port)} on ${need.host} is already in use; set ${need.setting} to a free port (e.g. ${need.setting}=${String(need.port + 1)})`,
      );
    } else if (failure !== undefined) {
      problems.push(
        `cannot listen on port ${String(need.port)} on ${need.host} (${failure}); set ${need.setting} to another port`,
      );
    }
  }
  return problems;
}

// --- Supervision (H58) -------------------------------------------------------

export interface SupervisorOptions {
  /** Starts one process of a service. */
  spawn: (spec: ServiceSpec) => ChildProcess;
  log: (line: string) => void;
  /** The wait before restart number `attempt` (1, 2, …). */
  backoffMs?: (attempt: number) => number;
  /** Up this long, a service's crash count starts over. */
  stableMs?: number;
  healthTimeoutMs?: number;
}

/** 1 s, 2 s, 4 s … at most 30 s. */
export const defaultBackoffMs = (attempt: number) =>
  Math.min(30_000, 1000 * 2 ** (attempt - 1));

interface Supervised {
  spec: ServiceSpec;
  child: ChildProcess;
  attempts: number;
  upSince: number;
  timer?: NodeJS.Timeout;
}

/**
 * Runs the services. A service that crashes after it came up is restarted
 * with a growing back-off while the others keep running; the stack stops
 * only on Ctrl-C, SIGTERM, or a service that cannot start in the first place.
 */
export class Supervisor {
  readonly #services: Supervised[] = [];
  readonly #options: Required<SupervisorOptions>;
  #stopping = false;

  constructor(options: SupervisorOptions) {
    this.#options = {
      backoffMs: defaultBackoffMs,
      stableMs: 60_000,
      healthTimeoutMs: 60_000,
      ...options,
    };
  }

  /** Starts a service and waits until it is healthy; throws if it cannot. */
  async start(spec: ServiceSpec): Promise<void> {
    const service: Supervised = {
      spec,
      child: this.#options.spawn(spec),
      attempts: 0,
      upSince: Date.now(),
    };
    this.#services.push(service);
    this.#watch(service);
    await this.#waitForHealth(service);
    service.upSince = Date.now();
  }

  /** The current process of a service (for tests and logs). */
  pidOf(name: string): number | undefined {
    return this.#services.find((s) => s.spec.name === name)?.child.pid;
  }

  #watch(service: Supervised): void {
    const { child, spec } = service;
    child.once('exit', (code, signal) => {
      if (this.#stopping || service.child !== child) return;
      if (Date.now() - service.upSince >= this.#options.stableMs) {
        service.attempts = 0;
      }
      service.attempts += 1;
      const wait = this.#options.backoffMs(service.attempts);
      this.#options.log(
        `[launcher] ${spec.name} stopped unexpectedly (${signal ?? `code ${String(code)}`}); restarting in ${formatMs(wait)} (restart ${String(service.attempts)}); the other services keep running`,
      );
      service.timer = setTimeout(() => {
        void this.#restart(service);
      }, wait);
    });
  }

  async #restart(service: Supervised): Promise<void> {
    if (this.#stopping) return;
    service.child = this.#options.spawn(service.spec);
    service.upSince = Date.now();
    this.#watch(service);
    try {
      await this.#waitForHealth(service);
      this.#options.log(`[launcher] ${service.spec.name} is up again`);
    } catch {
      // The exit handler schedules the next attempt.
    }
  }

  async #waitForHealth(service: Supervised): Promise<void> {
    const { spec } = service;
    const child = service.child;
    if (spec.healthUrl === '') return;
    const deadline = Date.now() + this.#options.healthTimeoutMs;
    while (Date.now() < deadline && !this.#stopping) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${spec.name} exited with code ${String(child.exitCode ?? child.signalCode)} while starting (its message is above)`,
        );
      }
      try {
        const res = await fetch(spec.healthUrl, {
          signal: AbortSignal.timeout(2000),
        });
        if (res.ok) return;
      } catch {
        // Not listening yet; try again shortly.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!this.#stopping) {
      throw new Error(
        `${spec.name} did not become healthy at ${spec.healthUrl}`,
      );
    }
  }

  /** Stops every service: SIGTERM, then SIGKILL after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.#stopping = true;
    await Promise.all(
      this.#services.map(async (service) => {
        clearTimeout(service.timer);
        const { child } = service;
        if (child.exitCode !== null || child.signalCode !== null) return;
        await new Promise<void>((resolve) => {
          child.once('exit', () => {
            resolve();
          });
          child.kill('SIGTERM');
          // A service that ignores SIGTERM for too long is killed outright.
          setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
        });
      }),
    );
  }
}

const formatMs = (ms: number) =>
  ms >= 1000 ? `${String(Math.round(ms / 100) / 10)} s` : `${String(ms)} ms`;

// --- main ----------------------------------------------------------------------

async function main(argv: string[]): Promise<void> {
  const mode: LaunchMode = argv.includes('dev') ? 'dev' : 'start';
  // Settings in .env apply, but never over what the shell already set.
  const dotenv = path.join(ROOT, '.env');
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  const env = buildStackEnv(process.env, mode);
  const dataDir = env.DATA_DIR ?? path.join(ROOT, '.data');

  // Before anything starts or builds: every port must be free (H57).
  const problems = await portProblems(portsNeeded(env, mode));
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[launcher] ${problem}`);
    process.exit(1);
  }

  // Test runs ask for a fresh world so every run starts from the same seed.
  if (argv.includes('--fresh-data')) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = clientSecret(process.env, dataDir);

  const viteBin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (mode === 'start' && isBuildStale()) {
    console.log('[launcher] dist/ is missing or stale: building the SPA');
    await run(process.execPath, [viteBin, 'build'], {
      ...env,
      NODE_ENV: 'production',
    });
  }

  const supervisor = new Supervisor({
    spawn: (spec) =>
      spec.name === 'vite'
        ? spawn(process.execPath, [viteBin], {
            cwd: ROOT,
            env,
            stdio: 'inherit',
          })
        : spawn(process.execPath, ['--import', 'tsx', spec.entry], {
            cwd: ROOT,
            env: serviceEnv(spec, env, secret),
            stdio: 'inherit',
          }),
    log: (line) => {
      console.error(line);
    },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await supervisor.stopAll();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const specs = serviceSpecs(env).filter((spec) =>
    existsSync(path.join(ROOT, spec.entry)),
  );
  try {
    for (const spec of specs) {
      await supervisor.start(spec);
      console.log(`[launcher] ${spec.name} is up`);
    }
    if (mode === 'dev') {
      await supervisor.start({ name: 'vite', entry: viteBin, healthUrl: '' });
    }
  } catch (error) {
    console.error('[launcher]', error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }

  const appUrl =
    mode === 'dev'
      ? `http://${env.HOST}:${env.DEV_PORT}`
      : `http://${env.HOST}:${env.APP_PORT}`;
  console.log(
    `[launcher] Tasklist Inbox is ready at ${appUrl} (Ctrl-C stops it)`,
  );
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error('[launcher]', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
