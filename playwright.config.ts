import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the real stack, started exactly as `npm start`
 * starts it (proxy mode), but on ports of their own and with a fresh data
 * directory so a running development stack is never touched and every run
 * sees the same seed. A second BFF in direct mode shares that stack's
 * identity provider and Tasklist, so the journey runs in both modes: the
 * `proxy` and `direct` projects.
 */
const host = '127.0.0.1';
export const E2E_PORTS = {
  app: Number(process.env.E2E_APP_PORT ?? 3100),
  tasklist: Number(process.env.E2E_TASKLIST_PORT ?? 8180),
  identity: Number(process.env.E2E_IDENTITY_PORT ?? 18180),
};
/** The direct-mode BFF: two above the app port (one above is DEV_PORT). */
export const E2E_DIRECT_APP_PORT = Number(
  process.env.E2E_DIRECT_APP_PORT ?? E2E_PORTS.app + 2,
);
// The BFF's management listener follows the app port, as in the launcher, so
// two e2e runs with their own port sets never collide on it.
const managementPort = Number(
  process.env.E2E_MANAGEMENT_PORT ?? E2E_PORTS.app + 6000,
);
const baseURL = `http://${host}:${E2E_PORTS.app}`;
const directURL = `http://${host}:${String(E2E_DIRECT_APP_PORT)}`;
const origins = (port: number) => [
  `http://${host}:${String(port)}`,
  `http://localhost:${String(port)}`,
];
const issuer = `http://${host}:${String(E2E_PORTS.identity)}`;

// Both BFFs and the identity provider must share the BFF client's secret. A
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
const IN_BOTH_MODES = ['**/inbox-journey.spec.ts', '**/client-secret.spec.ts'];

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
    { name: 'proxy', use: { baseURL }, testIgnore: DIRECT_ONLY },
    {
      name: 'direct',
      use: { baseURL: directURL },
      testMatch: [...DIRECT_ONLY, ...IN_BOTH_MODES],
    },
  ],
  webServer: [
    {
      command: 'node --import tsx src/launcher.ts start --fresh-data',
      url: `${baseURL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        APP_PORT: String(E2E_PORTS.app),
        TASKLIST_PORT: String(E2E_PORTS.tasklist),
        IDENTITY_PORT: String(E2E_PORTS.identity),
        DEV_PORT: String(E2E_PORTS.app + 1),
        MANAGEMENT_PORT: String(managementPort),
        // Per port set, so two e2e runs on one machine never share a database.
        DATA_DIR: `.data/e2e-${E2E_PORTS.app}`,
        LOG_LEVEL: logLevel,
        // A Modeler-exported diagram dropped in, as a process designer would:
        // the processes journey starts it and works its embedded form.
        PROCESSES_DIR: 'e2e/fixtures/processes',
        BFF_MODE: 'proxy',
        // Sign-in must also send users back to the direct-mode app, and
        // Tasklist must accept that app's browser calls.
        APP_ORIGINS: [
          ...origins(E2E_PORTS.app),
          ...origins(E2E_DIRECT_APP_PORT),
        ].join(','),
        TASKLIST_CORS_ORIGINS: origins(E2E_DIRECT_APP_PORT).join(','),
        OAUTH_CLIENT_SECRET: clientSecret,
        ...relaxedLimits,
      },
    },
    {
      // Started after the stack is healthy (webServers start in order), so
      // the SPA is built and the provider and Tasklist are listening.
      command: 'node --import tsx src/bff/server.ts',
      url: `${directURL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        NODE_ENV: 'production',
        HOST: host,
        BFF_MODE: 'direct',
        APP_PORT: String(E2E_DIRECT_APP_PORT),
        MANAGEMENT_PORT: String(E2E_DIRECT_APP_PORT + 6000),
        APP_ORIGINS: origins(E2E_DIRECT_APP_PORT).join(','),
        OIDC_ISSUER: issuer,
        OAUTH_TOKEN_URL: `${issuer}/token`,
        OAUTH_CLIENT_SECRET: clientSecret,
        TASKLIST_GRAPHQL_URL: `http://${host}:${String(E2E_PORTS.tasklist)}/graphql`,
        LOG_LEVEL: logLevel,
        ...relaxedLimits,
      },
    },
  ],
});
