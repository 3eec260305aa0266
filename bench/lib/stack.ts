/**
 * The whole stack as `npm start` runs it, for the benchmarks that drive the
 * inbox in Chromium (`browser.ts` and the focused `_*.ts` scripts), and the
 * sign-in through the embedded provider's page.
 */
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { freePort, startNode } from './processes';

export interface StackPorts {
  app: number;
  tasklist: number;
  identity: number;
  management: number;
  dev: number;
}

/**
 * Free loopback ports, or, with `fromEnvironment`, the ports an engineer's
 * shell names (`APP_PORT`, …) where it names them.
 */
export async function stackPorts(fromEnvironment = false): Promise<StackPorts> {
  const port = async (name: string) => {
    const named = fromEnvironment ? process.env[name] : undefined;
    return named ? Number(named) : await freePort();
  };
  return {
    app: await port('APP_PORT'),
    tasklist: await port('TASKLIST_PORT'),
    identity: await port('IDENTITY_PORT'),
    management: await port('MANAGEMENT_PORT'),
    dev: await port('DEV_PORT'),
  };
}

export const appUrlOf = (ports: StackPorts) =>
  `http://127.0.0.1:${String(ports.app)}`;

/** Starts the launcher on `ports` with the Tasklist database in `dataDir`. */
export function startBenchStack(options: {
  ports: StackPorts;
  dataDir: string;
  /**
   * Chosen by the caller: with OAUTH_CLIENT_SECRET in the environment (as in
   * CI) the launcher writes no secret file to read back.
   */
  clientSecret: string;
}): ChildProcess {
  const { ports } = options;
  return startNode('src/launcher.ts', {
    args: ['start'],
    env: {
      ...process.env,
      OAUTH_CLIENT_SECRET: options.clientSecret,
      APP_PORT: String(ports.app),
      TASKLIST_PORT: String(ports.tasklist),
      IDENTITY_PORT: String(ports.identity),
      MANAGEMENT_PORT: String(ports.management),
      DEV_PORT: String(ports.dev),
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      // One user loads 200 pages in seconds; production limits would 429.
      BFF_RATE_LIMIT_PER_USER: '1000000',
      BFF_RATE_LIMIT_PER_IP: '1000000',
      TASKLIST_RATE_LIMIT_PER_MINUTE: '1000000',
      BFF_GRAPHQL_RATE_LIMIT_PER_USER: '1000000',
      // Proxy mode (the default) shows a user only the tasks they may work
      // on; the figures need every open task in the user's list.
      BFF_TASK_VISIBILITY: 'all',
    },
    // The launcher prints its own progress; problems matter.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Signs `user` in (password = user name) from a page that asked for /tasks. */
export async function signIn(page: Page, user: string): Promise<void> {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/tasks'));
}
