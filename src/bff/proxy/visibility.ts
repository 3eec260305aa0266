import type { TaskVisibility } from '../proxy-config';
import type { UpstreamTask } from '../upstream/tasklist-upstream';
import type { ProxyUser } from './bff-token';

/**
 * Who may see a task with `BFF_TASK_VISIBILITY=candidates`, the way Tasklist
 * restricts a signed-in person: its assignee, its candidate users, members
 * of its candidate groups, and everyone when it names no candidates at all.
 * With `all`, every task is visible (Tasklist without user restrictions).
 */
export function isTaskVisible(
  task: Pick<UpstreamTask, 'assignee' | 'candidateUsers' | 'candidateGroups'>,
  user: ProxyUser,
  visibility: TaskVisibility,
): boolean {
  if (visibility === 'all') return true;
  if (task.assignee === user.username) return true;
  const users = task.candidateUsers ?? [];
  const groups = task.candidateGroups ?? [];
  if (users.length === 0 && groups.length === 0) return true;
  return (
    users.includes(user.username) ||
    groups.some((group) => user.groups.includes(group))
  );
}
