/**
 * The signed-in user as oidc-client-ts keeps it, read without the library.
 * Showing a signed-in person's tasks needs only this record, so the library
 * loads when the session has to change: sign-in, renewal, sign-out
 * (docs/decisions/026-oidc-client-loaded-on-demand.md).
 *
 * oidc-client-ts 3 writes the user through its `WebStorageStateStore`
 * (prefix `oidc.`) under `user:<authority>:<client_id>`, as the JSON of
 * `User.toStorageString()`. `stored-user.test.ts` stores users with the real
 * library and reads them here, so an upgrade that moves or reshapes the
 * record fails there, not in a browser.
 */

/** The parts of the stored user the app reads. */
export interface StoredUser {
  access_token: string;
  refresh_token: string | null;
  /** Epoch seconds. Without it the token never counts as expired, as in the library. */
  expires_at: number | undefined;
  /** The ID token's claims. */
  profile: Record<string, unknown>;
}

/** Where oidc-client-ts keeps the user of this provider and client. */
export function storedUserKey(authority: string, clientId: string): string {
  return `oidc.user:${authority}:${clientId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stored user, or null when there is none. A record that is not JSON or
 * lacks what a signed-in user has (an access token, a profile) is treated as
 * no sign-in: the person signs in again, which overwrites it.
 */
export function readStoredUser(
  storage: Storage,
  key: string,
): StoredUser | null {
  let value: unknown;
  try {
    const text = storage.getItem(key);
    if (text === null) return null;
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { access_token, refresh_token, expires_at, profile } = value;
  if (typeof access_token !== 'string' || access_token === '') return null;
  if (!isRecord(profile)) return null;
  if (
    expires_at !== undefined &&
    (typeof expires_at !== 'number' || !Number.isFinite(expires_at))
  ) {
    return null;
  }
  return {
    access_token,
    refresh_token:
      typeof refresh_token === 'string' && refresh_token !== ''
        ? refresh_token
        : null,
    expires_at,
    profile,
  };
}

/**
 * The library's rule (`User.expired`): whole seconds left, expired at none.
 * `now` is in milliseconds, like `Date.now()`.
 */
export function isExpired(
  user: Pick<StoredUser, 'expires_at'>,
  now: number = Date.now(),
): boolean {
  if (user.expires_at === undefined) return false;
  return user.expires_at - Math.floor(now / 1000) <= 0;
}
