import { describe, expect, it } from 'vitest';
import { decodeJwtClaims, mapUser } from './map-user';

/** A JWT-shaped token whose payload is UTF-8 JSON, base64url-encoded. */
function jwt(claims: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `e30.${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.sig`;
}

describe('mapUser', () => {
  it('reads the person from the ID token profile', () => {
    expect(
      mapUser({
        sub: 's1',
        preferred_username: 'demo',
        name: 'Demo User',
        email: 'd@x',
        groups: ['a'],
      }),
    ).toEqual({
      username: 'demo',
      name: 'Demo User',
      email: 'd@x',
      groups: ['a'],
    });
  });

  it('falls back to the access token when the ID token carries only sub', () => {
    const token = jwt({
      preferred_username: 'alice',
      name: 'Alice Ängström',
      groups: ['accounting'],
    });
    expect(mapUser({ sub: 's2' }, token)).toEqual({
      username: 'alice',
      name: 'Alice Ängström',
      email: null,
      groups: ['accounting'],
    });
  });

  it('returns null without any user name and ignores malformed tokens', () => {
    expect(mapUser({}, 'not-a-jwt')).toBeNull();
    expect(decodeJwtClaims('a.%%%.c')).toEqual({});
  });
});
