import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSigningKey, SigningKeyError } from '../proxy/signing-key';
import { tokenHeaders } from '../test/bff-harness';
import { startProxyHarness, type ProxyBff } from '../test/proxy-harness';

const { start, idp, tokenEndpoint } = await startProxyHarness();

// security.md 11.2 G40: in proxy mode the token endpoint hands out a
// BFF-signed token for this user and this BFF only, short-lived and never
// outliving the user's token, and the machine token appears nowhere.

let bff: ProxyBff;
let keyDir: string;

beforeAll(async () => {
  bff = await start();
  keyDir = mkdtempSync(path.join(tmpdir(), 'bff-keys-'));
});
afterAll(() => {
  rmSync(keyDir, { recursive: true, force: true });
});

async function exchange(proxy: ProxyBff, userToken: string) {
  return proxy.app.inject({
    method: 'POST',
    url: '/api/token',
    headers: tokenHeaders(userToken),
  });
}

function keyFile(name: string, type: 'ed25519' | 'rsa'): string {
  const { privateKey } =
    type === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = path.join(keyDir, name);
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  return file;
}

describe('the BFF token (G40)', () => {
  test('the answer has exactly the three fields and no-store headers', async () => {
    const response = await exchange(bff, await bff.userToken('bob'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.pragma).toBe('no-cache');
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'expires_in',
      'token_type',
    ]);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(300);
  });

  test('it names the BFF as issuer and audience, the user, their Tasklist name and groups', async () => {
    const response = await exchange(bff, await bff.userToken('bob'));
    const token = response.json<{ access_token: string }>().access_token;
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: 'EdDSA',
      typ: 'tasklist-inbox-bff+jwt',
    });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'urn:tasklist-inbox:bff',
      aud: 'urn:tasklist-inbox:bff/graphql',
      sub: 'sub-bob',
      preferred_username: 'bob',
      groups: ['sales'],
    });
    expect(typeof claims.jti).toBe('string');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  test('it never outlives the user token', async () => {
    const userToken = await idp.mint(
      { sub: 'sub-bob', preferred_username: 'bob', groups: ['sales'] },
      { expiresInS: 60 },
    );
    const response = await exchange(bff, userToken);
    const { access_token: token, expires_in: expiresIn } = response.json<{
      access_token: string;
      expires_in: number;
    }>();
    expect(expiresIn).toBeLessThanOrEqual(60);
    expect(decodeJwt(token).exp).toBeLessThanOrEqual(
      decodeJwt(userToken).exp ?? 0,
    );
  });

  test('a user token with seconds left gets a 401, so the browser renews first', async () => {
    const userToken = await idp.mint(
      { sub: 'sub-bob', preferred_username: 'bob' },
      { expiresInS: 3 },
    );
    const response = await exchange(bff, userToken);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid_token' });
  });

  test('BFF_TOKEN_TTL_S shortens the lifetime', async () => {
    const short = await start({
      env: { BFF_TOKEN_TTL_S: '60' },
    });
    const response = await exchange(short, await short.userToken('alice'));
    expect(response.json<{ expires_in: number }>().expires_in).toBe(60);
  });

  test('no client-credentials token is fetched to answer, and none is ever sent', async () => {
    const before = tokenEndpoint.calls.length;
    const response = await exchange(bff, await bff.userToken('alice'));
    expect(tokenEndpoint.calls.length).toBe(before);
    expect(response.body).not.toMatch(/upstream-token-\d/);
    // Even after the BFF has a machine token cached, the browser's answer is the BFF token.
    await bff.gql(await bff.bffToken('alice'), 'TaskInboxRouteQuery', {
      query: {},
    });
    const later = await exchange(bff, await bff.userToken('alice'));
    expect(later.body).not.toMatch(/upstream-token-\d/);
  });

  test('a user token without the user-name claim gets no BFF token', async () => {
    const response = await exchange(bff, await idp.mint({ sub: 'sub-x' }));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'not_entitled' });
  });
});

describe('signing keys', () => {
  test('instances sharing BFF_SIGNING_KEY_FILE accept each other’s tokens; others refuse them', async () => {
    const shared = keyFile('shared.pem', 'ed25519');
    const one = await start({ env: { BFF_SIGNING_KEY_FILE: shared } });
    const two = await start({ env: { BFF_SIGNING_KEY_FILE: shared } });
    const other = await start();
    const token = await one.bffToken('alice');
    const onTwo = await two.gql(token, 'TaskInboxRouteQuery', { query: {} });
    expect(onTwo.status).toBe(200);
    const onOther = await other.gql(token, 'TaskInboxRouteQuery', {
      query: {},
    });
    expect(onOther.status).toBe(401);
    expect(other.tasklist.calls).toEqual([]);
  });

  test('a key file that is not an Ed25519 private key stops the BFF at start-up', async () => {
    const rsa = keyFile('rsa.pem', 'rsa');
    const junk = path.join(keyDir, 'junk.pem');
    writeFileSync(junk, 'not a key');
    for (const file of [rsa, junk, path.join(keyDir, 'missing.pem')]) {
      await expect(loadSigningKey(file)).rejects.toBeInstanceOf(
        SigningKeyError,
      );
    }
    await expect(start({ env: { BFF_SIGNING_KEY_FILE: rsa } })).rejects.toThrow(
      /an Ed25519 key is required/,
    );
  });
});
