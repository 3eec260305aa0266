import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTokenFixture,
  type TokenFixture,
  unsignedToken,
} from '../test/token-fixture';
import {
  createTokenVerifier,
  TokenRejected,
  type TokenVerifierOptions,
} from './token-verifier';

let idp: TokenFixture;

beforeAll(async () => {
  idp = await startTokenFixture();
});

afterAll(async () => {
  await idp.close();
});

const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
  createTokenVerifier({
    issuer: idp.issuer,
    audience: 'tasklist-api',
    clockToleranceSeconds: 30,
    retryAfterMs: 0,
    ...options,
  });

const claims = { sub: 'tasklist-inbox-bff', client_id: 'tasklist-inbox-bff' };

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TokenRejected);
    return (error as TokenRejected).reason;
  }
  throw new Error('the token was accepted');
}

describe('createTokenVerifier', () => {
  it('accepts a well-formed token found through discovery', async () => {
    const payload = await verifier()(await idp.apiToken());
    expect(payload).toMatchObject({
      sub: 'tasklist-inbox-bff',
      aud: 'tasklist-api',
      iss: idp.issuer,
    });
  });

  it('accepts typ JWT and at+jwt, and an audience list that contains ours', async () => {
    const verify = verifier();
    await expect(
      verify(await idp.sign({ claims, typ: 'JWT' })),
    ).resolves.toBeDefined();
    await expect(
      verify(await idp.sign({ claims, typ: 'at+jwt' })),
    ).resolves.toBeDefined();
    await expect(
      verify(await idp.sign({ claims, audience: ['other', 'tasklist-api'] })),
    ).resolves.toBeDefined();
  });

  it('refuses a wrong audience, a wrong issuer, a foreign key and a missing subject', async () => {
    const verify = verifier();
    expect(
      await rejection(
        verify(await idp.sign({ claims, audience: 'tasklist.camunda.io' })),
      ),
    ).toBe('token rejected (ERR_JWT_CLAIM_VALIDATION_FAILED)');
    expect(
      await rejection(
        verify(await idp.sign({ claims, issuer: 'http://evil.example' })),
      ),
    ).toBe('token rejected (ERR_JWT_CLAIM_VALIDATION_FAILED)');
    expect(
      await rejection(verify(await idp.sign({ claims, foreignKey: true }))),
    ).toBe('token rejected (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)');
    expect(
      await rejection(
        verify(await idp.sign({ claims, foreignKey: true, kid: 'unknown' })),
      ),
    ).toBe('token rejected (ERR_JWKS_NO_MATCHING_KEY)');
    expect(
      await rejection(verify(await idp.sign({ claims: { client_id: 'x' } }))),
    ).toBe('token rejected (ERR_JWT_CLAIM_VALIDATION_FAILED)');
  });

  it('allows 30 seconds of clock skew on expiry, not more', async () => {
    const verify = verifier();
    await expect(
      verify(await idp.sign({ claims, expiresIn: -20 })),
    ).resolves.toBeDefined();
    expect(
      await rejection(verify(await idp.sign({ claims, expiresIn: -60 }))),
    ).toBe('token rejected (ERR_JWT_EXPIRED)');
  });

  it('remembers a verified token only while it is valid', async () => {
    let clock = Date.now();
    const verify = verifier({ now: () => clock });
    const token = await idp.sign({ claims, expiresIn: 60 });
    await expect(verify(token)).resolves.toBeDefined();
    clock += 80_000;
    await expect(verify(token)).resolves.toBeDefined();
    clock += 15_000;
    expect(await rejection(verify(token))).toBe(
      'token rejected (ERR_JWT_EXPIRED)',
    );
  });

  it('refuses tokens of the wrong type', async () => {
    const verify = verifier();
    expect(await rejection(verify(await idp.sign({ claims, typ: null })))).toBe(
      'unexpected token type ""',
    );
    expect(
      await rejection(verify(await idp.sign({ claims, typ: 'dpop+jwt' }))),
    ).toBe('unexpected token type "dpop+jwt"');
  });

  it('refuses unsigned and HMAC tokens whatever they claim', async () => {
    const verify = verifier();
    const now = Math.floor(Date.now() / 1000);
    const base = {
      ...claims,
      iss: idp.issuer,
      aud: 'tasklist-api',
      exp: now + 300,
    };
    expect(await rejection(verify(unsignedToken(base)))).toBe(
      'token rejected (ERR_JOSE_ALG_NOT_ALLOWED)',
    );
    const hmac = await new SignJWT(base)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough!'));
    expect(await rejection(verify(hmac))).toBe(
      'token rejected (ERR_JOSE_ALG_NOT_ALLOWED)',
    );
    expect(await rejection(verify('not.a.jwt'))).toMatch(/^token rejected/);
  });

  it('follows key rotation by refetching the key set for an unknown key id', async () => {
    const verify = verifier({ jwksCooldownMs: 0 });
    await verify(await idp.apiToken());
    const before = idp.jwksFetches();
    await idp.rotate();
    await expect(verify(await idp.apiToken())).resolves.toBeDefined();
    expect(idp.jwksFetches()).toBe(before + 1);
  });

  it('uses a configured JWKS URL without discovery', async () => {
    const calls: string[] = [];
    const verify = verifier({
      jwksUrl: idp.jwksUrl,
      fetch: (input) => {
        calls.push(input instanceof Request ? input.url : input.toString());
        return Promise.reject(new Error('no discovery expected'));
      },
    });
    await expect(verify(await idp.apiToken())).resolves.toBeDefined();
    expect(calls).toEqual([]);
  });

  it('starts without the identity provider and retries discovery after a pause', async () => {
    let clock = 1_000_000;
    let up = false;
    let attempts = 0;
    const verify = verifier({
      retryAfterMs: 2000,
      now: () => clock,
      fetch: (input, init) => {
        attempts++;
        return up
          ? fetch(input, init)
          : Promise.reject(new Error('ECONNREFUSED'));
      },
    });
    // Real time for jose's expiry check; the injected clock drives retries only.
    const token = await idp.apiToken();
    clock = Date.now();
    expect(await rejection(verify(token))).toBe(
      'identity provider discovery failed',
    );
    up = true;
    expect(await rejection(verify(token))).toBe(
      'identity provider unavailable (retrying soon)',
    );
    expect(attempts).toBe(1);
    clock += 2500;
    await expect(verify(token)).resolves.toBeDefined();
    expect(attempts).toBe(2);
  });

  it('refuses a discovery document that names another issuer', async () => {
    const verify = verifier({
      fetch: () =>
        Promise.resolve(
          Response.json({
            issuer: 'http://other.example',
            jwks_uri: idp.jwksUrl,
          }),
        ),
    });
    expect(await rejection(verify(await idp.apiToken()))).toBe(
      'identity provider discovery failed',
    );
  });
});
