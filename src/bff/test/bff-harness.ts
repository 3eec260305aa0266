import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { buildApp, type BuildOptions } from '../app';
import { loadConfig, type BffConfig } from '../config';
import { startFakeIdp, type FakeIdp } from './fake-idp';
import {
  startFakeTokenEndpoint,
  type FakeTokenEndpoint,
} from './fake-token-endpoint';

/** The origin test requests come from; listed in APP_ORIGINS. */
export const APP_ORIGIN = 'http://127.0.0.1:3000';

/** A fresh random secret per run: the canary every leak test greps for. */
export const CANARY_SECRET = `canary-${randomBytes(24).toString('hex')}`;

export type TestBuildOptions = BuildOptions & { logger?: FastifyBaseLogger };

export interface TestBff {
  app: FastifyInstance;
  config: BffConfig;
}

/** The environment of a BFF wired to the given fakes. */
function testEnv(
  idp: FakeIdp,
  upstream: FakeTokenEndpoint,
  overrides: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    // Direct mode unless a suite asks for proxy mode (proxy-harness.ts does).
    BFF_MODE: 'direct',
    APP_ORIGINS: `${APP_ORIGIN},http://localhost:3000`,
    OIDC_ISSUER: idp.issuer,
    OAUTH_TOKEN_URL: upstream.url,
    OAUTH_CLIENT_SECRET: CANARY_SECRET,
    TASKLIST_GRAPHQL_URL: 'http://127.0.0.1:8080/graphql',
    BFF_RATE_LIMIT_PER_USER: '1000',
    BFF_RATE_LIMIT_PER_IP: '10000',
    ...overrides,
  };
}

/**
 * Builds a BFF against the fakes, with no-op sleeps unless the test wants
 * real ones, and ready for `app.inject`. The caller closes `app`; prefer
 * `startBffHarness`, which does.
 */
async function buildTestBff(
  idp: FakeIdp,
  upstream: FakeTokenEndpoint,
  overrides: NodeJS.ProcessEnv = {},
  options: TestBuildOptions = {},
): Promise<TestBff> {
  const { config } = loadConfig(testEnv(idp, upstream, overrides));
  const app = await buildApp(config, {
    ...options,
    deps: { sleep: () => Promise.resolve(), ...options.deps },
  });
  await app.ready();
  return { app, config };
}

/** Headers of a well-formed token request from the app. */
export function tokenHeaders(
  userToken: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    origin: APP_ORIGIN,
    'sec-fetch-site': 'same-origin',
    'x-requested-with': 'tasklist-inbox',
    authorization: `Bearer ${userToken}`,
    ...extra,
  };
}

export interface BffHarness {
  /** The fake OpenID provider that signs user tokens (`idp.mint`). */
  idp: FakeIdp;
  /** The fake client-credentials token endpoint, reset after every test. */
  upstream: FakeTokenEndpoint;
  /** The BFF built last, if it is still open. */
  current: () => FastifyInstance | undefined;
  /**
   * Builds a BFF against the fakes, with `env` on top of the harness's own
   * defaults. Built inside a test, it is closed when that test ends; built
   * in a `beforeAll`, after the file.
   */
  bff: (
    env?: NodeJS.ProcessEnv,
    options?: TestBuildOptions,
  ) => Promise<FastifyInstance>;
  /** Like `bff`, and also returns the parsed config. */
  build: (
    env?: NodeJS.ProcessEnv,
    options?: TestBuildOptions,
  ) => Promise<TestBff>;
  /** The open BFF, or a fresh one with the defaults. */
  currentOrNew: () => Promise<FastifyInstance>;
  /** Closes the BFFs this test built so far, e.g. to rebuild with other settings. */
  closeApps: () => Promise<void>;
}

export interface BffHarnessOptions {
  /** Environment every BFF of the file gets, below each build's own. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The BFF test set-up in one call, at the top of a test file:
 *
 *     const { idp, upstream, bff } = await startBffHarness();
 *
 * Starts a fake identity provider and a fake token endpoint for the file,
 * and registers vitest hooks that close the BFFs a test built when it ends,
 * reset the token endpoint's script and calls after every test, and shut
 * everything down after the file.
 */
export async function startBffHarness(
  harnessOptions: BffHarnessOptions = {},
): Promise<BffHarness> {
  const [idp, upstream] = await Promise.all([
    startFakeIdp(),
    startFakeTokenEndpoint(),
  ]);
  let inTest = false;
  const fileApps: FastifyInstance[] = [];
  let testApps: FastifyInstance[] = [];
  let current: FastifyInstance | undefined;

  async function closeAll(apps: FastifyInstance[]) {
    await Promise.all(apps.map((app) => app.close()));
    if (current && apps.includes(current)) current = undefined;
  }
  async function closeTestApps() {
    const apps = testApps;
    testApps = [];
    await closeAll(apps);
  }

  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await closeTestApps();
    upstream.reset();
  });
  afterAll(async () => {
    await closeAll(fileApps);
    await Promise.all([idp.close(), upstream.close()]);
  });

  async function build(
    env: NodeJS.ProcessEnv = {},
    options: TestBuildOptions = {},
  ) {
    const built = await buildTestBff(
      idp,
      upstream,
      { ...harnessOptions.env, ...env },
      options,
    );
    (inTest ? testApps : fileApps).push(built.app);
    current = built.app;
    return built;
  }
  async function bff(env?: NodeJS.ProcessEnv, options?: TestBuildOptions) {
    return (await build(env, options)).app;
  }

  return {
    idp,
    upstream,
    current: () => current,
    build,
    bff,
    currentOrNew: async () => current ?? bff(),
    closeApps: closeTestApps,
  };
}
