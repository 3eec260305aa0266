import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const valid = {
  mode: 'direct',
  tasklistGraphqlUrl: 'http://127.0.0.1:8080/graphql',
  oidc: {
    authority: 'http://127.0.0.1:18080',
    clientId: 'tasklist-inbox',
    scopes: 'openid profile email groups offline_access',
    resource: 'urn:tasklist-inbox:bff',
  },
  pollIntervalMs: 5000,
  features: {},
};

describe('runtime config', () => {
  it('accepts the BFF contract', () => {
    expect(parseRuntimeConfig(valid)).toEqual(valid);
  });

  it('fills in defaults for the optional fields', () => {
    const minimal = {
      tasklistGraphqlUrl: valid.tasklistGraphqlUrl,
      oidc: valid.oidc,
    };
    expect(parseRuntimeConfig(minimal)).toMatchObject({
      mode: 'direct',
      pollIntervalMs: 5000,
      features: {},
    });
  });

  it('names every invalid field in one clear error', () => {
    expect(() =>
      parseRuntimeConfig({
        ...valid,
        oidc: { authority: 'not a url' },
        pollIntervalMs: 10,
      }),
    ).toThrow(
      new ConfigError(
        'The app configuration is invalid (oidc.authority, oidc.clientId, oidc.scopes, pollIntervalMs).',
      ),
    );
    expect(() => parseRuntimeConfig(null)).toThrow(ConfigError);
  });
});
