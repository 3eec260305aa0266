import { randomBytes } from 'node:crypto';
import {
  defineConfig,
  devices,
  type PlaywrightTestConfig,
} from '@playwright/test';

/**
 * End-to-end tests run against the real stack, started exactly as `npm start`
 * starts it, but on ports of their own and with a fresh data directory so a
 * running development stack is never touched and every run sees the same
 * seed. The journeys run in three configurations, each against a stack of
 * its own: proxy mode on Tasklist GraphQL (`proxy`, every spec), direct mode
 * (`direct`) and proxy mode on the REST API v2 as `npm start` runs it by
 * default (`rest-v2`). The last two repeat the main journey specs only, so
 * three configurations cost little more than one. Each test makes its data
 * on its own project's stack (e2e/support/tasklist-api.ts).
 */
const host = '127.0.0.1';
export const E2E_PORTS = {
  app: Number(process.env.E2E_APP_PORT ?? 3100),
  tasklist: Number(process.env.E2E_TASKLIST_PORT ?? 8180),
  identity: Number(process.env.E2E_IDENTITY_PORT ?? 18180),
};
// The BFF's management listener follows the app port, as in the launcher, so
// two e2e runs with their own port sets never collide on it.
const managementPort = Number(
  process.env.E2E_MANAGEMENT_PORT ?? E2E_PORTS.app + 6000,
);
/** The direct-mode stack: two above each port (one above is DEV_PORT). */
export const E2E_DIRECT_PORTS = {
  app: Number(process.env.E2E_DIRECT_APP_PORT ?? E2E_PORTS.app + 2),
  tasklist: Number(
    process.env.E2E_DIRECT_TASKLIST_PORT ?? E2E_PORTS.tasklist + 2,
  ),
  identity: Number(
    process.env.E2E_DIRECT_IDENTITY_PORT ?? E2E_PORTS.identity + 2,
  ),
};
/** The rest-v2 stack: four above each port. */
export const E2E_REST_V2_PORTS = {
  app: Number(process.env.E2E_REST_V2_APP_PORT ?? E2E_PORTS.app + 4),
  tasklist: Number(
    process.env.E2E_REST_V2_TASKLIST_PORT ?? E2E_PORTS.tasklist + 4,
  ),
  identity: Number(
    process.env.E2E_REST_V2_IDENTITY_PORT ?? E2E_PORTS.identity + 4,
  ),
};
const baseURL = `http://${host}:${E2E_PORTS.app}`;
const directURL = `http://${host}:${String(E2E_DIRECT_PORTS.app)}`;
const restV2URL = `http://${host}:${String(E2E_REST_V2_PORTS.app)}`;
const origins = (port: number) => [
  `http://${host}:${String(port)}`,
  `http://localhost:${String(port)}`,
];

// Each stack's BFF and identity provider must share the BFF client's secret. A
// fresh one per run, set before the workers start, so they inherit it (the
// secret-leak test greps for it).
process.env.OAUTH_CLIENT_SECRET ??= `e2e-${randomBytes(24).toString('hex')}`;
const clientSecret = process.env.OAUTH_CLIENT_SECRET;
const logLevel = process.env.E2E_LOG_LEVEL ?? 'warn';
// Every test signs in and loads pages as the same few users from one IP;
// production limits would turn a fast suite into 429s.
const relaxedLimits = {
  BFF_RATE_LIMIT_PER_USER: '1000',
  BFF_RATE_LIMIT_PER_IP: '10000',
  BFF_GRAPHQL_RATE_LIMIT_PER_USER: '10000',
};

/** Specs about direct mode only; the `direct` project also repeats the journey. */
const DIRECT_ONLY = ['**/bff-token-exchange.spec.ts'];
const IN_BOTH_MODES = [
  '**/inbox-journey.spec.ts',
  '**/processes.spec.ts',
  '**/client-secret.spec.ts',
  '**/filters-keyboard.spec.ts',
];
/** The journeys on Camunda 8.8's API (issue 12), and paging on it. */
const REST_V2_ONLY = ['**/rest-v2-paging.spec.ts'];
const ON_REST_V2 = [
  '**/inbox-journey.spec.ts',
  '**/processes.spec.ts',
  '**/filters-keyboard.spec.ts',
  ...REST_V2_ONLY,
];
/**
 * The portal page of e2e/embed-portal.spec.ts (issue 13): another site
 * (`localhost` against the app's 127.0.0.1), allowed by FRAME_ANCESTORS.
 */
export const E2E_PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 4599);

/**
 * `npm run docs:screenshots` sets this: the README's screenshots become a
 * project of their own. Without it the project does not exist, so
 * `npm test` never runs it.
 */
const docsScreenshots = Boolean(process.env.DOCS_SCREENSHOTS);
const SCREENSHOTS_SPEC = /screenshots\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  outputDir: `./test-results/${E2E_PORTS.app}`,
  fullyParallel: false,
  // One Chromium on two cores: serial runs are faster and far less flaky.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME
    ? [['list'], ['json']]
    : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // The tests. Each starts the process instances it needs through the API
    // of its project's stack (e2e/support/tasklist-api.ts) and never relies
    // on the seeded tasks.
    {
      name: 'proxy',
      use: { baseURL },
      testIgnore: [...DIRECT_ONLY, ...REST_V2_ONLY, SCREENSHOTS_SPEC],
    },
    {
      name: 'direct',
      use: { baseURL: directURL },
      testMatch: [...DIRECT_ONLY, ...IN_BOTH_MODES],
    },
    { name: 'rest-v2', use: { baseURL: restV2URL }, testMatch: ON_REST_V2 },
    ...(docsScreenshots
      ? [
          {
            name: 'docs-screenshots',
            use: { baseURL },
            testMatch: SCREENSHOTS_SPEC,
            retries: 0,
          },
        ]
      : []),
  ],
  // The screenshots need only the proxy stack (the mode `npm start` runs).
  webServer: [
    stack('proxy', 'graphql', { ...E2E_PORTS, management: managementPort }),
    ...(docsScreenshots
      ? []
      : [
          stack('direct', 'graphql', {
            ...E2E_DIRECT_PORTS,
            management: Number(
              process.env.E2E_DIRECT_MANAGEMENT_PORT ??
                E2E_DIRECT_PORTS.app + 6000,
            ),
          }),
          stack('proxy', 'rest-v2', {
            ...E2E_REST_V2_PORTS,
            management: Number(
              process.env.E2E_REST_V2_MANAGEMENT_PORT ??
                E2E_REST_V2_PORTS.app + 6000,
            ),
          }),
        ]),
  ],
});

/**
 * One stack as `npm start` runs it, in the given mode, on its own ports and
 * data directory (per port set, so two e2e runs on one machine never share a
 * database). Playwright starts the web servers in order, so the second
 * stack finds the SPA already built by the first.
 */
function stack(
  mode: 'proxy' | 'direct',
  upstream: 'graphql' | 'rest-v2',
  ports: typeof E2E_PORTS & { management: number },
): Extract<
  NonNullable<PlaywrightTestConfig['webServer']>,
  { command: string }
> {
  return {
    command: 'node --import tsx src/launcher.ts start --fresh-data',
    url: `http://${host}:${String(ports.app)}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      APP_PORT: String(ports.app),
      TASKLIST_PORT: String(ports.tasklist),
      IDENTITY_PORT: String(ports.identity),
      DEV_PORT: String(ports.app + 1),
      MANAGEMENT_PORT: String(ports.management),
      DATA_DIR: `.data/e2e-${String(ports.app)}`,
      LOG_LEVEL: logLevel,
      // A Modeler-exported diagram dropped in, as a process designer would:
      // the processes journey starts it and works its embedded form.
      PROCESSES_DIR: 'e2e/fixtures/processes',
      BFF_MODE: mode,
      TASKLIST_UPSTREAM: upstream,
      APP_ORIGINS: origins(ports.app).join(','),
      OAUTH_CLIENT_SECRET: clientSecret,
      ...relaxedLimits,
      FRAME_ANCESTORS: `http://localhost:${String(E2E_PORTAL_PORT)}`,
    },
  };
}
