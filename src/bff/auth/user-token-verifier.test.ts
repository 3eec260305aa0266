import { afterAll, describe, expect, test } from 'vitest';
import { BffError } from '../errors';
import { startFakeIdp } from '../test/fake-idp';
import { FakeClock } from '../test/fake-clock';
import {
  UserTokenVerifier,
  type VerificationSource,
} from './user-token-verifier';

const idp = await startFakeIdp();
afterAll(() => idp.close());

function counting(clock: FakeClock) {
  const sources: VerificationSource[] = [];
  const verifier = new UserTokenVerifier({
    issuer: idp.issuer,
    audience: idp.audience,
    algorithms: ['RS256', 'PS256', 'ES256'],
    clockToleranceS: 30,
    typ: 'at+jwt',
    clientId: 'tasklist-inbox',
    now: clock.now,
    onVerified: (source) => sources.push(source),
  });
  return { verifier, sources };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BffError);
  return error as BffError;
}

describe('UserTokenVerifier: the cache of verified tokens (C72, C73)', () => {
  test('a token verified once is answered from the cache, with the same claims', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    const token = await idp.mint({ groups: ['clerks'] }, { now: clock.ms });
    const first = await verifier.verify(token);
    clock.advance(60);
    const second = await verifier.verify(token);
    expect(second).toEqual(first);
    expect(second.groups).toEqual(['clerks']);
    expect(sources).toEqual(['signature', 'cache']);
  });

  test('never past exp: at exp the token is verified again, and refused beyond the tolerance', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    const token = await idp.mint({}, { now: clock.ms, expiresInS: 120 });
    await verifier.verify(token);
    clock.advance(119);
    await verifier.verify(token);
    clock.advance(1);
    // Within the clock tolerance: accepted, but by a fresh signature check.
    await verifier.verify(token);
    expect(sources).toEqual(['signature', 'cache', 'signature']);
    clock.advance(30);
    const refused = await refusal(verifier.verify(token));
    expect(refused.code).toBe('invalid_token');
    expect(sources).toHaveLength(3);
  });

  test('a failed verification is never cached: a token not yet valid is refused, then verified afresh', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    const token = await idp.mint({}, { now: clock.ms, notBeforeS: 120 });
    expect((await refusal(verifier.verify(token))).code).toBe('invalid_token');
    expect((await refusal(verifier.verify(token))).code).toBe('invalid_token');
    clock.advance(120);
    await verifier.verify(token);
    expect(sources).toEqual(['signature']);
  });

  test('a cached token does not vouch for a forgery with its claims and another signature', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    const token = await idp.mint({}, { now: clock.ms });
    await verifier.verify(token);
    const [header, payload] = token.split('.');
    const forged = `${header ?? ''}.${payload ?? ''}.${'A'.repeat(342)}`;
    expect((await refusal(verifier.verify(forged))).code).toBe('invalid_token');
    const foreign = await idp.mint({}, { now: clock.ms, foreignKey: true });
    expect((await refusal(verifier.verify(foreign))).code).toBe(
      'invalid_token',
    );
    expect(sources).toEqual(['signature']);
  });

  test('every new token of the same user is verified by its signature', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    await verifier.verify(await idp.mint({}, { now: clock.ms }));
    clock.advance(1);
    await verifier.verify(await idp.mint({}, { now: clock.ms }));
    expect(sources).toEqual(['signature', 'signature']);
  });

  test('a refusal from the claims checks (another client) is not cached either', async () => {
    const clock = new FakeClock();
    const { verifier, sources } = counting(clock);
    const token = await idp.mint(
      { client_id: 'other-client' },
      { now: clock.ms },
    );
    for (let i = 0; i < 2; i += 1) {
      expect((await refusal(verifier.verify(token))).code).toBe(
        'invalid_token',
      );
    }
    expect(sources).toEqual([]);
  });
});
