import type { JWTPayload } from 'jose';
import { userGroups } from '../auth/entitlement';
import { BffError } from '../errors';
import type { ProxyUser } from './bff-token';

/**
 * The person behind a verified user token, as proxy mode names them: `sub`,
 * the Tasklist user name from the configured claim, and their groups. A
 * token without a user name cannot be matched to assignees or candidates,
 * so it gets no BFF token.
 */
export function proxyUserFromClaims(
  claims: JWTPayload,
  usernameClaim: string,
): ProxyUser {
  const username = claims[usernameClaim];
  if (typeof username !== 'string' || username === '' || !claims.sub) {
    throw new BffError({
      status: 403,
      code: 'not_entitled',
      title: 'Not entitled',
      detail: `Your sign-in carries no user name (${usernameClaim}), so the inbox cannot tell which tasks are yours.`,
    });
  }
  return { sub: claims.sub, username, groups: userGroups(claims) };
}
