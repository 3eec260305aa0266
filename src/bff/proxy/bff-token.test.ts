import { describe, expect, test } from 'vitest';
import { BffError } from '../errors';
import { FakeClock } from '../test/fake-clock';
import { BffTokenService, type ProxyUser } from './bff-token';
import { loadSigningKey } from './signing-key';

// The BFF token on its own, with a hand-driven clock: lifetimes, expiry
// (also for tokens already verified once), and what it refuses.

const BOB: ProxyUser = { sub: 'sub-bob', username: 'bob', groups: ['sales'] };

async function service(clock: FakeClock, ttlS = 300) {
  return new BffTokenService({
    key: await loadSigningKey(undefined),
    issuer: 'urn:test:bff',
    audience: 'urn:test:bff/graphql',
    ttlS,
    now: clock.now,
  });
}

const nowS = (clock: FakeClock) => Math.floor(clock.ms / 1000);

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BffError);
  expect((error as BffError).code).toBe('invalid_token');
}

describe('BffTokenService', () => {
  test('a token verifies to its user until it expires, also when cached', async () => {
    const clock = new FakeClock();
    const tokens = await service(clock);
    const { accessToken, expiresInS } = await tokens.issue(
      BOB,
      nowS(clock) + 3600,
    );
    expect(expiresInS).toBe(300);
    await expect(tokens.verify(accessToken)).resolves.toEqual(BOB);
    clock.advance(299);
    await expect(tokens.verify(accessToken)).resolves.toEqual(BOB);
    clock.advance(10); // past exp plus the 5 s tolerance
    await refused(tokens.verify(accessToken));
  });

  test('the lifetime stops at the user token’s exp', async () => {
    const clock = new FakeClock();
    const tokens = await service(clock);
    const issued = await tokens.issue(BOB, nowS(clock) + 42);
    expect(issued.expiresInS).toBe(42);
    await refused(tokens.issue(BOB, nowS(clock) + 4));
    await refused(tokens.issue(BOB, nowS(clock) - 10));
  });

  test('another instance’s key, a changed payload and garbage are refused', async () => {
    const clock = new FakeClock();
    const mine = await service(clock);
    const theirs = await service(clock);
    const { accessToken } = await theirs.issue(BOB, nowS(clock) + 600);
    await refused(mine.verify(accessToken));
    const [header, , signature] = accessToken.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'sub-alice', preferred_username: 'alice' }),
    ).toString('base64url');
    await refused(mine.verify(`${header ?? ''}.${payload}.${signature ?? ''}`));
    await refused(mine.verify('garbage'));
  });
});
