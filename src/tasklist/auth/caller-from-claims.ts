import type { JWTPayload } from 'jose';
import type { Caller, Permission } from '../domain/caller';

export interface ClaimSettings {
  userIdClaim: string;
  groupsClaim: string;
  readScope: string;
  writeScope: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function scopesOf(payload: JWTPayload): Set<string> {
  const { scope, scp } = payload as { scope?: unknown; scp?: unknown };
  const raw = Array.isArray(scp)
    ? scp
    : typeof scope === 'string'
      ? scope.split(' ')
      : [];
  return new Set(
    raw.filter((entry): entry is string => typeof entry === 'string'),
  );
}

function groupsOf(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is string => typeof entry === 'string');
}

/**
 * Turns verified claims into a caller. A client-credentials token (its `sub`
 * is the client id, or it carries no user-id claim) is an API caller named by
 * its client id; any other token is a person named by the user-id claim.
 * Permissions come from the scopes.
 */
export function callerFromClaims(
  payload: JWTPayload,
  settings: ClaimSettings,
): Caller {
  const scopes = scopesOf(payload);
  const permissions: Permission[] = [];
  if (scopes.has(settings.readScope)) permissions.push('READ');
  if (scopes.has(settings.writeScope)) permissions.push('WRITE');

  const clientId = text(payload.client_id) ?? text(payload.azp);
  const subject = text(payload.sub);
  const userId = text(payload[settings.userIdClaim]);
  const isClient =
    userId === undefined || (subject !== undefined && subject === clientId);
  if (isClient) {
    // The verifier requires `sub`, so an id is always there.
    const id = clientId ?? subject ?? '';
    return {
      kind: 'api',
      userId: id,
      displayName: id,
      groups: [],
      permissions,
    };
  }
  return {
    kind: 'user',
    userId,
    displayName: text(payload.name) ?? userId,
    groups: groupsOf(payload, settings.groupsClaim),
    permissions,
  };
}
