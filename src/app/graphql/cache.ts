import {
  InMemoryCache,
  type FieldFunctionOptions,
  type Reference,
} from '@apollo/client/cache';
import { cacheSizes } from '@apollo/client/utilities';
import type { TaskQuery } from './__generated__/schema-types';
import { taskListKey } from './task-list-key';

/** Beyond this many loaded tasks the far end of a list is dropped. */
export const MAX_LOADED_TASKS = 10_000;

type Refs = readonly Reference[];

/**
 * A loaded task's identity. Normalised tasks are references whose `__ref` is
 * the cache id (`Task:<id>`), so comparing those costs nothing; `readField`
 * on every loaded task for every page made loading deep lists quadratic in
 * Apollo's field reading. Only a task the cache could not normalise (no id)
 * is read.
 */
function keyOf(ref: Reference, options: FieldFunctionOptions): string {
  return options.isReference(ref)
    ? ref.__ref
    : `inline:${options.readField<string>('id', ref) ?? ''}`;
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
  const incomingKeys = new Set(incoming.map((ref) => keyOf(ref, options)));
  const keep = (refs: Refs) =>
    refs.filter((ref) => !incomingKeys.has(keyOf(ref, options)));

  if (query.searchAfter ?? query.searchAfterOrEqual) {
    const merged = [...keep(current), ...incoming];
    return merged.slice(Math.max(0, merged.length - maxLoaded));
  }
  if (query.searchBefore ?? query.searchBeforeOrEqual) {
    return [...incoming, ...keep(current)].slice(0, maxLoaded);
  }
  let lastShared = -1;
  for (let index = current.length - 1; index >= 0; index--) {
    const ref = current[index];
    if (ref && incomingKeys.has(keyOf(ref, options))) {
      lastShared = index;
      break;
    }
  }
  if (lastShared === -1) return incoming;
  return [...incoming, ...keep(current.slice(lastShared + 1))].slice(
    0,
    maxLoaded,
  );
}

export interface CacheOptions {
  maxLoadedTasks?: number;
}

/**
 * Room in Apollo's result caches for a full list. Reading a list back costs
 * little only while every loaded task's result is still cached: each task
 * holds two `executeSelectionSet` entries (the list's fields and the row's
 * fragment) and two `executeSubSelectedArray` entries (`sortValues`). With
 * Apollo's defaults (50,000 and 10,000) the array cache overflows at about
 * 5,000 loaded tasks; from there every page evicted results the next read
 * needed, each page re-read every task, and loading 10,000 tasks by scrolling
 * took minutes. The sizes are caps, not allocations.
 */
export function resultCacheSizes(maxLoaded: number) {
  return {
    'inMemoryCache.executeSelectionSet': Math.max(50_000, 8 * maxLoaded),
    'inMemoryCache.executeSubSelectedArray': Math.max(10_000, 8 * maxLoaded),
  } as const;
}

/** The normalised cache: tasks by id, task lists keyed by filter and sort. */
export function createCache(options: CacheOptions = {}): InMemoryCache {
  const maxLoaded = options.maxLoadedTasks ?? MAX_LOADED_TASKS;
  // Apollo reads its cache sizes when a cache is built (a global setting).
  Object.assign(cacheSizes, resultCacheSizes(maxLoaded));
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
      // A form id names a form within one process definition: two
      // definitions (versions) may hold different schemas under one id.
      Form: { keyFields: ['id', 'processDefinitionId'] },
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
