import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEV_ONLY_CLIENT_SECRET,
  keySettings,
  loadConfig,
} from './config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('identity configuration', () => {
  it('runs on its own with the documented defaults', () => {
    const config = loadConfig({});
    expect(config.issuer).toBe('http://127.0.0.1:18080');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(18080);
    expect(config.spaClientId).toBe('tasklist-inbox');
    expect(config.bffClientId).toBe('tasklist-inbox-bff');
    expect(config.tasklistResource).toEqual({
      identifier: 'urn:camunda:tasklist-api',
      audience: 'tasklist-api',
    });
    expect(config.bffResource).toEqual({
      identifier: 'urn:tasklist-inbox:bff',
      audience: 'urn:tasklist-inbox:bff',
    });
    expect(config.accessTokenTtl).toBe(300);
    expect(config.refreshTokenTtl).toBe(8 * 3600);
    expect(config.trustProxy).toEqual({ kind: 'none' });
    expect(config.allowDemoUsers).toBe(false);
    expect(config.appOrigins).toContain('http://localhost:5173');
    expect(config.keysFile).toMatch(/[\\/]\.data[\\/]identity-keys\.json$/);
    expect(config.usersFile).toMatch(/src[\\/]identity[\\/]demo-users\.json$/);
  });

  it('falls back to the DEV-ONLY secret outside production, with a warning', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.bffClientSecret).toBe(DEV_ONLY_CLIENT_SECRET);
    expect(config.warnings.join('\n')).toMatch(/DEV-ONLY/);
    // The warning names the problem, never the value.
    expect(config.warnings.join('\n')).not.toContain(DEV_ONLY_CLIENT_SECRET);
  });

  it('production refuses a missing secret', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join('\n')).toMatch(
      /OAUTH_CLIENT_SECRET is required/,
    );
  });

  it('production refuses the dev secret', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: DEV_ONLY_CLIENT_SECRET,
    });
    expect(problems.join('\n')).toMatch(/DEV-ONLY default/);
  });

  it('production accepts a real secret and warns about nothing', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: 'a-random-secret-of-enough-length',
    });
    expect(config.production).toBe(true);
    expect(config.warnings).toEqual([]);
  });

  it('derives the issuer from HOST and IDENTITY_PORT unless OIDC_ISSUER is set', () => {
    expect(
      loadConfig({ HOST: 'localhost', IDENTITY_PORT: '19000' }).issuer,
    ).toBe('http://localhost:19000');
    expect(loadConfig({ OIDC_ISSUER: 'https://id.example.com' }).issuer).toBe(
      'https://id.example.com',
    );
  });

  it('reports every bad value at once, by variable name', () => {
    const problems = problemsOf({
      IDENTITY_PORT: 'eighty',
      OIDC_ISSUER: 'http://127.0.0.1:18080/',
      APP_ORIGINS: 'http://ok.example,not a url',
      TASKLIST_RESOURCE: 'tasklist-api',
      IDENTITY_ACCESS_TOKEN_TTL: '5',
      IDENTITY_TRUST_PROXY: 'yes',
    });
    const text = problems.join('\n');
    for (const name of [
      'IDENTITY_PORT',
      'OIDC_ISSUER',
      'APP_ORIGINS',
      'TASKLIST_RESOURCE',
      'IDENTITY_ACCESS_TOKEN_TTL',
      'IDENTITY_TRUST_PROXY',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('refuses clients or resources that would be indistinguishable', () => {
    const problems = problemsOf({
      OIDC_CLIENT_ID: 'same',
      OAUTH_CLIENT_ID: 'same',
      BFF_AUDIENCE: 'tasklist-api',
    });
    expect(problems).toHaveLength(2);
  });

  it('refuses IDENTITY_TRUST_PROXY=true, which trusts what the client writes; takes hops or addresses (H62)', () => {
    expect(problemsOf({ IDENTITY_TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(
        /^IDENTITY_TRUST_PROXY: true would trust any X-Forwarded-For entry, which the client writes itself/,
      ),
    ]);
    expect(loadConfig({ IDENTITY_TRUST_PROXY: '2' }).trustProxy).toEqual({
      kind: 'hops',
      hops: 2,
    });
    expect(
      loadConfig({ IDENTITY_TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy,
    ).toMatchObject({ kind: 'addresses', list: ['10.0.0.0/8', '::1'] });
    expect(problemsOf({ IDENTITY_TRUST_PROXY: '10.0.0.0/40' })).toHaveLength(1);
  });

  it('refuses the demo users on a non-loopback HOST unless IDENTITY_ALLOW_DEMO_USERS=true (H63)', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      'HOST=0.0.0.0 is reachable from other machines, and the users are the bundled demo users (demo, alice, bob, carol) whose passwords are their usernames: set IDENTITY_USERS_FILE to your own users, or IDENTITY_ALLOW_DEMO_USERS=true for a demo on a shared network',
    ]);
    expect(problemsOf({ HOST: '192.168.1.20' })).toHaveLength(1);
    expect(
      loadConfig({ HOST: '0.0.0.0', IDENTITY_ALLOW_DEMO_USERS: 'true' })
        .allowDemoUsers,
    ).toBe(true);
    expect(
      loadConfig({ HOST: '0.0.0.0', IDENTITY_USERS_FILE: '/srv/users.json' })
        .usersFile,
    ).toBe('/srv/users.json');
    for (const host of ['127.0.0.1', '127.3.2.1', 'localhost', '::1']) {
      expect(problemsOf({ HOST: host })).toEqual([]);
    }
  });

  it('refuses a BFF audience equal to the SPA client id, which ID tokens carry (H59)', () => {
    expect(problemsOf({ BFF_AUDIENCE: 'tasklist-inbox' })).toEqual([
      'BFF_AUDIENCE must differ from OIDC_CLIENT_ID: ID tokens carry the client id as audience and would pass for access tokens at the BFF',
    ]);
  });

  it('treats empty variables as unset and reads the key settings alone', () => {
    expect(loadConfig({ OIDC_ISSUER: '', IDENTITY_KEYS_FILE: '' }).issuer).toBe(
      'http://127.0.0.1:18080',
    );
    const settings = keySettings({
      DATA_DIR: '/tmp/x',
      IDENTITY_KEYS_KEEP: '4',
    });
    expect(settings).toEqual({
      keysFile: '/tmp/x/identity-keys.json',
      keepKeys: 4,
    });
  });
});
