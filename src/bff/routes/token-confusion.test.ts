import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { startBffHarness, tokenHeaders } from '../test/bff-harness';

/**
 * H59: `/api/token` takes only an access token meant for the BFF. The review
 * behind issue 14 exchanged the SPA's ID token (which leaks as
 * `id_token_hint` in logout URLs, history and proxy logs) for a Tasklist
 * token: `BFF_AUDIENCE` defaulted to the SPA's client id, which is an ID
 * token's audience, and `typ` was not checked.
 */
const SPA = 'tasklist-inbox';

const harness = await startBffHarness();
const { idp, upstream } = harness;

async function exchange(token: string, env: NodeJS.ProcessEnv = {}) {
  const app = harness.current() ?? (await harness.bff(env));
  return app.inject({
    method: 'POST',
    url: '/api/token',
    headers: tokenHeaders(token),
  });
}

/** An ID token as OpenID providers issue it: `typ: JWT`, the client as audience. */
const idToken = () =>
  idp.mint(
    { aud: SPA, nonce: 'n-1', auth_time: Math.floor(Date.now() / 1000) },
    { typ: 'JWT' },
  );

describe('token confusion at /api/token (H59)', () => {
  test('an ID token is refused with the default settings', async () => {
    const response = await exchange(await idToken());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid_token' });
    expect(upstream.calls).toHaveLength(0);
  });

  test('the default audience is the BFF resource, not the SPA client id', () => {
    const { config } = loadConfig({});
    expect(config.userToken).toMatchObject({
      audience: 'urn:tasklist-inbox:bff',
      typ: 'at+jwt',
      clientId: SPA,
    });
  });

  test('a BFF_AUDIENCE equal to OIDC_CLIENT_ID is refused at start-up', () => {
    for (const env of [
      { BFF_AUDIENCE: SPA },
      { BFF_AUDIENCE: 'my-spa', OIDC_CLIENT_ID: 'my-spa' },
    ]) {
      const error = (() => {
        try {
          loadConfig(env);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^BFF_AUDIENCE: must differ from OIDC_CLIENT_ID/),
      ]);
    }
  });

  test('even with an audience check that passes, typ JWT is refused by default', async () => {
    const response = await exchange(await idp.mint({}, { typ: 'JWT' }));
    expect(response.statusCode).toBe(401);
  });

  test('client_id and azp must name the SPA, and one of them must be there', async () => {
    const refused = [
      await idp.mint({ client_id: 'another-client' }),
      await idp.mint({ client_id: undefined, azp: 'another-client' }),
      await idp.mint({ client_id: SPA, azp: 'another-client' }),
      await idp.mint({ client_id: undefined }),
    ];
    for (const token of refused) {
      expect((await exchange(token)).statusCode).toBe(401);
    }
    expect(upstream.calls).toHaveLength(0);
    const accepted = [
      await idp.mint({ client_id: SPA }),
      await idp.mint({ client_id: undefined, azp: SPA }),
    ];
    for (const token of accepted) {
      expect((await exchange(token)).statusCode).toBe(200);
    }
  });

  test('a provider without at+jwt (the Keycloak preset) says so with BFF_USER_TOKEN_TYP=JWT', async () => {
    const keycloakStyle = await idp.mint(
      { client_id: undefined, azp: SPA, typ: 'Bearer' },
      { typ: 'JWT' },
    );
    await harness.closeApps();
    expect(
      (await exchange(keycloakStyle, { BFF_USER_TOKEN_TYP: 'JWT' })).statusCode,
    ).toBe(200);
  });

  test('BFF_USER_TOKEN_TYP=none switches the typ check off, with a warning', () => {
    const { config, warnings } = loadConfig({ BFF_USER_TOKEN_TYP: 'none' });
    expect(config.userToken.typ).toBeUndefined();
    expect(warnings).toContainEqual(
      expect.stringMatching(/^BFF_USER_TOKEN_TYP=none: the JOSE typ/),
    );
  });
});
