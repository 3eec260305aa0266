import type { OAuthClientConfig } from '../config';

export interface TokenHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Builds the client-credentials request. Client authentication goes in the
 * body (`client_id` + `client_secret`), which Camunda SaaS, Keycloak and the
 * embedded provider all accept; `audience`, `scope` and `resource` are sent
 * only when configured, so one code path serves every provider preset.
 */
export function buildTokenRequest(client: OAuthClientConfig): TokenHttpRequest {
  const params: [string, string][] = [
    ['grant_type', 'client_credentials'],
    ['client_id', client.clientId],
    ['client_secret', client.clientSecret.reveal()],
  ];
  if (client.audience !== undefined) params.push(['audience', client.audience]);
  if (client.scope !== undefined) params.push(['scope', client.scope]);
  if (client.resource !== undefined) params.push(['resource', client.resource]);

  const json = client.bodyFormat === 'json';
  return {
    url: client.tokenUrl,
    headers: {
      accept: 'application/json',
      'content-type': json
        ? 'application/json'
        : 'application/x-www-form-urlencoded',
    },
    body: json
      ? JSON.stringify(Object.fromEntries(params))
      : new URLSearchParams(params).toString(),
  };
}

/** The cache key of security.md section 4: one entry per client and target. */
export function tokenCacheKey(client: OAuthClientConfig): string {
  return JSON.stringify([
    client.tokenUrl,
    client.clientId,
    client.audience ?? null,
    client.scope ?? null,
    client.resource ?? null,
  ]);
}
