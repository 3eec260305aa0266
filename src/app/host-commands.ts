import {
  compact,
  parseExactSearch,
  type TaskSearch,
} from './features/task-inbox/task-search';
import { createHostBridge, watchHeight } from './lib/host-bridge';
import type { HostBridge, HostCommand, ViewFields } from './lib/host-messages';
import type { AppRouter } from './router';

/*
 * The app's side of a portal (issue 13). main.tsx loads this module only in
 * a frame, so the standalone app's first load carries none of it.
 */

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

/**
 * Connects a framed app to its portal: commands go to the router once there
 * is one (before that, the app is still starting and has not said `ready`).
 */
export function connectPortal(
  allowedOrigins: readonly string[],
  router: () => AppRouter | null,
): HostBridge {
  return createHostBridge({
    allowedOrigins,
    parseView: parseHostView,
    onCommand: (command) => {
      const app = router();
      if (app) void runHostCommand(app, command);
    },
  });
}

/** Tells the portal the page's height as it changes, so it can size the frame. */
export function reportHeight(root: HTMLElement, host: HostBridge): () => void {
  return watchHeight(root, (height) => {
    host.send({ type: 'resize', height });
  });
}
