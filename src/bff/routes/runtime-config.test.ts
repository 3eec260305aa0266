import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { startBffHarness } from '../test/bff-harness';
import { runtimeConfigProblems } from '../test/runtime-config-schema';
import { runtimeConfig } from './config';

// GET /api/config against the contract the SPA's tests also hold their parser
// to (src/bff/runtime-config.schema.json): every configuration the BFF
// accepts yields a body the schema allows, and nothing more, in both modes.

const { idp, bff } = await startBffHarness();

const MODES = ['direct', 'proxy'] as const;

/** Settings the BFF accepts; each must give a valid body. */
const ACCEPTED: [string, NodeJS.ProcessEnv][] = [
  ['the defaults', {}],
  [
    'every optional setting',
    {
      POLL_INTERVAL_MS: '10000',
      BFF_FEATURES: 'bulk-claim,drafts=false,live_refresh',
      OIDC_CLIENT_ID: 'inbox-spa',
      OIDC_SCOPES: 'openid groups',
      BFF_RESOURCE: 'https://inbox.example.com/bff',
      TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql',
      FRAME_ANCESTORS:
        "'self' https://portal.example.com http://127.0.0.1:4499",
      BRAND_ACCENT_COLOR: '#0F62FE',
      BRAND_FONT_FAMILY: "'IBM Plex Sans',Arial ,  sans-serif",
      BRAND_LOGO_URL: 'https://cdn.example.com/brand/logo.svg?v=2',
    },
  ],
  ['a logo on the app origin', { BRAND_LOGO_URL: '/brand/logo.png' }],
  ['nobody may frame the app', { FRAME_ANCESTORS: "'none'" }],
  ['the shortest poll interval', { POLL_INTERVAL_MS: '1000' }],
  ['the longest poll interval', { POLL_INTERVAL_MS: '3600000' }],
  [
    'a Tasklist on a port with a path',
    { TASKLIST_GRAPHQL_URL: 'http://tasklist.internal:8080/v1/graphql' },
  ],
  [
    'a Tasklist on an IPv6 loopback',
    { TASKLIST_GRAPHQL_URL: 'http://[::1]:8080/graphql' },
  ],
];

/**
 * Settings at the edge of what a URL or a name may be: the BFF either refuses
 * them at start-up or turns them into a body the schema allows, never a body
 * the SPA would refuse.
 */
const EDGES: NodeJS.ProcessEnv[] = [
  { OIDC_ISSUER: 'http://idp.example/realms/camunda?kc=1' },
  { OIDC_ISSUER: 'http://idp.example/realms/camunda#top' },
  { OIDC_ISSUER: 'http://user:secret@idp.example' },
  { OIDC_ISSUER: 'HTTP://idp.example' },
  { OIDC_ISSUER: 'http://idp_service:8080/realms/a@b' },
  { OIDC_ISSUER: 'http://bücher.example/' },
  { OIDC_ISSUER: 'http://[::1]:18080/' },
  { TASKLIST_GRAPHQL_URL: 'http://user:secret@tasklist.example/graphql' },
  { TASKLIST_GRAPHQL_URL: 'http://tasklist.example/graphql#x' },
  { TASKLIST_GRAPHQL_URL: 'http://tasklist.example/graphql?tenant=a' },
  { OIDC_CLIENT_ID: '   ', OIDC_SCOPES: ' ', BFF_RESOURCE: '\t' },
  { FRAME_ANCESTORS: 'https://Portal.Example.com' },
  { FRAME_ANCESTORS: 'https://portal.example.com:443' },
  { FRAME_ANCESTORS: 'https://portal.example.com/' },
  { FRAME_ANCESTORS: 'https://*.example.com' },
  { BRAND_ACCENT_COLOR: 'red' },
  { BRAND_FONT_FAMILY: 'Arial; color: red' },
  { BRAND_FONT_FAMILY: Array.from({ length: 67 }, () => 'ab').join(',') },
  { BRAND_FONT_FAMILY: '"Arial",,serif' },
  { BRAND_LOGO_URL: 'https://CDN.Example.com/a b.svg' },
  { BRAND_LOGO_URL: 'https://cdn.example.com' },
  { BRAND_LOGO_URL: 'https://u:p@cdn.example.com/x.svg' },
  { BRAND_LOGO_URL: 'https://bücher.example/logo.svg' },
  { BRAND_LOGO_URL: '/brand/a b.svg' },
  { BRAND_LOGO_URL: '/\\evil.example/logo.svg' },
  { BRAND_LOGO_URL: 'http://cdn.example.com/logo.svg' },
];

describe.each(MODES)(
  '/api/config follows runtime-config.schema.json in %s mode',
  (mode) => {
    test.each(ACCEPTED)('with %s', async (_label, env) => {
      const response = await (
        await bff({ ...env, BFF_MODE: mode })
      ).inject({ url: '/api/config' });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ mode: string }>();
      expect(body.mode).toBe(mode);
      expect(runtimeConfigProblems(body)).toEqual([]);
    });

    test.each(EDGES)('with %o, or the BFF refuses to start', (env) => {
      let body;
      try {
        body = runtimeConfig(
          loadConfig({ NODE_ENV: 'test', ...env, BFF_MODE: mode }).config,
        );
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return;
      }
      expect(runtimeConfigProblems(body)).toEqual([]);
    });

    test('the issuer is the one the SPA signs in at', async () => {
      const body = (
        await (await bff({ BFF_MODE: mode })).inject({ url: '/api/config' })
      ).json<{ oidc: { authority: string } }>();
      expect(body.oidc.authority).toBe(idp.issuer);
    });
  },
);

test("the browser learns Tasklist's address in direct mode only", () => {
  const env = {
    NODE_ENV: 'test',
    TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql',
  };
  const direct = runtimeConfig(
    loadConfig({ ...env, BFF_MODE: 'direct' }).config,
  );
  const proxy = runtimeConfig(loadConfig({ ...env, BFF_MODE: 'proxy' }).config);
  expect(direct.tasklistGraphqlUrl).toBe(
    'https://tasklist.example.com/graphql',
  );
  expect(proxy.tasklistGraphqlUrl).toBe('/graphql');
  expect(JSON.stringify(proxy)).not.toContain('tasklist.example.com');
});

describe('on a REST API v2 upstream (Camunda 8.8+, what npm start runs)', () => {
  const env = {
    BFF_MODE: 'proxy',
    TASKLIST_UPSTREAM: 'rest-v2',
    CAMUNDA_REST_URL: 'https://camunda.example.com/v2',
  };

  test('/api/config follows the schema and names /graphql', async () => {
    const response = await (await bff(env)).inject({ url: '/api/config' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ mode: string; tasklistGraphqlUrl: string }>();
    expect(runtimeConfigProblems(body)).toEqual([]);
    expect(body.mode).toBe('proxy');
    expect(body.tasklistGraphqlUrl).toBe('/graphql');
  });

  test("the browser never learns Camunda's address", () => {
    const body = runtimeConfig(loadConfig({ NODE_ENV: 'test', ...env }).config);
    expect(JSON.stringify(body)).not.toContain('camunda.example.com');
  });
});

describe('the schema itself', () => {
  const { config } = loadConfig({ NODE_ENV: 'test' });
  const valid = runtimeConfig(config);

  test('refuses any field it does not name, so nothing extra can leak out', () => {
    expect(runtimeConfigProblems({ ...valid, clientSecret: 'x' })).toEqual([
      '/ must NOT have additional properties',
    ]);
    expect(
      runtimeConfigProblems({
        ...valid,
        oidc: { ...valid.oidc, clientSecret: 'x' },
      }),
    ).toEqual(['/oidc must NOT have additional properties']);
    expect(
      runtimeConfigProblems({ ...valid, brand: { logoUrl: '/x', css: 'x' } }),
    ).toEqual(['/brand must NOT have additional properties']);
    expect(
      runtimeConfigProblems({ ...valid, embed: { allowedOrigins: ['*'] } }),
    ).toHaveLength(1);
  });

  test('refuses a mode other than direct or proxy, and a non-boolean flag', () => {
    expect(runtimeConfigProblems({ ...valid, mode: 'relay' })).toHaveLength(1);
    expect(
      runtimeConfigProblems({ ...valid, features: { drafts: 'yes' } }),
    ).toHaveLength(1);
  });
});
