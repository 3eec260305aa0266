import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
/** Who is looking: the signed-in user's name and groups. */
export interface Viewer {
  username: string;
  groups: readonly string[];
}

/** An open task of the started instance, as far as the start flow needs it. */
export interface OpenTask {
  id: string;
  name: string;
  assignee: string | null;
  candidateGroups: readonly string[] | null;
  candidateUsers: readonly string[] | null;
}

/**
 * Assigned to the viewer, or unassigned and open to them: one of its
 * candidate users or groups, or no candidates at all (Tasklist shows such a
 * task to everyone).
 */
export function isForViewer(task: OpenTask, viewer: Viewer): boolean {
  if (task.assignee) return task.assignee === viewer.username;
  const users = task.candidateUsers ?? [];
  const groups = task.candidateGroups ?? [];
  if (users.length === 0 && groups.length === 0) return true;
  return (
    users.includes(viewer.username) ||
    groups.some((group) => viewer.groups.includes(group))
  );
}

/** "for the hr group", "assigned to alice", "for carol or the management group". */
export function audienceOf(task: OpenTask): string {
  const { assignee } = task;
  // Its own context: the words around it differ from a task card's label.
  if (assignee) {
    return t({
      message: `assigned to ${assignee}`,
      context: 'first task of a started process',
    });
  }
  const groups = task.candidateGroups ?? [];
  const users = task.candidateUsers ?? [];
  const names = groups.join(', ');
  const groupCount = groups.length;
  const parts = [
    ...users,
    ...(groups.length === 0
      ? []
      : [
          plural(groupCount, {
            one: `the ${names} group`,
            other: `the ${names} groups`,
          }),
        ]),
  ];
  if (parts.length === 0) return t`for anyone`;
  const audience = new Intl.ListFormat(i18n.locale || 'en', {
    type: 'disjunction',
  }).format(parts);
  return t`for ${audience}`;
}

/** The task to open: one assigned to the viewer first, else one they can claim. */
export function pickTaskFor(
  tasks: readonly OpenTask[],
  viewer: Viewer,
): OpenTask | undefined {
  return (
    tasks.find((task) => task.assignee === viewer.username) ??
    tasks.find((task) => isForViewer(task, viewer))
  );
}

export interface FirstTaskPolling {
  /** Pause between two looks at the instance's tasks. */
  intervalMs: number;
  /** Give up when no task at all appeared within this time. */
  timeoutMs: number;
  /**
   * Once tasks appeared that are not the viewer's, wait this long for one
   * that is (a parallel branch may show up a moment later), then say so.
   */
  settleMs: number;
}

/**
 * Camunda's own Tasklist looks every second; a real cluster needs a second
 * or two to export a new task, the embedded engine none.
 */
export const FIRST_TASK_POLLING: FirstTaskPolling = {
  intervalMs: 1000,
  timeoutMs: 10_000,
  settleMs: 2000,
};

export type FirstTaskOutcome =
  | { kind: 'found'; task: OpenTask }
  /** The instance has open tasks, none of them for the viewer. */
  | { kind: 'elsewhere'; tasks: OpenTask[] }
  /** No open task appeared in time (or the instance has none yet). */
  | { kind: 'none' };

export interface WaitForFirstTaskOptions {
  fetchOpenTasks: () => Promise<readonly OpenTask[]>;
  viewer: Viewer;
  signal: AbortSignal;
  polling?: FirstTaskPolling;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Looks at the new instance's open tasks until one is for the viewer, others
 * have settled, or time is up. A failed look is tried again on the next
 * round; it is thrown only when time ran out without any answer.
 */
export async function waitForFirstTask({
  fetchOpenTasks,
  viewer,
  signal,
  polling = FIRST_TASK_POLLING,
  now = Date.now,
  sleep = abortableSleep,
}: WaitForFirstTaskOptions): Promise<FirstTaskOutcome> {
  const startedAt = now();
  let others: OpenTask[] = [];
  let othersSince: number | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      const tasks = await fetchOpenTasks();
      lastError = undefined;
      const mine = pickTaskFor(tasks, viewer);
      if (mine) return { kind: 'found', task: mine };
      if (tasks.length > 0) {
        others = [...tasks];
        othersSince ??= now();
      }
    } catch (error) {
      if (signal.aborted) throw error;
      lastError = error;
    }
    signal.throwIfAborted();
    const at = now();
    if (othersSince !== undefined && at - othersSince >= polling.settleMs) {
      return { kind: 'elsewhere', tasks: others };
    }
    if (at - startedAt >= polling.timeoutMs) {
      if (others.length > 0) return { kind: 'elsewhere', tasks: others };
      if (lastError !== undefined) {
        throw lastError instanceof Error
          ? lastError
          : new Error('The tasks could not be loaded', { cause: lastError });
      }
      return { kind: 'none' };
    }
    await sleep(polling.intervalMs, signal);
  }
}
