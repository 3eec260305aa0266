import { describe, expect, it } from 'vitest';
import { callerFromClaims } from './caller-from-claims';

const settings = {
  userIdClaim: 'preferred_username',
  groupsClaim: 'groups',
  readScope: 'tasklist:read',
  writeScope: 'tasklist:write',
};

describe('callerFromClaims', () => {
  it('treats a client-credentials token as an API caller named by its client id', () => {
    expect(
      callerFromClaims(
        {
          sub: 'tasklist-inbox-bff',
          client_id: 'tasklist-inbox-bff',
          scope: 'tasklist:read tasklist:write',
        },
        settings,
      ),
    ).toEqual({
      kind: 'api',
      userId: 'tasklist-inbox-bff',
      displayName: 'tasklist-inbox-bff',
      groups: [],
      permissions: ['READ', 'WRITE'],
    });
    expect(
      callerFromClaims(
        { sub: 'svc', azp: 'svc', preferred_username: 'svc-user' },
        settings,
      ).kind,
    ).toBe('api');
  });

  it('treats a token without the user-id claim as an API caller', () => {
    const caller = callerFromClaims(
      { sub: 'abc-123', azp: 'reporting', scope: 'tasklist:read' },
      settings,
    );
    expect(caller).toMatchObject({
      kind: 'api',
      userId: 'reporting',
      permissions: ['READ'],
    });
  });

  it('treats other tokens as people, with groups and a display name', () => {
    expect(
      callerFromClaims(
        {
          sub: 'user-42',
          azp: 'tasklist-inbox',
          preferred_username: 'demo',
          name: 'Demo User',
          groups: ['accounting', 'management', 7],
          scope: 'openid tasklist:write',
        },
        settings,
      ),
    ).toEqual({
      kind: 'user',
      userId: 'demo',
      displayName: 'Demo User',
      groups: ['accounting', 'management'],
      permissions: ['WRITE'],
    });
  });

  it('falls back to the user id as display name, and reads configurable claims', () => {
    const caller = callerFromClaims(
      {
        sub: 'u1',
        email: 'alice@example.com',
        roles: 'hr',
        scp: ['read:tasks'],
      },
      {
        userIdClaim: 'email',
        groupsClaim: 'roles',
        readScope: 'read:tasks',
        writeScope: 'write:tasks',
      },
    );
    expect(caller).toEqual({
      kind: 'user',
      userId: 'alice@example.com',
      displayName: 'alice@example.com',
      groups: ['hr'],
      permissions: ['READ'],
    });
  });

  it('grants nothing without the scopes', () => {
    expect(
      callerFromClaims({ sub: 'c', client_id: 'c' }, settings).permissions,
    ).toEqual([]);
  });
});
