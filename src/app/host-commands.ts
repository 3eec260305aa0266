import {
  compact,
  parseExactSearch,
  type TaskSearch,
} from './features/task-inbox/task-search';
import type { HostCommand, ViewFields } from './lib/host-messages';
import type { AppRouter } from './router';

/**
 * A portal's `set-filter` view (issue 13) in the inbox's URL model: a queue,
 * and optionally a sort and custom conditions, each as the inbox's URL
 * writes it. Refused whole (null) when anything would not validate, so a
 * typo never shows a wider list than the portal asked for.
 */
export function parseHostView(fields: ViewFields): TaskSearch | null {
  const search = parseExactSearch(fields);
  return search?.filter ? search : null;
}

/** Carries out a portal's command (already checked by the host bridge). */
export function runHostCommand(
  router: AppRouter,
  command: HostCommand<TaskSearch>,
): Promise<void> {
  if (command.type === 'open-task') {
    return router.navigate({
      to: '/tasks/$taskId',
      params: { taskId: command.taskId },
      search: true,
    });
  }
  const { view } = command;
  // The whole view is replaced; `embed` stays (the root route keeps it).
  return router.navigate({
    to: '/tasks',
    search: compact({
      ...view,
      filter: view.filter === 'all-open' ? undefined : view.filter,
    }),
  });
}
