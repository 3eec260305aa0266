import {
  MAX_SAVED_FILTERS,
  STORAGE_VERSION,
  notifySavedFilters,
  readSavedFilters,
  savedFiltersKey,
  storage,
  validName,
  type SavedFilter,
} from './saved-filters';
import type { TaskSearch } from './task-search';

/**
 * Changing saved filters: only the section under the queues and the inbox
 * dialogs do it, and both load after the list, so this stays out of the
 * first load (which only reads the filters).
 */

/** Stores the user's saved filters; false when the browser refuses (quota, privacy mode). */
export function writeSavedFilters(
  username: string,
  filters: readonly SavedFilter[],
): boolean {
  try {
    storage().setItem(
      savedFiltersKey(username),
      JSON.stringify({ version: STORAGE_VERSION, filters }),
    );
  } catch {
    return false;
  }
  notifySavedFilters();
  return true;
}

export type NameProblem = 'empty' | 'too-long' | 'taken';

/** Why a name cannot be used (names are unique, ignoring case), or null. */
export function nameProblem(
  filters: readonly SavedFilter[],
  name: string,
  exceptId?: string,
): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (!validName(trimmed)) return 'too-long';
  const taken = filters.some(
    (f) => f.id !== exceptId && f.name.toLowerCase() === trimmed.toLowerCase(),
  );
  return taken ? 'taken' : null;
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${String(Date.now())}-${Math.random().toString(36).slice(2)}`;
}

export function addFilter(
  filters: readonly SavedFilter[],
  name: string,
  search: TaskSearch,
): SavedFilter[] {
  return [...filters, { id: newId(), name: name.trim(), search }];
}

export function changeFilter(
  filters: readonly SavedFilter[],
  id: string,
  change: Partial<Pick<SavedFilter, 'name' | 'search'>>,
): SavedFilter[] {
  return filters.map((f) =>
    f.id === id ? { ...f, ...change, name: (change.name ?? f.name).trim() } : f,
  );
}

export function removeFilter(
  filters: readonly SavedFilter[],
  id: string,
): SavedFilter[] {
  return filters.filter((f) => f.id !== id);
}

export interface SavedFiltersApi {
  check: (name: string, exceptId?: string) => NameProblem | null;
  /** Each returns false when the browser refused to store the change. */
  save: (name: string, search: TaskSearch) => boolean;
  rename: (id: string, name: string) => boolean;
  update: (id: string, search: TaskSearch) => boolean;
  remove: (id: string) => boolean;
  /** Null when the import would go past the limit of saved filters. */
  importFilters: <R extends { filters: SavedFilter[] }>(
    merge: (current: SavedFilter[]) => R,
  ) => R | null | false;
}

/** Changes to one user's saved filters, each read from storage afresh. */
export function editSavedFilters(username: string): SavedFiltersApi {
  // Always start from storage, not a render's copy: another tab may have changed it.
  const current = () => readSavedFilters(username);
  const write = (next: SavedFilter[]) => writeSavedFilters(username, next);
  return {
    check: (name, exceptId) => nameProblem(current(), name, exceptId),
    save: (name, search) => write(addFilter(current(), name, search)),
    rename: (id, name) => write(changeFilter(current(), id, { name })),
    update: (id, search) => write(changeFilter(current(), id, { search })),
    remove: (id) => write(removeFilter(current(), id)),
    importFilters: (merge) => {
      // The merge comes with the import code, which loads on first use.
      const result = merge(current());
      if (result.filters.length > MAX_SAVED_FILTERS) return null;
      return write(result.filters) ? result : false;
    },
  };
}
