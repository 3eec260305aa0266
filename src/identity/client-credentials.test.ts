import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentity, type TestIdentity } from './test/start-identity';
import {
  clientCredentials,
  readError,
  readTokens,
  verifyAccessToken,
} from './test/tokens';

const SECRET = 'test-secret-3f9a1c7e5b';
let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity({ env: { OAUTH_CLIENT_SECRET: SECRET } });
});
afterAll(() => identity.close());

const BOTH = 'tasklist:read tasklist:write';

describe('client credentials for the BFF', () => {
  it('a plain request gets a Tasklist JWT with both scopes', async () => {
    const response = await clientCredentials(identity);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = await readTokens(response);
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      scope: BOTH,
    });
    expect(tokens.refresh_token).toBeUndefined();

    const claims = await verifyAccessToken(
      identity,
      tokens.access_token,
      'tasklist-api',
    );
    expect(claims).toMatchObject({
      iss: identity.issuer,
      aud: 'tasklist-api',
      sub: 'tasklist-inbox-bff',
      client_id: 'tasklist-inbox-bff',
      scope: BOTH,
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  it('accepts the secret in the body too (client_secret_post)', async () => {
    const response = await fetch(identity.url('/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'tasklist-inbox-bff',
        client_secret: SECRET,
      }),
    });
    const tokens = await readTokens(response);
    expect(tokens.scope).toBe(BOTH);
  });

  it('a wrong secret gives invalid_client, and the secret shows up nowhere', async () => {
    const response = await fetch(identity.url('/token'), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('tasklist-inbox-bff:wrong-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'invalid_client' });
    expect(text).not.toContain('wrong-secret');
    expect(text).not.toContain(SECRET);
    expect(identity.logs.join('\n')).not.toContain(SECRET);
    expect(identity.logs.join('\n')).not.toContain('wrong-secret');
  });

  it('an unknown client gives invalid_client', async () => {
    const response = await fetch(identity.url('/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=nobody&client_secret=x',
    });
    expect(response.status).toBe(401);
    expect(await readError(response)).toMatchObject({
      error: 'invalid_client',
    });
  });

  it('translates a Camunda-style JSON body with audience', async () => {
    const response = await fetch(identity.url('/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        audience: 'tasklist-api',
        client_id: 'tasklist-inbox-bff',
        client_secret: SECRET,
      }),
    });
    const tokens = await readTokens(response);
    const claims = await verifyAccessToken(
      identity,
      tokens.access_token,
      'tasklist-api',
    );
    expect(claims.scope).toBe(BOTH);
  });

  it('maps audience=tasklist-api in a form body to the Tasklist resource', async () => {
    const tokens = await readTokens(
      await clientCredentials(identity, {
        body: 'grant_type=client_credentials&audience=tasklist-api',
      }),
    );
    await expect(
      verifyAccessToken(identity, tokens.access_token, 'tasklist-api'),
    ).resolves.toMatchObject({ aud: 'tasklist-api' });
  });

  it('refuses an unknown audience with invalid_target', async () => {
    const response = await clientCredentials(identity, {
      body: 'grant_type=client_credentials&audience=tasklist.camunda.io',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await readError(response)).toMatchObject({
      error: 'invalid_target',
    });
  });

  it('refuses a malformed JSON body with invalid_request', async () => {
    const response = await clientCredentials(identity, {
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":',
    });
    expect(response.status).toBe(400);
    expect(await readError(response)).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('honours an explicit resource indicator and a narrower scope', async () => {
    const tokens = await readTokens(
      await clientCredentials(identity, {
        body: 'grant_type=client_credentials&resource=urn:camunda:tasklist-api&scope=tasklist:read',
      }),
    );
    expect(tokens.scope).toBe('tasklist:read');
    const claims = await verifyAccessToken(
      identity,
      tokens.access_token,
      'tasklist-api',
    );
    expect(claims.scope).toBe('tasklist:read');
  });

  it('does not give the BFF client a token for the BFF itself', async () => {
    const response = await clientCredentials(identity, {
      body: 'grant_type=client_credentials&resource=urn:tasklist-inbox:bff',
    });
    expect(response.status).toBe(400);
    expect(await readError(response)).toMatchObject({
      error: 'invalid_target',
    });
  });

  it('does not let the public SPA client use client credentials', async () => {
    const response = await fetch(identity.url('/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=tasklist-inbox',
    });
    expect(response.status).toBe(400);
    const body = await readError(response);
    expect(body.error_description).toMatch(/grant type is not allowed/);
  });
});

describe('token lifetime', () => {
  let shortLived: TestIdentity;
  beforeAll(async () => {
    shortLived = await startIdentity({
      env: { IDENTITY_ACCESS_TOKEN_TTL: '120' },
    });
  });
  afterAll(() => shortLived.close());

  it('follows IDENTITY_ACCESS_TOKEN_TTL', async () => {
    const tokens = await readTokens(await clientCredentials(shortLived));
    expect(tokens.expires_in).toBe(120);
    const claims = await verifyAccessToken(
      shortLived,
      tokens.access_token,
      'tasklist-api',
    );
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });
});
