import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ConfigError, DEV_ONLY_CLIENT_SECRET, loadConfig } from './config';
import { buildTokenRequest } from './token/token-request';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('defaults', () => {
  test('an empty environment gives the embedded defaults, with a dev-secret warning', () => {
    const { config, warnings } = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      mode: 'proxy',
      appOrigins: [
        'http://127.0.0.1:3000',
        'http://localhost:3000',
        'http://127.0.0.1:5173',
        'http://localhost:5173',
      ],
      oidc: {
        issuer: 'http://127.0.0.1:18080',
        clientId: 'tasklist-inbox',
        resource: 'urn:tasklist-inbox:bff',
      },
      userToken: {
        audience: 'urn:tasklist-inbox:bff',
        algorithms: ['RS256', 'PS256', 'ES256'],
        clockToleranceS: 30,
        typ: 'at+jwt',
        clientId: 'tasklist-inbox',
      },
      allowedGroups: [],
      rateLimit: { perUser: 20, perIp: 120 },
      pollIntervalMs: 5000,
      frameAncestors: [],
      oauth: {
        tokenUrl: 'http://127.0.0.1:18080/token',
        clientId: 'tasklist-inbox-bff',
        audience: 'tasklist-api',
        bodyFormat: 'form',
        timeoutMs: 4000,
      },
    });
    expect(config.oauth.clientSecret.reveal()).toBe(DEV_ONLY_CLIENT_SECRET);
    expect(warnings.join('\n')).toMatch(/DEV-ONLY/);
  });

  test('the token URL follows OIDC_ISSUER unless set', () => {
    const { config } = loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:18180' });
    expect(config.oauth.tokenUrl).toBe('http://127.0.0.1:18180/token');
  });

  test('the secret never shows when the config is logged or serialised', () => {
    const { config } = loadConfig({ OAUTH_CLIENT_SECRET: 'very-secret-value' });
    expect(JSON.stringify(config)).not.toContain('very-secret-value');
    expect(inspect(config, { depth: 10 })).not.toContain('very-secret-value');
    expect(String(config.oauth.clientSecret)).not.toContain(
      'very-secret-value',
    );
  });
});

describe('validation', () => {
  test('every problem is reported at once, naming the variable', () => {
    const found = problems({
      APP_PORT: 'eighty',
      APP_ORIGINS: 'http://ok.example,https://bad.example/path',
      BFF_CLOCK_TOLERANCE_S: '120',
      BFF_USER_TOKEN_ALGORITHMS: 'RS256,HS256',
      OAUTH_BODY_FORMAT: 'xml',
      TASKLIST_GRAPHQL_URL: 'ftp://tasklist',
    });
    expect(found).toHaveLength(6);
    for (const name of [
      'APP_PORT',
      'APP_ORIGINS',
      'BFF_CLOCK_TOLERANCE_S',
      'BFF_USER_TOKEN_ALGORITHMS',
      'OAUTH_BODY_FORMAT',
      'TASKLIST_GRAPHQL_URL',
    ]) {
      expect(
        found.some((p) => p.startsWith(name)),
        name,
      ).toBe(true);
    }
  });

  test('addresses handed to the browser carry no credentials or fragment, and the issuer no query', () => {
    expect(
      problems({
        OIDC_ISSUER: 'https://user:secret@login.example.com/realms/a?x=1#y',
        TASKLIST_GRAPHQL_URL: 'HTTPS://tasklist.example.com/graphql#top',
      }),
    ).toEqual([
      'OIDC_ISSUER: must not contain a user name or password',
      'OIDC_ISSUER: must not contain a fragment',
      'OIDC_ISSUER: must not contain a query',
      'TASKLIST_GRAPHQL_URL: must start with http:// or https:// in lower case',
      'TASKLIST_GRAPHQL_URL: must not contain a fragment',
    ]);
    expect(
      loadConfig({
        TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql?tenant=a',
      }).config.tasklistGraphqlUrl,
    ).toBe('https://tasklist.example.com/graphql?tenant=a');
  });

  test('a setting of only blanks counts as unset', () => {
    const { config } = loadConfig({ OIDC_CLIENT_ID: '  ', OIDC_SCOPES: '\t' });
    expect(config.oidc.clientId).toBe('tasklist-inbox');
    expect(config.oidc.scopes).toBe(
      'openid profile email groups offline_access',
    );
  });

  test('proxy-mode settings: defaults, limits, and a warning for plain http to a remote Tasklist', () => {
    const { config } = loadConfig({});
    expect(config.proxy).toMatchObject({
      signingKeyFile: undefined,
      tokenIssuer: 'urn:tasklist-inbox:bff',
      tokenTtlS: 300,
      usernameClaim: 'preferred_username',
      visibility: 'candidates',
      rateLimitPerUser: 600,
      startProcessPerUser: 10,
      upstream: {
        kind: 'graphql',
        graphqlUrl: 'http://127.0.0.1:8080/graphql',
        timeoutMs: 8000,
        connections: 64,
      },
    });
    expect(
      problems({
        BFF_TOKEN_TTL_S: '3600',
        BFF_TASK_VISIBILITY: 'everyone',
        BFF_UPSTREAM_TIMEOUT_MS: '10',
      }),
    ).toEqual([
      'BFF_TOKEN_TTL_S: must be at most 300',
      'BFF_TASK_VISIBILITY: must be candidates or all',
      'BFF_UPSTREAM_TIMEOUT_MS: must be at least 100',
    ]);
    const remote = loadConfig({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: 's3cr3t',
      TASKLIST_GRAPHQL_URL: 'http://tasklist.internal:8080/graphql',
    });
    expect(remote.warnings.join()).toMatch(/machine token crosses the network/);
  });

  test('the upstream kind: graphql by default, rest-v2 with its URL and auth; direct mode refuses rest-v2 and says why (issue 12)', () => {
    expect(loadConfig({}).config.proxy.upstream).toMatchObject({
      kind: 'graphql',
      restUrl: 'http://127.0.0.1:8080/v2',
      restAuth: 'oauth',
    });
    const v2 = loadConfig({
      TASKLIST_UPSTREAM: 'rest-v2',
      CAMUNDA_REST_URL: 'https://bru-2.zeebe.camunda.io/abc/v2/',
    }).config.proxy.upstream;
    expect(v2).toMatchObject({
      kind: 'rest-v2',
      restUrl: 'https://bru-2.zeebe.camunda.io/abc/v2',
    });
    const direct = problems({
      BFF_MODE: 'direct',
      TASKLIST_UPSTREAM: 'rest-v2',
    });
    expect(direct).toHaveLength(1);
    expect(direct[0]).toMatch(
      /^TASKLIST_UPSTREAM: rest-v2 needs BFF_MODE=proxy\. .*Camunda 8\.8 and later have none.*Set BFF_MODE=proxy \(the default\), or TASKLIST_UPSTREAM=graphql/,
    );
    expect(
      problems({
        TASKLIST_UPSTREAM: 'rest',
        CAMUNDA_REST_URL: 'ftp://x/v2',
        CAMUNDA_REST_AUTH: 'basic',
      }),
    ).toEqual([
      'TASKLIST_UPSTREAM: must be graphql or rest-v2',
      'CAMUNDA_REST_URL: must be an http(s) URL',
      'CAMUNDA_REST_AUTH: must be oauth or none',
    ]);
    const open = loadConfig({
      TASKLIST_UPSTREAM: 'rest-v2',
      CAMUNDA_REST_AUTH: 'none',
    });
    expect(open.config.proxy.upstream.restAuth).toBe('none');
    expect(open.warnings.join()).toMatch(/CAMUNDA_REST_AUTH=none/);
    const remote = loadConfig({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: 's3cr3t',
      TASKLIST_UPSTREAM: 'rest-v2',
      CAMUNDA_REST_URL: 'http://camunda.internal:8080/v2',
    });
    expect(remote.warnings.join()).toMatch(
      /CAMUNDA_REST_URL is plain http to a non-loopback host/,
    );
  });

  test('BFF_MODE is proxy or direct', () => {
    expect(loadConfig({ BFF_MODE: 'direct' }).config.mode).toBe('direct');
    expect(problems({ BFF_MODE: 'tunnel' })).toEqual([
      'BFF_MODE: must be proxy or direct',
    ]);
  });

  test('production refuses a missing or DEV-ONLY client secret', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'OAUTH_CLIENT_SECRET: required when NODE_ENV=production',
    ]);
    const found = problems({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: DEV_ONLY_CLIENT_SECRET,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/DEV-ONLY default is refused/);
    expect(found[0]).not.toContain(DEV_ONLY_CLIENT_SECRET);
  });

  test('production warns when the secret would cross the network over plain http', () => {
    const remote = loadConfig({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: 's3cr3t',
      OAUTH_TOKEN_URL: 'http://keycloak.internal:8080/token',
    });
    expect(remote.warnings.join()).toMatch(/plain http/);
    const loopback = loadConfig({
      NODE_ENV: 'production',
      OAUTH_CLIENT_SECRET: 's3cr3t',
    });
    expect(loopback.warnings).toEqual([]);
  });

  test('origins must be exact: no paths, wildcards or trailing slashes', () => {
    for (const bad of [
      'https://*.example.com',
      'https://app.example.com/',
      'app.example.com',
    ]) {
      expect(problems({ APP_ORIGINS: bad })[0], bad).toMatch(/^APP_ORIGINS/);
    }
    expect(problems({ FRAME_ANCESTORS: 'https://*.example.com' })[0]).toMatch(
      /^FRAME_ANCESTORS/,
    );
    expect(
      loadConfig({ FRAME_ANCESTORS: "'self' https://portal.example.com" })
        .config.frameAncestors,
    ).toEqual(["'self'", 'https://portal.example.com']);
    expect(
      loadConfig({ FRAME_ANCESTORS: "'none'" }).config.frameAncestors,
    ).toEqual([]);
  });

  test('brand tokens are checked strictly and each bad one is named', () => {
    expect(
      loadConfig({
        BRAND_ACCENT_COLOR: ' #0A7 ',
        BRAND_FONT_FAMILY: '"Source Sans 3",system-ui',
        BRAND_LOGO_URL: '/brand/logo.svg',
      }).config.brand,
    ).toEqual({
      accentColor: '#0a7',
      fontFamily: '"Source Sans 3", system-ui',
      logoUrl: '/brand/logo.svg',
    });
    expect(loadConfig({}).config.brand).toEqual({});
    const bad: [string, string][] = [
      ['BRAND_ACCENT_COLOR', 'red'],
      ['BRAND_ACCENT_COLOR', '#12345'],
      ['BRAND_ACCENT_COLOR', 'rgb(1,2,3)'],
      ['BRAND_ACCENT_COLOR', '#fff;background:url(x)'],
      ['BRAND_FONT_FAMILY', 'Arial; color: red'],
      ['BRAND_FONT_FAMILY', 'url(https://evil.example/f.woff)'],
      ['BRAND_FONT_FAMILY', '"Arial'],
      ['BRAND_FONT_FAMILY', 'Arial,,serif'],
      ['BRAND_FONT_FAMILY', 'a'.repeat(201)],
      ['BRAND_LOGO_URL', 'http://cdn.example.com/logo.svg'],
      ['BRAND_LOGO_URL', 'data:image/svg+xml,<svg/>'],
      ['BRAND_LOGO_URL', 'javascript:alert(1)'],
      ['BRAND_LOGO_URL', '//cdn.example.com/logo.svg'],
      ['BRAND_LOGO_URL', 'https://user:pw@cdn.example.com/logo.svg'],
      ['BRAND_LOGO_URL', 'https://cdn.example.com/logo.svg#x'],
      ['BRAND_LOGO_URL', 'logo.svg'],
    ];
    for (const [name, value] of bad) {
      const found = problems({ [name]: value });
      expect(found, `${name}=${value}`).toHaveLength(1);
      expect(found[0], `${name}=${value}`).toMatch(new RegExp(`^${name}: `));
    }
    // Every bad token at once, like every other variable.
    expect(
      problems({
        BRAND_ACCENT_COLOR: 'blue',
        BRAND_FONT_FAMILY: 'x;y',
        BRAND_LOGO_URL: 'ftp://x',
      }),
    ).toHaveLength(3);
  });

  test('lists, flags and trust-proxy settings are parsed', () => {
    const { config } = loadConfig({
      BFF_ALLOWED_GROUPS: ' task-workers , approvers ,',
      BFF_FEATURES: 'bulk-claim, live_refresh=false',
      BFF_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(config.allowedGroups).toEqual(['task-workers', 'approvers']);
    expect(config.features).toEqual({
      'bulk-claim': true,
      live_refresh: false,
    });
    expect(config.trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    const hops = loadConfig({ BFF_TRUST_PROXY: '2' }).config.trustProxy;
    expect(typeof hops === 'function' && [hops('x', 1), hops('x', 2)]).toEqual([
      true,
      false,
    ]);
    expect(problems({ BFF_TRUST_PROXY: 'everyone' })[0]).toMatch(
      /^BFF_TRUST_PROXY/,
    );
    // H62: true would take the leftmost X-Forwarded-For entry, the client's.
    expect(problems({ BFF_TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(
        /^BFF_TRUST_PROXY: true would trust any X-Forwarded-For entry, which the client writes itself/,
      ),
    ]);
    expect(problems({ BFF_FEATURES: 'bad flag!' })[0]).toMatch(/^BFF_FEATURES/);
  });
});

describe('token-provider presets (F39)', () => {
  const secret = { OAUTH_CLIENT_SECRET: 'preset-secret' };

  test('Camunda 8 SaaS: audience tasklist.camunda.io, form body by default', () => {
    const { config } = loadConfig({
      ...secret,
      OAUTH_TOKEN_URL: 'https://login.cloud.camunda.io/oauth/token',
      OAUTH_CLIENT_ID: 'saas-client',
      OAUTH_AUDIENCE: 'tasklist.camunda.io',
    });
    const request = buildTokenRequest(config.oauth);
    expect(request.url).toBe('https://login.cloud.camunda.io/oauth/token');
    expect(request.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(request.body).toBe(
      'grant_type=client_credentials&client_id=saas-client&client_secret=preset-secret&audience=tasklist.camunda.io',
    );
  });

  test('Camunda 8 SaaS with the documented JSON body', () => {
    const { config } = loadConfig({
      ...secret,
      OAUTH_TOKEN_URL: 'https://login.cloud.camunda.io/oauth/token',
      OAUTH_CLIENT_ID: 'saas-client',
      OAUTH_AUDIENCE: 'tasklist.camunda.io',
      OAUTH_BODY_FORMAT: 'json',
    });
    const request = buildTokenRequest(config.oauth);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'saas-client',
      client_secret: 'preset-secret',
      audience: 'tasklist.camunda.io',
    });
  });

  test('Self-Managed Keycloak without an audience (empty OAUTH_AUDIENCE sends none)', () => {
    const { config } = loadConfig({
      ...secret,
      OAUTH_TOKEN_URL:
        'https://keycloak.example.com/auth/realms/camunda-platform/protocol/openid-connect/token',
      OAUTH_CLIENT_ID: 'tasklist-inbox',
      OAUTH_AUDIENCE: '',
    });
    const form = new URLSearchParams(buildTokenRequest(config.oauth).body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'tasklist-inbox',
      client_secret: 'preset-secret',
    });
  });

  test('a resource indicator and a scope are sent when configured', () => {
    const { config } = loadConfig({
      ...secret,
      OAUTH_AUDIENCE: '',
      OAUTH_RESOURCE: 'urn:camunda:tasklist-api',
      OAUTH_SCOPE: 'read:* write:*',
    });
    const form = new URLSearchParams(buildTokenRequest(config.oauth).body);
    expect(form.get('resource')).toBe('urn:camunda:tasklist-api');
    expect(form.get('scope')).toBe('read:* write:*');
    expect(form.has('audience')).toBe(false);
  });
});
