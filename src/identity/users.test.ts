import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from './password-hash';
import { loadUsers, userClaims } from './users';

const DEMO_FILE = path.join(import.meta.dirname, 'demo-users.json');
const dir = mkdtempSync(path.join(tmpdir(), 'identity-users-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('password hashes', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const hash = await hashPassword('correct horse', { ln: 10, r: 8, p: 1 });
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(isPasswordHash(hash)).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
  });

  it('salt every hash', async () => {
    const cost = { ln: 10, r: 8, p: 1 };
    expect(await hashPassword('same', cost)).not.toBe(
      await hashPassword('same', cost),
    );
  });

  it('refuse malformed or absurd hashes', async () => {
    expect(isPasswordHash('demo')).toBe(false);
    expect(isPasswordHash('$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaA')).toBe(false);
    await expect(verifyPassword('x', 'plain')).rejects.toThrow(/malformed/);
  });
});

describe('the demo users file', () => {
  const users = loadUsers(DEMO_FILE);
  const expected = {
    demo: ['Demo User', ['accounting', 'management']],
    alice: ['Alice Adams', ['accounting']],
    bob: ['Bob Brown', ['sales']],
    carol: ['Carol Clark', ['hr']],
  } as const;

  it('holds the four demo users with their groups', () => {
    expect(users.all().map((u) => u.username)).toEqual(Object.keys(expected));
    for (const [username, [name, groups]] of Object.entries(expected)) {
      const user = users.find(username);
      expect(user).toBeDefined();
      const claims = user ? userClaims(user) : {};
      expect(claims).toMatchObject({
        sub: username,
        preferred_username: username,
        name,
        email: `${username}@example.com`,
        groups,
      });
    }
  });

  it('stores hashes, never the passwords', () => {
    const raw = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as {
      users: Record<string, unknown>[];
    };
    for (const entry of raw.users) {
      expect(Object.keys(entry).sort()).toEqual(
        ['email', 'groups', 'name', 'passwordHash', 'username'].sort(),
      );
      expect(isPasswordHash(String(entry.passwordHash))).toBe(true);
    }
  });

  it('signs each user in with the documented password only', async () => {
    for (const username of Object.keys(expected)) {
      expect((await users.authenticate(username, username))?.username).toBe(
        username,
      );
    }
    expect(await users.authenticate('demo', 'alice')).toBeUndefined();
    expect(await users.authenticate('nobody', 'nobody')).toBeUndefined();
    expect((await users.authenticate(' Demo ', 'demo'))?.username).toBe('demo');
  });
});

describe('loading a users file', () => {
  it('names the file and the problem when it is invalid', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        users: [
          {
            username: 'eve',
            name: 'Eve',
            email: 'eve@example.com',
            groups: [],
            passwordHash: 'eve',
          },
        ],
      }),
    );
    expect(() => loadUsers(file)).toThrow(/bad\.json.*\n.*passwordHash/);
    expect(() => loadUsers(path.join(dir, 'missing.json'))).toThrow(
      /cannot read users file/,
    );
    const hash = await hashPassword('x', { ln: 10, r: 8, p: 1 });
    const duplicate = {
      username: 'eve',
      name: 'Eve',
      email: 'eve@example.com',
      groups: [],
      passwordHash: hash,
    };
    writeFileSync(file, JSON.stringify({ users: [duplicate, duplicate] }));
    expect(() => loadUsers(file)).toThrow(/unique/);
  });
});
