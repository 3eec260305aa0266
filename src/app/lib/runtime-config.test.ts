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
  embed: { allowedOrigins: ['https://portal.example.com', "'self'"] },
  brand: {
    accentColor: '#0f62fe',
    fontFamily: "'IBM Plex Sans', sans-serif",
    logoUrl: 'https://cdn.example.com/logo.svg',
  },
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
      embed: { allowedOrigins: [] },
      brand: {},
    });
  });

  it('checks the embed origins and brand tokens strictly (issue 13)', () => {
    expect(() =>
      parseRuntimeConfig({
        ...valid,
        embed: { allowedOrigins: ['*', 'https://portal.example.com/'] },
        brand: {
          accentColor: 'red',
          fontFamily: 'x;y',
          logoUrl: 'javascript:alert(1)',
        },
      }),
    ).toThrow(
      'The app configuration is invalid (embed.allowedOrigins, brand.accentColor, brand.fontFamily, brand.logoUrl).',
    );
    expect(() => parseRuntimeConfig({ ...valid, embed: 'yes' })).toThrow(
      /\(embed\)/,
    );
    expect(() =>
      parseRuntimeConfig({ ...valid, embed: { allowedOrigins: 'x' } }),
    ).toThrow(/\(embed\.allowedOrigins\)/);
    expect(() => parseRuntimeConfig({ ...valid, brand: [] })).toThrow(
      /\(brand\)/,
    );
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
