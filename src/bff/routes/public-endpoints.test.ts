import { expect, test } from 'vitest';
import { managementOf } from '../app';
import { APP_ORIGIN, startBffHarness } from '../test/bff-harness';

// /api/config, /healthz and /metrics: their shapes, headers, and that none
// of them ever calls the token provider.

const { idp, upstream, bff } = await startBffHarness();

test('/api/config reflects the environment, for GET and HEAD, never cached', async () => {
  const server = await bff({
    POLL_INTERVAL_MS: '10000',
    BFF_FEATURES: 'bulk-claim,drafts=false',
    OIDC_CLIENT_ID: 'inbox-spa',
    OIDC_SCOPES: 'openid groups',
    BFF_RESOURCE: 'https://inbox.example.com/bff',
    TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql',
    FRAME_ANCESTORS: "https://portal.example.com 'self'",
    BRAND_ACCENT_COLOR: '#0F62FE',
    BRAND_FONT_FAMILY: "'IBM Plex Sans', Arial,sans-serif",
    BRAND_LOGO_URL: 'https://cdn.example.com/brand/logo.svg',
  });
  const response = await server.inject({ url: '/api/config' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.json()).toEqual({
    mode: 'direct',
    tasklistGraphqlUrl: 'https://tasklist.example.com/graphql',
    oidc: {
      authority: idp.issuer,
      clientId: 'inbox-spa',
      scopes: 'openid groups',
      resource: 'https://inbox.example.com/bff',
    },
    pollIntervalMs: 10000,
    features: { 'bulk-claim': true, drafts: false },
    embed: { allowedOrigins: ['https://portal.example.com', "'self'"] },
    brand: {
      accentColor: '#0f62fe',
      fontFamily: "'IBM Plex Sans', Arial, sans-serif",
      logoUrl: 'https://cdn.example.com/brand/logo.svg',
    },
  });
  const head = await server.inject({ method: 'HEAD', url: '/api/config' });
  expect(head.statusCode).toBe(200);
  expect(head.body).toBe('');
  expect(head.headers['content-type']).toMatch(/^application\/json/);
  expect(head.headers['cache-control']).toBe('no-store');
});

test('/api/config gives CORS headers to app origins only', async () => {
  const server = await bff();
  const allowed = await server.inject({
    url: '/api/config',
    headers: { origin: APP_ORIGIN },
  });
  expect(allowed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
  expect(allowed.headers.vary).toBe('Origin');
  const foreign = await server.inject({
    url: '/api/config',
    headers: { origin: 'https://evil.example' },
  });
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
});

test('/healthz, /readyz and /metrics never call the token provider', async () => {
  const server = await bff();
  const management = managementOf(server);
  upstream.calls.length = 0;
  const health = await server.inject({ url: '/healthz' });
  expect(health.json()).toEqual({ status: 'ok' });
  expect(health.headers['cache-control']).toBe('no-store');
  const ready = await management.inject({ url: '/readyz' });
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toEqual({
    status: 'ok',
    tokenFetch: {
      lastSuccessAt: null,
      failingSince: null,
      lastError: null,
      circuit: 'closed',
    },
  });
  await management.inject({ url: '/metrics' });
  await server.inject({ url: '/readyz' });
  expect(upstream.calls).toHaveLength(0);
});

test('/metrics exposes exactly the five BFF metric families in Prometheus format', async () => {
  const server = await bff();
  const response = await managementOf(server).inject({ url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(
    /^text\/plain; version=0\.0\.4/,
  );
  const families = response.body
    .split('\n')
    .filter((line) => line.startsWith('# TYPE '))
    .map((line) => line.split(' ').slice(2).join(' '))
    .sort();
  expect(families).toEqual([
    'bff_token_cache_hits_total counter',
    'bff_token_requests_total counter',
    'bff_upstream_token_duration_seconds histogram',
    'bff_upstream_token_requests_total counter',
    'bff_user_token_verifications_total counter',
  ]);
});
