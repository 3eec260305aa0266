/**
 * The resource servers (RFC 8707) this provider issues JWT access tokens for,
 * and which client may ask for which.
 */
import type { IdentityConfig } from './config';

export interface Resource {
  /** Resource indicator, an absolute URI. */
  identifier: string;
  /** `aud` of the tokens. */
  audience: string;
  /** Every scope the resource knows, space separated. */
  scope: string;
  /** Clients allowed to get tokens for it. */
  clients: string[];
}

export interface ResourceCatalog {
  all: Resource[];
  byIdentifier(identifier: string): Resource | undefined;
  byAudience(audience: string): Resource | undefined;
  /** The resource a client gets when it names none. */
  defaultFor(clientId: string): Resource | undefined;
}

/** Identity scopes the BFF token reflects; the BFF checks groups, not scopes. */
const BFF_SCOPE = 'openid profile email groups';
const TASKLIST_SCOPE = 'tasklist:read tasklist:write';

/** Builds the catalog from the configuration. */
export function buildResources(config: IdentityConfig): ResourceCatalog {
  // H60: only the confidential BFF client. A Tasklist token in the public
  // SPA's hands would skip the BFF's entitlement check and rate limits.
  const tasklist: Resource = {
    ...config.tasklistResource,
    scope: TASKLIST_SCOPE,
    clients: [config.bffClientId],
  };
  const bff: Resource = {
    ...config.bffResource,
    scope: BFF_SCOPE,
    clients: [config.spaClientId],
  };
  const all = [tasklist, bff];
  const defaults = new Map([
    [config.bffClientId, tasklist],
    [config.spaClientId, bff],
  ]);
  return {
    all,
    byIdentifier: (identifier) => all.find((r) => r.identifier === identifier),
    byAudience: (audience) => all.find((r) => r.audience === audience),
    defaultFor: (clientId) => defaults.get(clientId),
  };
}
