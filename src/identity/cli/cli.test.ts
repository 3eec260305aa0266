import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys, readKeyFile } from '../keys';
import { verifyPassword } from '../password-hash';

// The command-line tools, run the way their npm scripts run them.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'identity-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run <script>` as npm would, with Node's own binary. */
function runScript(
  script: string,
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const [command, ...args] = (scripts[script] ?? '').split(' ');
  expect(command, `package.json script ${script}`).toBe('node');
  return spawnSync(process.execPath, args, {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
}

describe('identity:hash-password', () => {
  it('prints one scrypt hash of the piped password, and the hint on stderr', async () => {
    const run = runScript('identity:hash-password', {
      input: 'correct horse battery\n',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const hash = lines[0] ?? '';
    expect(hash).toMatch(/^\$scrypt\$/);
    // The trailing newline of `echo` is not part of the password.
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery\n', hash)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('correct horse');
    expect(run.stderr).toMatch(/passwordHash/);
  });

  it('refuses an empty password with a message and a failing status', () => {
    const run = runScript('identity:hash-password', { input: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/No password given/);
  });
});

describe('identity:rotate-keys', () => {
  it('rotates the configured key file', async () => {
    const dataDir = path.join(dir, 'data');
    const file = path.join(dataDir, 'identity-keys.json');
    const { keys } = await loadOrCreateKeys(file);
    const run = runScript('identity:rotate-keys', {
      env: { DATA_DIR: dataDir, IDENTITY_KEYS_FILE: '' },
    });
    expect(run.status).toBe(0);
    const after = readKeyFile(file);
    expect(after.signing).toHaveLength(2);
    expect(after.signing[1]?.kid).toBe(keys.signing[0]?.kid);
    expect(run.stdout).toContain(
      `New signing key ${after.signing[0]?.kid ?? '?'}`,
    );
    expect(run.stdout).toMatch(/Restart the identity provider/);
    // Private key material never goes to the terminal.
    expect(run.stdout + run.stderr).not.toContain(after.signing[0]?.d ?? '?');
  });

  it('creates the key file when there is none yet', () => {
    const file = path.join(dir, 'fresh', 'keys.json');
    const run = runScript('identity:rotate-keys', {
      env: { IDENTITY_KEYS_FILE: file },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No key file yet: created/);
    expect(readKeyFile(file).signing).toHaveLength(1);
  });
});
