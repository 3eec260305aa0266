/**
 * Normalises token requests before oidc-provider sees them, for callers that
 * speak the Camunda/Auth0 dialect:
 *
 * - a JSON body (oidc-provider accepts only form bodies) becomes a form body;
 * - `audience=<aud>` (which oidc-provider ignores) becomes the matching
 *   `resource=<indicator>`; an unknown audience is `invalid_target`;
 * - a client-credentials request without `scope` gets every scope of its
 *   resource, as Camunda's token endpoints do.
 *
 * Pure: the HTTP plumbing lives in app.ts.
 */
import type { ResourceCatalog } from './resources';

export type TokenRequestOutcome =
  | { kind: 'unchanged' }
  | { kind: 'rewritten'; body: string }
  | { kind: 'refused'; error: string; description: string };

export interface TokenRequestInput {
  contentType: string | undefined;
  body: Buffer;
  authorization: string | undefined;
}

type Params = Map<string, string[]>;

class Refusal extends Error {
  constructor(
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function fromJson(body: Buffer): Params {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal('invalid_request', 'the JSON body could not be parsed');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Refusal('invalid_request', 'the JSON body must be an object');
  }
  const params: Params = new Map();
  for (const [key, item] of Object.entries(value)) {
    const values: unknown[] = Array.isArray(item) ? item : [item];
    if (!values.every((v): v is string => typeof v === 'string')) {
      throw new Refusal(
        'invalid_request',
        `the JSON member "${key}" must be a string or an array of strings`,
      );
    }
    params.set(key, values);
  }
  return params;
}

function fromForm(body: Buffer): Params {
  const params: Params = new Map();
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    params.set(key, [...(params.get(key) ?? []), value]);
  }
  return params;
}

function toForm(params: Params): string {
  const form = new URLSearchParams();
  for (const [key, values] of params) {
    for (const value of values) form.append(key, value);
  }
  return form.toString();
}

/** The client id from HTTP Basic credentials (form-encoded per RFC 6749). */
function basicClientId(authorization: string | undefined): string | undefined {
  const [scheme, credentials] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !credentials) return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** Replaces `audience` with `resource`; returns whether anything changed. */
function mapAudience(params: Params, resources: ResourceCatalog): boolean {
  const audiences = params.get('audience');
  if (!audiences) return false;
  params.delete('audience');
  const indicators = new Set(params.get('resource') ?? []);
  for (const audience of audiences) {
    const resource = resources.byAudience(audience);
    if (!resource) {
      const shown = audience.length > 100 ? 'the requested' : `"${audience}"`;
      throw new Refusal(
        'invalid_target',
        `audience ${shown} is not known to this provider`,
      );
    }
    indicators.add(resource.identifier);
  }
  params.set('resource', [...indicators]);
  return true;
}

/** Gives a scope-less client-credentials request all its resource's scopes. */
function defaultScope(
  params: Params,
  authorization: string | undefined,
  resources: ResourceCatalog,
): boolean {
  const grantType = params.get('grant_type');
  if (grantType?.length !== 1 || grantType[0] !== 'client_credentials') {
    return false;
  }
  if (params.has('scope')) return false;
  const clientId = params.get('client_id')?.[0] ?? basicClientId(authorization);
  if (clientId === undefined) return false;
  const indicators = params.get('resource') ?? [];
  if (indicators.length > 1) return false;
  const resource =
    indicators.length === 1
      ? resources.byIdentifier(indicators[0] ?? '')
      : resources.defaultFor(clientId);
  if (!resource?.clients.includes(clientId)) return false;
  params.set('scope', [resource.scope]);
  return true;
}

/** Decides whether and how a token request body must change. */
export function normalizeTokenRequest(
  input: TokenRequestInput,
  resources: ResourceCatalog,
): TokenRequestOutcome {
  const type = mediaType(input.contentType);
  const json = type === 'application/json';
  if (!json && type !== 'application/x-www-form-urlencoded') {
    return { kind: 'unchanged' };
  }
  try {
    const params = json ? fromJson(input.body) : fromForm(input.body);
    const mapped = mapAudience(params, resources);
    const scoped = defaultScope(params, input.authorization, resources);
    if (!json && !mapped && !scoped) return { kind: 'unchanged' };
    return { kind: 'rewritten', body: toForm(params) };
  } catch (error) {
    if (error instanceof Refusal) {
      return {
        kind: 'refused',
        error: error.error,
        description: error.message,
      };
    }
    throw error;
  }
}
