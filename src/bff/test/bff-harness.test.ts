import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, test } from 'vitest';
import { startBffHarness, tokenHeaders } from './bff-harness';

// The harness's promises to the test files built on it: a BFF built in a test
// is gone after that test, one built in beforeAll lives for the file, and the
// token endpoint forgets its calls and script between tests.

const { idp, upstream, bff, current } = await startBffHarness({
  env: { POLL_INTERVAL_MS: '7000' },
});
let fileApp: FastifyInstance;
let testApp: FastifyInstance;

/** A closed Fastify instance refuses `inject` with "already been closed". */
async function isClosed(app: FastifyInstance): Promise<boolean> {
  try {
    await app.inject({ url: '/healthz' });
    return false;
  } catch (error) {
    return String(error).includes('closed');
  }
}

beforeAll(async () => {
  fileApp = await bff();
});

describe('in order', () => {
  test('a BFF built in a test is the current one and uses the fakes', async () => {
    const app = await bff({ BFF_ALLOWED_GROUPS: 'workers' });
    testApp = app;
    expect(current()).toBe(app);
    upstream.script({ kind: 'status', status: 500 });
    upstream.setFallback({ kind: 'status', status: 500 });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/token',
      headers: tokenHeaders(await idp.mint({ groups: ['sales'] })),
    });
    expect(refused.json()).toMatchObject({ code: 'not_entitled' });
    const config = (await app.inject({ url: '/api/config' })).json<{
      oidc: { authority: string };
      pollIntervalMs: number;
    }>();
    expect(config.oidc.authority).toBe(idp.issuer);
    expect(config.pollIntervalMs).toBe(7000);
  });

  test('after a test, its BFF is closed and the token endpoint is reset', async () => {
    expect(await isClosed(testApp)).toBe(true);
    expect(current()).toBeUndefined();
    expect(upstream.calls).toHaveLength(0);
    const response = await fileApp.inject({
      method: 'POST',
      url: '/api/token',
      headers: tokenHeaders(await idp.mint()),
    });
    expect(response.statusCode).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });

  test('a BFF built in beforeAll stays open for the whole file', async () => {
    expect(await isClosed(fileApp)).toBe(false);
  });
});
