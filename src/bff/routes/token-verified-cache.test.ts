import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { managementOf } from '../app';
import { startBffHarness, tokenHeaders } from '../test/bff-harness';
import { FakeClock } from '../test/fake-clock';

// The cache of verified user tokens saves the signature check only: the
// entitlement and both rate limits still run on every request (issue 11).

const harness = await startBffHarness();
const { idp } = harness;

async function verifications(server: FastifyInstance) {
  const text = (await managementOf(server).inject({ url: '/metrics' })).body;
  const count = (source: string) => {
    const series = `bff_user_token_verifications_total{source="${source}"} `;
    const line = text.split('\n').find((l) => l.startsWith(series));
    return line ? Number(line.slice(series.length)) : 0;
  };
  return { signature: count('signature'), cache: count('cache') };
}

function post(server: FastifyInstance, token: string) {
  return server.inject({
    method: 'POST',
    url: '/api/token',
    headers: tokenHeaders(token),
  });
}

describe('token endpoint with cached verification (C74)', () => {
  test('the per-user rate limit counts requests answered from the cache', async () => {
    const clock = new FakeClock(Date.now());
    const server = await harness.bff(
      { BFF_RATE_LIMIT_PER_USER: '3' },
      { deps: { now: clock.now } },
    );
    const token = await idp.mint({}, { now: clock.ms });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await post(server, token)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await verifications(server)).toEqual({ signature: 1, cache: 3 });
  });

  test('the per-IP rate limit counts them too', async () => {
    const server = await harness.bff({ BFF_RATE_LIMIT_PER_IP: '2' });
    const token = await idp.mint();
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await post(server, token)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(await verifications(server)).toEqual({ signature: 1, cache: 2 });
  });

  test('entitlement is checked on cached claims every time', async () => {
    const server = await harness.bff({ BFF_ALLOWED_GROUPS: 'clerks' });
    const outsider = await idp.mint({ sub: 'mallory', groups: ['visitors'] });
    for (let i = 0; i < 2; i += 1) {
      const response = await post(server, outsider);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'not_entitled' });
    }
    const clerk = await idp.mint({ groups: ['clerks'] });
    expect((await post(server, clerk)).statusCode).toBe(200);
    expect((await post(server, clerk)).statusCode).toBe(200);
    expect(await verifications(server)).toEqual({ signature: 2, cache: 2 });
  });
});
