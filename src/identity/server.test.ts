import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_ONLY_CLIENT_SECRET } from './config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'identity-server-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.OAUTH_CLIENT_SECRET;
  delete base.NODE_ENV;
  return { ...base, DATA_DIR: dataDir, IDENTITY_PORT: '0', ...extra };
}

function runServer(extra: NodeJS.ProcessEnv) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/identity/server.ts'],
    { cwd: ROOT, env: env(extra), encoding: 'utf8', timeout: 20_000 },
  );
}

describe('server.ts', () => {
  it('refuses to start in production with the DEV-ONLY secret', () => {
    const run = runServer({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: DEV_ONLY_CLIENT_SECRET,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/OAUTH_CLIENT_SECRET is the DEV-ONLY default/);
    expect(run.stderr + run.stdout).not.toContain(DEV_ONLY_CLIENT_SECRET);
  });

  it('refuses to start in production without a secret', () => {
    const run = runServer({ NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/OAUTH_CLIENT_SECRET is required/);
  });

  it('starts, says where it listens, and exits cleanly on SIGTERM', async () => {
    const secret = 'server-test-secret-9d2b4f';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/identity/server.ts'],
      {
        cwd: ROOT,
        env: env({ NODE_ENV: 'production', OAUTH_CLIENT_SECRET: secret }),
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', resolve),
    );
    try {
      await expect
        .poll(() => output, { timeout: 15_000, interval: 100 })
        .toContain('identity provider listening');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('loaded users');
    expect(output).not.toContain(secret);
  });
});
