import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../lib/browser-storage';
import { isExpired, readStoredUser, storedUserKey } from './stored-user';

// The reader must agree with oidc-client-ts itself: each case stores a user
// with the real library (its UserManager and WebStorageStateStore, set up as
// oidc-user-manager.ts does) and reads it back both ways.

const AUTHORITY = 'http://idp.test/realms/inbox';
const CLIENT_ID = 'tasklist-inbox';
const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const nowSeconds = Math.floor(NOW / 1000);

const managers: UserManager[] = [];

function libraryStore(storage: Storage) {
  const store = new WebStorageStateStore({ store: storage });
  const manager = new UserManager({
    authority: AUTHORITY,
    client_id: CLIENT_ID,
    redirect_uri: 'http://localhost:3000/auth/callback',
    userStore: store,
    stateStore: store,
  });
  managers.push(manager);
  return manager;
}

function aLibraryUser(
  overrides: Partial<ConstructorParameters<typeof User>[0]> = {},
) {
  return new User({
    id_token: 'id.token.sig',
    session_state: null,
    access_token: 'access-token',
    refresh_token: 'refresh-token',
    token_type: 'Bearer',
    scope: 'openid profile',
    profile: {
      sub: 's1',
      iss: AUTHORITY,
      aud: CLIENT_ID,
      exp: nowSeconds + 300,
      iat: nowSeconds,
      preferred_username: 'demo',
      name: 'Demo User',
    },
    expires_at: nowSeconds + 300,
    ...overrides,
  });
}

const key = storedUserKey(AUTHORITY, CLIENT_ID);

afterEach(async () => {
  vi.useRealTimers();
  // getUser() arms the library's expiry timers; stop them.
  for (const manager of managers.splice(0)) await manager.events.unload();
});

describe.each([
  ['sessionStorage', () => window.sessionStorage],
  ['memory (storage blocked)', createMemoryStorage],
])('the stored user in %s', (_name, makeStorage) => {
  async function both(user: User | null) {
    const storage = makeStorage();
    const manager = libraryStore(storage);
    await manager.storeUser(user);
    return { storage, manager, read: readStoredUser(storage, key) };
  }

  it('sits under the key the library uses', async () => {
    const { storage } = await both(aLibraryUser());
    const keys = Array.from({ length: storage.length }, (_, i) =>
      storage.key(i),
    );
    expect(keys).toContain(key);
  });

  it.each([
    ['not expired', nowSeconds + 300],
    ['expiring within the second', nowSeconds + 1],
    ['expiring this very second', nowSeconds],
    ['expired', nowSeconds - 10],
    ['without an expiry', undefined],
  ])('agrees with the library on a user %s', async (_case, expiresAt) => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW + 400 });
    const { manager, read } = await both(
      aLibraryUser({ expires_at: expiresAt }),
    );
    const library = await manager.getUser();
    expect(library).not.toBeNull();
    expect(read).toEqual({
      access_token: library?.access_token,
      refresh_token: library?.refresh_token,
      expires_at: library?.expires_at,
      profile: library?.profile,
    });
    expect(isExpired(read ?? { expires_at: undefined })).toBe(
      Boolean(library?.expired),
    );
  });

  it('has no refresh token once the library revoked it', async () => {
    // revokeTokens() stores the user with `refresh_token: null`.
    const { manager, read } = await both(
      Object.assign(aLibraryUser(), { refresh_token: null }),
    );
    expect(read?.refresh_token).toBeNull();
    expect((await manager.getUser())?.refresh_token).toBeNull();
  });

  it('is gone when the library removed it', async () => {
    const storage = makeStorage();
    const manager = libraryStore(storage);
    await manager.storeUser(aLibraryUser());
    await manager.removeUser();
    expect(readStoredUser(storage, key)).toBeNull();
    expect(await manager.getUser()).toBeNull();
  });

  it('is not there for another client or provider', async () => {
    const { storage } = await both(aLibraryUser());
    expect(
      readStoredUser(storage, storedUserKey(AUTHORITY, 'other')),
    ).toBeNull();
    expect(
      readStoredUser(storage, storedUserKey('http://idp.test', CLIENT_ID)),
    ).toBeNull();
  });

  it.each([
    ['not JSON', '{"access_token": "a", '],
    ['JSON null', 'null'],
    ['a list', '[]'],
    ['a string', '"access-token"'],
    ['without an access token', '{"profile": {"sub": "s1"}}'],
    ['with an empty access token', '{"access_token": "", "profile": {}}'],
    ['without a profile', '{"access_token": "a"}'],
    [
      'with a profile that is not an object',
      '{"access_token": "a", "profile": "demo"}',
    ],
    [
      'with an expiry that is not a number',
      '{"access_token": "a", "profile": {}, "expires_at": "soon"}',
    ],
    [
      'with a null expiry',
      '{"access_token": "a", "profile": {}, "expires_at": null}',
    ],
  ])('treats a record %s as nobody signed in, never a crash', (_case, text) => {
    const storage = makeStorage();
    storage.setItem(key, text);
    expect(readStoredUser(storage, key)).toBeNull();
  });
});

it('the library itself fails on a corrupt record, which the reader survives', async () => {
  const storage = createMemoryStorage();
  storage.setItem(key, '{"access_token": "a", ');
  await expect(libraryStore(storage).getUser()).rejects.toThrow(SyntaxError);
  expect(readStoredUser(storage, key)).toBeNull();
});

it('treats storage that throws on reading as nobody signed in', () => {
  const storage = createMemoryStorage();
  storage.getItem = () => {
    throw new DOMException(
      'Access is denied for this document.',
      'SecurityError',
    );
  };
  expect(readStoredUser(storage, key)).toBeNull();
});
