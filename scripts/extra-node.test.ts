import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withSqliteBinding, withoutNpmConfig } from './extra-node';

// The parts of the second-Node run that could hurt the first: the machine
// Node's better-sqlite3 build always comes back, and npm's configuration
// never steers the native build.

const root = mkdtempSync(path.join(tmpdir(), 'extra-node-'));
const release = path.join(
  root,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
);
const target = path.join(release, 'better_sqlite3.node');
const replacement = path.join(root, 'node24.node');
mkdirSync(release, { recursive: true });
writeFileSync(replacement, 'built for Node 24');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('withSqliteBinding', () => {
  it('puts the other build in place for the run and the machine build back after it', () => {
    writeFileSync(target, 'built for Node 20');
    const seen = withSqliteBinding(root, replacement, () =>
      readFileSync(target, 'utf8'),
    );
    expect(seen).toBe('built for Node 24');
    expect(readFileSync(target, 'utf8')).toBe('built for Node 20');
  });

  it('puts the machine build back when the run throws', () => {
    writeFileSync(target, 'built for Node 20');
    expect(() =>
      withSqliteBinding(root, replacement, () => {
        throw new Error('suite crashed');
      }),
    ).toThrow('suite crashed');
    expect(readFileSync(target, 'utf8')).toBe('built for Node 20');
  });
});

describe('withoutNpmConfig', () => {
  it("drops npm's variables (nodedir above all) and puts the other Node first on PATH", () => {
    const saved = { ...process.env };
    try {
      process.env.npm_config_nodedir = '/usr';
      process.env.NPM_CONFIG_CACHE = '/tmp/npm';
      process.env.PATH = '/usr/bin';
      const env = withoutNpmConfig('/tmp/node24/bin');
      expect(env.npm_config_nodedir).toBeUndefined();
      expect(env.NPM_CONFIG_CACHE).toBeUndefined();
      expect(env.PATH).toBe(`/tmp/node24/bin${path.delimiter}/usr/bin`);
    } finally {
      process.env = saved;
    }
  });
});
