import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';

// security.md 11.2 E33/E34 and the SPA serving rules: the strict CSP on the
// shell, nosniff and Referrer-Policy everywhere, HSTS only over https, cache
// headers, and a fallback that never answers /assets/* or /api/* with HTML.

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; " +
  "connect-src 'self' http://127.0.0.1:18080 http://127.0.0.1:8080; img-src 'self' data:; " +
  "style-src 'self'; frame-src 'none'; frame-ancestors 'none'; form-action 'self'";

let distDir: string;
const apps: FastifyInstance[] = [];

beforeAll(() => {
  distDir = mkdtempSync(path.join(tmpdir(), 'bff-dist-'));
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(
    path.join(distDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(distDir, 'assets', 'index-AbC123.js'), 'export {};');
  mkdirSync(path.join(distDir, 'auth'));
  writeFileSync(
    path.join(distDir, 'auth', 'popup-callback.html'),
    '<!doctype html><html><head><script type="module" src="/assets/popup-callback-AbC123.js"></script></head><body></body></html>',
  );
  writeFileSync(
    path.join(distDir, 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  rmSync(distDir, { recursive: true, force: true });
});

async function spa(env: NodeJS.ProcessEnv = {}) {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    OAUTH_CLIENT_SECRET: 'x',
    BFF_MODE: 'direct',
    ...env,
  });
  const app = await buildApp(config, { distDir });
  apps.push(app);
  return app;
}

function highFindings(csp: string) {
  const findings = new CspEvaluator(new CspParser(csp).csp).evaluate();
  return findings.filter((f) =>
    [Severity.HIGH, Severity.SYNTAX, Severity.HIGH_MAYBE].includes(f.severity),
  );
}

describe('Content-Security-Policy', () => {
  test('the SPA HTML has the strict CSP of security.md section 6 (E33)', async () => {
    const response = await (await spa()).inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toBe(EXPECTED_CSP);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test("the SPA frames nothing: frame-src 'none' (H67)", async () => {
    const csp = String(
      (await (await spa()).inject({ url: '/' })).headers[
        'content-security-policy'
      ],
    );
    expect(csp.split('; ')).toContain("frame-src 'none'");
  });

  test('csp_evaluator reports no high-severity finding on the SPA policy', async () => {
    const app = await spa({ FRAME_ANCESTORS: 'https://portal.example.com' });
    const csp = String(
      (await app.inject({ url: '/' })).headers['content-security-policy'],
    );
    expect(highFindings(csp)).toEqual([]);
  });

  test('frame-ancestors follows FRAME_ANCESTORS; X-Frame-Options only when framing is denied', async () => {
    const denied = await (await spa()).inject({ url: '/tasks/1' });
    expect(denied.headers['content-security-policy']).toContain(
      "frame-ancestors 'none'",
    );
    expect(denied.headers['x-frame-options']).toBe('DENY');
    const portal = await (
      await spa({
        FRAME_ANCESTORS:
          'https://portal.example.com https://intranet.example.com',
      })
    ).inject({ url: '/tasks/1' });
    expect(portal.headers['content-security-policy']).toContain(
      'frame-ancestors https://portal.example.com https://intranet.example.com;',
    );
    expect(portal.headers['x-frame-options']).toBeUndefined();
  });

  test('img-src allows a brand logo on another host by its exact origin', async () => {
    const imgSrc = async (env: NodeJS.ProcessEnv) =>
      String(
        (await (await spa(env)).inject({ url: '/' })).headers[
          'content-security-policy'
        ],
      )
        .split('; ')
        .find((d) => d.startsWith('img-src '));
    expect(
      await imgSrc({ BRAND_LOGO_URL: 'https://cdn.example.com/a/logo.svg' }),
    ).toBe("img-src 'self' data: https://cdn.example.com");
    // A path on the app's own origin needs nothing more than 'self'.
    expect(await imgSrc({ BRAND_LOGO_URL: '/brand/logo.svg' })).toBe(
      "img-src 'self' data:",
    );
  });

  test('connect-src names the configured issuer and Tasklist origins', async () => {
    const app = await spa({
      OIDC_ISSUER: 'https://login.example.com/realms/camunda',
      TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql',
    });
    const csp = String(
      (await app.inject({ url: '/' })).headers['content-security-policy'],
    );
    expect(csp).toContain(
      "connect-src 'self' https://login.example.com https://tasklist.example.com;",
    );
  });

  test('proxy mode drops the Tasklist origin from connect-src (G50)', async () => {
    const app = await spa({
      BFF_MODE: 'proxy',
      OIDC_ISSUER: 'https://login.example.com/realms/camunda',
      TASKLIST_GRAPHQL_URL: 'https://tasklist.example.com/graphql',
    });
    const csp = String(
      (await app.inject({ url: '/' })).headers['content-security-policy'],
    );
    expect(csp).toContain("connect-src 'self' https://login.example.com;");
    expect(csp).not.toContain('tasklist.example.com');
    expect(highFindings(csp)).toEqual([]);
  });

  test('API responses get a deny-all CSP', async () => {
    const app = await spa();
    for (const url of ['/api/config', '/healthz', '/api/nope']) {
      expect(
        (await app.inject({ url })).headers['content-security-policy'],
        url,
      ).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});

describe('other security headers (E34)', () => {
  test('nosniff and Referrer-Policy on every response, SPA and API alike', async () => {
    const app = await spa();
    const requests = [
      { url: '/' },
      { url: '/tasks/42' },
      { url: '/assets/index-AbC123.js' },
      { url: '/favicon.svg' },
      { url: '/api/config' },
      { url: '/api/nope' },
      { url: '/healthz' },
      { url: '/readyz' },
      { url: '/metrics' },
      { url: '/api/token' },
      { method: 'POST' as const, url: '/api/token' },
    ];
    for (const request of requests) {
      const response = await app.inject(request);
      expect(response.headers['x-content-type-options'], request.url).toBe(
        'nosniff',
      );
      expect(response.headers['referrer-policy'], request.url).toBe(
        'no-referrer',
      );
    }
  });

  test('HSTS only when served over https', async () => {
    const plain = await (await spa()).inject({ url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Behind a TLS-terminating proxy that the BFF trusts.
    const proxied = await (
      await spa({ BFF_TRUST_PROXY: '1' })
    ).inject({
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers['strict-transport-security']).toMatch(
      /^max-age=\d+/,
    );
    // A forged header from an untrusted client changes nothing.
    const forged = await (
      await spa()
    ).inject({
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  test('the shell allows popup sign-in (COOP same-origin-allow-popups)', async () => {
    const response = await (await spa()).inject({ url: '/' });
    expect(response.headers['cross-origin-opener-policy']).toBe(
      'same-origin-allow-popups',
    );
  });

  test('the popup callback keeps its opener (COOP unsafe-none) and only it', async () => {
    const app = await spa({ FRAME_ANCESTORS: 'https://portal.example.com' });
    for (const url of [
      '/auth/popup-callback.html',
      '/auth/popup-callback.html?code=abc&state=xyz',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      // Same origin and after the provider's page in the popup: anything
      // stricter would cut window.opener and strand the framed app.
      expect(response.headers['cross-origin-opener-policy'], url).toBe(
        'unsafe-none',
      );
      expect(response.headers['content-security-policy'], url).toContain(
        "script-src 'self';",
      );
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    }
    for (const url of ['/auth/callback', '/auth/popup-callback', '/tasks']) {
      expect(
        (await app.inject({ url })).headers['cross-origin-opener-policy'],
        url,
      ).toBe('same-origin-allow-popups');
    }
  });
});

describe('serving the built SPA', () => {
  test('index.html is no-cache, hashed assets are immutable', async () => {
    const app = await spa();
    for (const url of ['/', '/index.html', '/tasks/42']) {
      expect((await app.inject({ url })).headers['cache-control'], url).toBe(
        'no-cache',
      );
    }
    const asset = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(
      (await app.inject({ url: '/favicon.svg' })).headers['cache-control'],
    ).toBe('no-cache');
  });

  test('a revalidated shell (304) keeps the policy it was cached with', async () => {
    const app = await spa();
    const first = await app.inject({ url: '/tasks/42' });
    expect(first.headers['content-security-policy']).toBe(EXPECTED_CSP);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({
      url: '/tasks/42',
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    // Any CSP here would replace the cached one; the API's deny-all policy
    // blanked the app on reload.
    expect(again.headers['content-security-policy']).toBeUndefined();
    expect(again.headers['x-content-type-options']).toBe('nosniff');
  });

  test('client-side routes get the shell, also for HEAD', async () => {
    const app = await spa();
    const deep = await app.inject({ url: '/tasks/42?filter=mine' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('/assets/index-AbC123.js');
    const head = await app.inject({ method: 'HEAD', url: '/tasks/42' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-security-policy']).toBe(EXPECTED_CSP);
  });

  test('the fallback never answers /assets/* or /api/* with HTML', async () => {
    const app = await spa();
    for (const url of [
      '/assets/missing-123.js',
      '/assets',
      '/api/unknown',
      '/api',
      '/missing.js',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(
        /^application\/problem\+json/,
      );
      expect(response.json(), url).toMatchObject({ code: 'not_found' });
    }
    const post = await app.inject({ method: 'POST', url: '/tasks/42' });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('unmatched requests are rate-limited per IP', async () => {
    const app = await spa({ BFF_RATE_LIMIT_PER_IP: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await app.inject({ url: `/api/probe-${i}` })).statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    // Client-side routes are page loads, not probes: never limited.
    expect((await app.inject({ url: '/tasks/1' })).statusCode).toBe(200);
  });

  test('building without dist/ fails with a clear message', async () => {
    const { config } = loadConfig({
      NODE_ENV: 'test',
      OAUTH_CLIENT_SECRET: 'x',
    });
    await expect(
      buildApp(config, { distDir: path.join(distDir, 'nope') }),
    ).rejects.toThrow(/run "npm run build" first/);
  });
});
