import type { UpstreamTask } from '../upstream/tasklist-upstream';
import type { ProxyUser } from './bff-token';
import { TasklistMessages } from './tasklist-messages';

/**
 * The per-user rules of proxy mode (G44, G45), as pure functions that
 * return Tasklist's own message for a refusal, or undefined to allow.
 */

export interface ClaimArgs {
  assignee?: string | null;
  allowOverrideAssignment?: boolean | null;
}

/**
 * `claimTask`: a person claims for themselves only and never takes over an
 * assigned task, so `assignee` must be their user name and
 * `allowOverrideAssignment` an explicit false (absent or null means true on
 * the server). Checked before the task is even read, as Tasklist does.
 */
export function claimRefusal(
  args: ClaimArgs,
  user: ProxyUser,
): string | undefined {
  return args.assignee === user.username &&
    args.allowOverrideAssignment === false
    ? undefined
    : TasklistMessages.assignOtherUser;
}

/**
 * `unclaimTask` and `completeTask` act only on an open task assigned to this
 * person, in Tasklist's order of checks: active, assigned, assigned to you.
 */
export function ownTaskRefusal(
  task: Pick<UpstreamTask, 'taskState' | 'assignee'>,
  user: ProxyUser,
): string | undefined {
  if (task.taskState !== 'CREATED') return TasklistMessages.taskNotActive;
  if (task.assignee === null) return TasklistMessages.taskNotAssigned;
  if (task.assignee !== user.username) {
    return TasklistMessages.taskNotAssignedTo(user.username);
  }
  return undefined;
}
