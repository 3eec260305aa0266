import { Messages, TasklistError } from './messages';

export type Permission = 'READ' | 'WRITE';

/**
 * Who is calling, as Tasklist sees it. An API caller holds a
 * client-credentials token: it acts for an application, so it must name the
 * assignee when claiming and may complete any open task.
 */
export interface Caller {
  kind: 'user' | 'api';
  userId: string;
  displayName: string;
  groups: string[];
  permissions: Permission[];
}

/** Throws Tasklist's access-denied error unless the caller holds the permission. */
export function requirePermission(
  caller: Caller,
  permission: Permission,
): void {
  if (!caller.permissions.includes(permission)) {
    throw new TasklistError(Messages.accessDenied, 'FORBIDDEN');
  }
}
