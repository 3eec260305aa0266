import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the real stack, started exactly as `npm start`
 * starts it, but on ports of their own and with a fresh data directory so a
 * running development stack is never touched and every run sees the same seed.
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
const baseURL = `http://${host}:${E2E_PORTS.app}`;

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
  webServer: {
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
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // A Modeler-exported diagram dropped in, as a process designer would:
      // the processes journey starts it and works its embedded form.
      PROCESSES_DIR: 'e2e/fixtures/processes',
      // Every test signs in and loads pages as the same few users from one IP;
      // production limits would turn a fast suite into 429s.
      BFF_RATE_LIMIT_PER_USER: '1000',
      BFF_RATE_LIMIT_PER_IP: '10000',
      ...(process.env.OAUTH_CLIENT_SECRET
        ? { OAUTH_CLIENT_SECRET: process.env.OAUTH_CLIENT_SECRET }
        : {}),
    },
  },
});
