import {
  InMemoryCache,
  type FieldFunctionOptions,
  type Reference,
} from '@apollo/client/cache';
import type { TaskQuery } from './__generated__/schema-types';
import { taskListKey } from './task-list-key';

/** Beyond this many loaded tasks the far end of a list is dropped. */
export const MAX_LOADED_TASKS = 10_000;

type Refs = readonly Reference[];

function idsOf(refs: Refs, options: FieldFunctionOptions): string[] {
  return refs.map((ref) => options.readField<string>('id', ref) ?? '');
}

/**
 * Merges one page of a task list into what is loaded:
 * - `searchAfter*` pages append (scrolling down), `searchBefore*` pages
 *   prepend (scrolling back up after the head was dropped);
 * - a page without a cursor is the head, e.g. a poll: it replaces the loaded
 *   tasks up to the last one it shares with them, so new tasks appear on
 *   top, finished ones disappear, and pages further down stay loaded.
 */
export function mergeTaskPages(
  existing: Refs | undefined,
  incoming: Refs,
  options: FieldFunctionOptions,
  maxLoaded: number = MAX_LOADED_TASKS,
): Refs {
  const query = (options.args?.query ?? {}) as TaskQuery;
  const current = existing ?? [];
  const incomingIds = new Set(idsOf(incoming, options));
  const keep = (refs: Refs) =>
    refs.filter(
      (ref) => !incomingIds.has(options.readField<string>('id', ref) ?? ''),
    );

  if (query.searchAfter ?? query.searchAfterOrEqual) {
    const merged = [...keep(current), ...incoming];
    return merged.slice(Math.max(0, merged.length - maxLoaded));
  }
  if (query.searchBefore ?? query.searchBeforeOrEqual) {
    return [...incoming, ...keep(current)].slice(0, maxLoaded);
  }
  const currentIds = idsOf(current, options);
  let lastShared = -1;
  currentIds.forEach((id, index) => {
    if (incomingIds.has(id)) lastShared = index;
  });
  if (lastShared === -1) return incoming;
  return [...incoming, ...keep(current.slice(lastShared + 1))].slice(
    0,
    maxLoaded,
  );
}

export interface CacheOptions {
  maxLoadedTasks?: number;
}

/** The normalised cache: tasks by id, task lists keyed by filter and sort. */
export function createCache(options: CacheOptions = {}): InMemoryCache {
  const maxLoaded = options.maxLoadedTasks ?? MAX_LOADED_TASKS;
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          tasks: {
            keyArgs: (args) =>
              taskListKey(args?.query as TaskQuery | undefined),
            merge: (existing: Refs | undefined, incoming: Refs, fieldOptions) =>
              mergeTaskPages(existing, incoming, fieldOptions, maxLoaded),
          },
        },
      },
      Task: {
        fields: {
          // A task's variables are always replaced as a whole.
          variables: { merge: false },
          candidateGroups: { merge: false },
          candidateUsers: { merge: false },
          sortValues: { merge: false },
        },
      },
    },
  });
}
