import type { JWTPayload } from 'jose';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return [];
}

/**
 * The user's groups and roles from the claims IdPs commonly use: `groups`
 * (oidc-provider, Okta, Azure AD), `roles`, and Keycloak's
 * `realm_access.roles`.
 */
export function userGroups(claims: JWTPayload): string[] {
  const realmAccess = claims.realm_access;
  const realmRoles =
    typeof realmAccess === 'object' && realmAccess !== null
      ? strings((realmAccess as { roles?: unknown }).roles)
      : [];
  return [
    ...new Set([
      ...strings(claims.groups),
      ...strings(claims.roles),
      ...realmRoles,
    ]),
  ];
}

/**
 * Check 5: with no allowed groups configured any authenticated user is
 * entitled; otherwise the user needs at least one of them (exact match).
 */
export function isEntitled(claims: JWTPayload, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  const groups = userGroups(claims);
  return allowed.some((group) => groups.includes(group));
}
