import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real process, as the launcher starts it: configuration from the
 * environment, seeding on first start, health check, graceful shutdown.
 */
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tasklist-server-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  url: Promise<string>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/tasklist/server.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TASKLIST_PORT: '0',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(
        text,
      );
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`exited with ${String(code)}: ${text}`));
    });
  });
  return { child, output: () => text, url };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else
      child.once('exit', (code) => {
        resolve(code);
      });
  });

describe('server.ts', () => {
  it('seeds an empty database, serves /health and /graphql, and shuts down cleanly on SIGTERM', async () => {
    const server = start({
      DATA_DIR: dir,
      OIDC_ISSUER: 'http://127.0.0.1:1',
      TASKLIST_SEED_NOW: '2024-05-10T08:00:00Z',
    });
    const url = await server.url;
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ status: 'UP' });
    // The identity provider is down: requests are refused, the server stays up.
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer a.b.c',
      },
      body: '{"query":"{ currentUser { userId } }"}',
    });
    expect(graphql.status).toBe(401);
    expect(server.output()).toContain('seeded the demo world');
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(server.output()).not.toContain('a.b.c');

    // Closed cleanly: the WAL was checkpointed into the main file.
    const db = new Database(path.join(dir, 'tasklist.sqlite'), {
      readonly: true,
    });
    expect(
      db.prepare('SELECT count(*) FROM task').pluck().get(),
    ).toBeGreaterThan(50);
    db.close();
  });

  it('refuses to start with a bad setting and says which', async () => {
    const server = start({
      DATA_DIR: dir,
      NODE_ENV: 'production',
      TASKLIST_CORS_ORIGINS: '*',
    });
    await expect(server.url).rejects.toThrow(/TASKLIST_CORS_ORIGINS/);
    expect(await exited(server.child)).toBe(1);
    expect(server.output()).toContain('OIDC_ISSUER');
    expect(server.output()).not.toMatch(/at .*\.ts:\d+/);
  });
});
