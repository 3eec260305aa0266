import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { buildResources } from './resources';
import { normalizeTokenRequest, type TokenRequestInput } from './token-request';

const resources = buildResources(loadConfig({}));
const FORM = 'application/x-www-form-urlencoded';
const basic = (id: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:secret`).toString('base64')}`;

function normalize(
  input: Partial<Omit<TokenRequestInput, 'body'>> & { body: string },
) {
  return normalizeTokenRequest(
    {
      contentType: input.contentType ?? FORM,
      authorization: input.authorization,
      body: Buffer.from(input.body),
    },
    resources,
  );
}

function params(outcome: ReturnType<typeof normalize>) {
  if (outcome.kind !== 'rewritten') throw new Error(`was ${outcome.kind}`);
  return new URLSearchParams(outcome.body);
}

describe('token request normalisation', () => {
  it('leaves ordinary form requests alone', () => {
    expect(
      normalize({ body: 'grant_type=authorization_code&code=abc' }).kind,
    ).toBe('unchanged');
    expect(
      normalize({
        body: 'grant_type=client_credentials&scope=tasklist:read',
        authorization: basic('tasklist-inbox-bff'),
      }).kind,
    ).toBe('unchanged');
  });

  it('gives a bare client-credentials request all Tasklist scopes', () => {
    const out = params(
      normalize({
        body: 'grant_type=client_credentials',
        authorization: basic('tasklist-inbox-bff'),
      }),
    );
    expect(out.get('scope')).toBe('tasklist:read tasklist:write');
    expect(out.has('resource')).toBe(false);
  });

  it('maps a known audience to its resource indicator', () => {
    const out = params(
      normalize({
        body: 'grant_type=client_credentials&audience=tasklist-api&client_id=tasklist-inbox-bff&client_secret=s',
      }),
    );
    expect(out.getAll('resource')).toEqual(['urn:camunda:tasklist-api']);
    expect(out.has('audience')).toBe(false);
    expect(out.get('client_secret')).toBe('s');
  });

  it('refuses an unknown audience with invalid_target', () => {
    expect(
      normalize({
        body: 'grant_type=client_credentials&audience=tasklist.camunda.io',
      }),
    ).toEqual({
      kind: 'refused',
      error: 'invalid_target',
      description:
        'audience "tasklist.camunda.io" is not known to this provider',
    });
  });

  it('turns a JSON body into a form body', () => {
    const out = params(
      normalize({
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'tasklist-inbox-bff',
          client_secret: 's3cret&=+',
          audience: 'tasklist-api',
        }),
      }),
    );
    expect(out.get('client_secret')).toBe('s3cret&=+');
    expect(out.get('resource')).toBe('urn:camunda:tasklist-api');
    expect(out.get('scope')).toBe('tasklist:read tasklist:write');
  });

  it('refuses JSON that is not an object of strings', () => {
    for (const body of ['{', '[]', '{"grant_type":1}', 'null']) {
      const outcome = normalize({ contentType: 'application/json', body });
      expect(outcome).toMatchObject({
        kind: 'refused',
        error: 'invalid_request',
      });
    }
  });

  it('does not invent scopes for a resource the client may not have', () => {
    expect(
      normalize({
        body: 'grant_type=client_credentials&resource=urn:tasklist-inbox:bff',
        authorization: basic('tasklist-inbox-bff'),
      }).kind,
    ).toBe('unchanged');
    expect(
      normalize({
        body: 'grant_type=client_credentials&client_id=someone-else',
      }).kind,
    ).toBe('unchanged');
  });

  it('passes other content types through for the provider to refuse', () => {
    expect(
      normalize({ contentType: 'text/plain', body: 'audience=nope' }).kind,
    ).toBe('unchanged');
  });
});
