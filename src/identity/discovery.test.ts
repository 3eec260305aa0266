import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from './keys';
import { startIdentity, type TestIdentity } from './test/start-identity';

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

describe('discovery and JWKS', () => {
  it('publishes the standard metadata at the well-known path', async () => {
    const response = await fetch(
      identity.url('/.well-known/openid-configuration'),
    );
    expect(response.status).toBe(200);
    const meta = (await response.json()) as Record<string, unknown>;
    const issuer = identity.issuer;
    expect(meta).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
      userinfo_endpoint: `${issuer}/me`,
      revocation_endpoint: `${issuer}/token/revocation`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(meta.grant_types_supported).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'refresh_token',
        'client_credentials',
      ]),
    );
    expect(meta.grant_types_supported).not.toContain('implicit');
    expect(meta.scopes_supported).toEqual(
      expect.arrayContaining([
        'openid',
        'profile',
        'email',
        'groups',
        'offline_access',
      ]),
    );
    expect(meta.claims_supported).toEqual(
      expect.arrayContaining(['preferred_username', 'name', 'email', 'groups']),
    );
  });

  it('publishes the persisted RS256 public key and nothing private', async () => {
    const response = await fetch(identity.url('/jwks'));
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as {
      keys: Record<string, unknown>[];
    };
    const stored = readKeyFile(identity.config.keysFile);
    expect(keys.map((k) => k.kid)).toEqual(stored.signing.map((k) => k.kid));
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
        expect(key).not.toHaveProperty(secret);
      }
    }
  });

  it('sends security headers on provider responses', async () => {
    const response = await fetch(identity.url('/jwks'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain(
      "default-src 'self'",
    );
  });
});
