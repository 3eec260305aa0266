/** Token responses and jose verification against the provider's own JWKS. */
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import type { TestIdentity } from './start-identity';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  id_token?: string;
  refresh_token?: string;
}

export interface ErrorResponse {
  error: string;
  error_description?: string;
}

/** Reads a JSON token response, failing loudly on anything else. */
export async function readTokens(response: Response): Promise<TokenResponse> {
  const body = (await response.json()) as TokenResponse | ErrorResponse;
  if (!response.ok || 'error' in body) {
    throw new Error(`token request failed: ${JSON.stringify(body)}`);
  }
  return body;
}

/** Reads a JSON error response. */
export async function readError(response: Response): Promise<ErrorResponse> {
  return (await response.json()) as ErrorResponse;
}

/** Verifies an access token the way the BFF and Tasklist do. */
export async function verifyAccessToken(
  identity: TestIdentity,
  token: string,
  audience: string,
): Promise<JWTPayload & Record<string, unknown>> {
  const jwks = createRemoteJWKSet(new URL('/jwks', identity.issuer));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: identity.issuer,
    audience,
    typ: 'at+jwt',
    algorithms: ['RS256'],
    requiredClaims: ['sub', 'exp', 'iat'],
  });
  return payload;
}

/** Verifies an ID token for the SPA client. */
export async function verifyIdToken(
  identity: TestIdentity,
  token: string,
): Promise<JWTPayload & Record<string, unknown>> {
  const jwks = createRemoteJWKSet(new URL('/jwks', identity.issuer));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: identity.issuer,
    audience: 'tasklist-inbox',
    algorithms: ['RS256'],
  });
  return payload;
}

/** The `kid` a token was signed with. */
export function kidOf(token: string): string | undefined {
  return decodeProtectedHeader(token).kid;
}

/** A client-credentials request as the BFF sends it by default. */
export function clientCredentials(
  identity: TestIdentity,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const secret = identity.config.bffClientSecret;
  return fetch(identity.url('/token'), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`tasklist-inbox-bff:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...init.headers,
    },
    body: init.body ?? 'grant_type=client_credentials',
  });
}
