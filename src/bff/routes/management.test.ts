import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { managementOf } from '../app';
import { ConfigError, loadConfig } from '../config';
import { startBffHarness, tokenHeaders } from '../test/bff-harness';

/**
 * H64: the public port showed `/metrics` and a `/readyz` with the token
 * provider's last error and circuit state. Those now live on a management
 * listener (MANAGEMENT_HOST:MANAGEMENT_PORT, loopback by default); the
 * public port keeps `/healthz` and a `/readyz` that answers the status only.
 */
const harness = await startBffHarness();
const { idp, upstream } = harness;

function builtSpa(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'bff-mgmt-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>x</title>',
  );
  return dist;
}

describe('the public port (H64)', () => {
  test('/metrics is 404, also with the SPA served (never the SPA shell)', async () => {
    for (const server of [
      await harness.bff(),
      await harness.bff({}, { distDir: builtSpa() }),
    ]) {
      const response = await server.inject({ url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toMatch(/bff_token|<!doctype/i);
    }
  });

  test('/readyz answers the status only, ok and failing', async () => {
    const server = await harness.bff(
      {},
      { deps: { sleep: () => Promise.resolve() } },
    );
    expect((await server.inject({ url: '/readyz' })).json()).toEqual({
      status: 'ok',
    });
    upstream.setFallback({ kind: 'status', status: 500 });
    await server.inject({
      method: 'POST',
      url: '/api/token',
      headers: tokenHeaders(await idp.mint()),
    });
    const failing = await server.inject({ url: '/readyz' });
    expect(failing.statusCode).toBe(503);
    expect(failing.json()).toEqual({ status: 'failing' });
    expect((await server.inject({ url: '/healthz' })).statusCode).toBe(200);
    // The detail is on the management listener.
    const detailed = await managementOf(server).inject({ url: '/readyz' });
    expect(detailed.json()).toMatchObject({
      status: 'failing',
      tokenFetch: { lastError: 'token_provider_error' },
    });
  });
});

describe('the management listener (H64)', () => {
  test('serves /metrics, /healthz and the detailed /readyz, and nothing else', async () => {
    const management = managementOf(await harness.bff());
    expect((await management.inject({ url: '/metrics' })).body).toContain(
      'bff_token_requests_total',
    );
    expect((await management.inject({ url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect(
      Object.keys((await management.inject({ url: '/readyz' })).json()),
    ).toEqual(['status', 'tokenFetch']);
    for (const url of ['/api/token', '/api/config', '/']) {
      expect((await management.inject({ url })).statusCode).toBe(404);
    }
  });

  test('listens on 127.0.0.1:9000 by default, and never on the app port', () => {
    expect(loadConfig({}).config.management).toEqual({
      host: '127.0.0.1',
      port: 9000,
    });
    expect(
      loadConfig({ MANAGEMENT_HOST: '::1', MANAGEMENT_PORT: '9100' }).config
        .management,
    ).toEqual({ host: '::1', port: 9100 });
    expect(() => loadConfig({ APP_PORT: '9000' })).toThrow(ConfigError);
    expect(loadConfig({ MANAGEMENT_HOST: '0.0.0.0' }).warnings).toContainEqual(
      expect.stringMatching(
        /^MANAGEMENT_HOST=0\.0\.0\.0 is not a loopback address/,
      ),
    );
  });
});
