import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStackEnv, isBuildStale, serviceSpecs } from './launcher';

describe('buildStackEnv', () => {
  it('derives every address from the host and ports', () => {
    const env = buildStackEnv(
      {
        APP_PORT: '3100',
        TASKLIST_PORT: '8180',
        IDENTITY_PORT: '18180',
        OAUTH_CLIENT_SECRET: 's',
      },
      'start',
    );
    expect(env.OIDC_ISSUER).toBe('http://127.0.0.1:18180');
    expect(env.OAUTH_TOKEN_URL).toBe('http://127.0.0.1:18180/token');
    expect(env.TASKLIST_GRAPHQL_URL).toBe('http://127.0.0.1:8180/graphql');
    expect(env.APP_ORIGINS?.split(',')).toContain('http://127.0.0.1:3100');
    expect(env.NODE_ENV).toBe('production');
  });

  it('keeps explicit settings over derived ones', () => {
    const env = buildStackEnv(
      {
        OIDC_ISSUER: 'https://id.example',
        OAUTH_CLIENT_SECRET: 's',
        NODE_ENV: 'test',
      },
      'dev',
    );
    expect(env.OAUTH_TOKEN_URL).toBe('https://id.example/token');
    expect(env.NODE_ENV).toBe('test');
  });

  it('refuses a port that is not a port', () => {
    expect(() => buildStackEnv({ APP_PORT: 'eighty' }, 'start')).toThrow(
      'APP_PORT must be a TCP port (1-65535), got "eighty"',
    );
  });

  it('starts the BFF last, so its health means the stack is up', () => {
    const names = serviceSpecs({
      HOST: '127.0.0.1',
      APP_PORT: '1',
      TASKLIST_PORT: '2',
      IDENTITY_PORT: '3',
    }).map((s) => s.name);
    expect(names.at(-1)).toBe('bff');
  });
});

describe('isBuildStale', () => {
  function project() {
    const root = mkdtempSync(path.join(tmpdir(), 'stale-'));
    mkdirSync(path.join(root, 'src/app'), { recursive: true });
    writeFileSync(path.join(root, 'src/app/main.tsx'), '');
    return root;
  }

  it('is stale when nothing was built', () => {
    expect(isBuildStale(project())).toBe(true);
  });

  it('is fresh when dist is newer than every input, stale after an edit', () => {
    const root = project();
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'src/app/main.tsx'), old, old);
    utimesSync(path.join(root, 'src/app'), old, old);
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist/index.html'), '<html></html>');
    expect(isBuildStale(root)).toBe(false);

    writeFileSync(path.join(root, 'src/app/main.tsx'), 'changed');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src/app/main.tsx'), later, later);
    expect(isBuildStale(root)).toBe(true);
  });
});
