import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEV_ONLY_ISSUER,
  loadConfig,
  resolveDbFile,
} from './config';

const repo = path.resolve(import.meta.dirname, '../..');

describe('loadConfig', () => {
  it('has a documented default for every setting', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      production: false,
      host: '127.0.0.1',
      port: 8080,
      dbFile: path.join(repo, '.data', 'tasklist.sqlite'),
      issuer: DEV_ONLY_ISSUER,
      jwksUrl: undefined,
      audience: 'tasklist-api',
      userIdClaim: 'preferred_username',
      groupsClaim: 'groups',
      readScope: 'tasklist:read',
      writeScope: 'tasklist:write',
      clockToleranceSeconds: 30,
      corsOrigins: [],
      seedOnEmpty: true,
      seedNow: undefined,
      previewLimit: 8191,
      bodyLimitBytes: 1024 * 1024,
      rateLimitPerMinute: 1200,
      logLevel: 'info',
    });
  });

  it('reads what the launcher passes', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      TASKLIST_PORT: '8180',
      DATA_DIR: '/tmp/tl-data',
      OIDC_ISSUER: 'http://127.0.0.1:18180',
      TASKLIST_CORS_ORIGINS: 'http://127.0.0.1:3100, http://localhost:3100',
      TASKLIST_SEED_ON_EMPTY: 'false',
      TASKLIST_SEED_NOW: '2024-05-10T08:00:00Z',
    });
    expect(config).toMatchObject({
      production: true,
      host: '0.0.0.0',
      port: 8180,
      dbFile: '/tmp/tl-data/tasklist.sqlite',
      issuer: 'http://127.0.0.1:18180',
      corsOrigins: ['http://127.0.0.1:3100', 'http://localhost:3100'],
      seedOnEmpty: false,
      seedNow: new Date('2024-05-10T08:00:00Z'),
    });
  });

  it('treats empty variables as unset', () => {
    expect(
      loadConfig({ TASKLIST_PORT: '', TASKLIST_CORS_ORIGINS: '' }).port,
    ).toBe(8080);
  });

  it('refuses the development issuer in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /OIDC_ISSUER: must be set when NODE_ENV=production/,
    );
  });

  it('resolves PROCESSES_DIR and refuses one that is not a folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'processes-'));
    try {
      expect(loadConfig({ PROCESSES_DIR: dir }).processesDir).toBe(dir);
      expect(loadConfig({}).processesDir).toBeUndefined();
      expect(() =>
        loadConfig({ PROCESSES_DIR: path.join(dir, 'missing') }),
      ).toThrow(/PROCESSES_DIR: .*missing is not a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every bad setting', () => {
    let error: unknown;
    try {
      loadConfig({
        TASKLIST_PORT: '99999',
        TASKLIST_CORS_ORIGINS: 'http://ok.example,*',
        OIDC_ISSUER: 'not a url',
        TASKLIST_SEED_NOW: '2024-05-10',
        TASKLIST_SEED_ON_EMPTY: 'maybe',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'TASKLIST_PORT',
      'TASKLIST_CORS_ORIGINS',
      'OIDC_ISSUER',
      'TASKLIST_SEED_NOW',
      'TASKLIST_SEED_ON_EMPTY',
      'LOG_LEVEL',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain('"*" is not an origin');
  });

  it('refuses origins with paths or trailing slashes', () => {
    expect(() =>
      loadConfig({ TASKLIST_CORS_ORIGINS: 'http://127.0.0.1:3000/' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ TASKLIST_CORS_ORIGINS: 'http://127.0.0.1:3000/app' }),
    ).toThrow(ConfigError);
  });
});

describe('resolveDbFile', () => {
  it('prefers TASKLIST_DB, then DATA_DIR, resolving relative paths against the repository', () => {
    expect(
      resolveDbFile({ TASKLIST_DB: 'x/db.sqlite', DATA_DIR: '/elsewhere' }),
    ).toBe(path.join(repo, 'x/db.sqlite'));
    expect(resolveDbFile({ DATA_DIR: '.data/e2e-3100' })).toBe(
      path.join(repo, '.data/e2e-3100/tasklist.sqlite'),
    );
    expect(resolveDbFile({ DATA_DIR: '' })).toBe(
      path.join(repo, '.data/tasklist.sqlite'),
    );
  });
});
