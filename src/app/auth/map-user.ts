import type { AuthUser } from './auth-types';

type Claims = Record<string, unknown>;

/** Reads the payload of a JWT without verifying it (the BFF verifies). */
export function decodeJwtClaims(token: string | undefined): Claims {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(
      decodeURIComponent(
        Array.from(
          json,
          (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
        ).join(''),
      ),
    );
    return typeof claims === 'object' && claims !== null
      ? (claims as Claims)
      : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Builds the app user from the ID token profile, falling back to the access
 * token's claims: some providers put only `sub` in the ID token.
 */
export function mapUser(
  profile: Claims,
  accessToken?: string,
): AuthUser | null {
  const access = decodeJwtClaims(accessToken);
  const pick = (name: string) => text(profile[name]) ?? text(access[name]);
  const username = pick('preferred_username') ?? pick('sub');
  if (!username) return null;
  const groups = Array.isArray(profile.groups)
    ? profile.groups
    : Array.isArray(access.groups)
      ? access.groups
      : [];
  return {
    username,
    name: pick('name') ?? username,
    email: pick('email'),
    groups: groups.filter((g): g is string => typeof g === 'string'),
  };
}
