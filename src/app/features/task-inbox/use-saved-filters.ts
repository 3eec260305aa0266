import { useMemo, useSyncExternalStore } from 'react';
import {
  MAX_SAVED_FILTERS,
  addFilter,
  changeFilter,
  nameProblem,
  readSavedFilters,
  removeFilter,
  subscribeSavedFilters,
  writeSavedFilters,
  type SavedFilter,
} from './saved-filters';
import type { TaskSearch } from './task-search';

export interface SavedFiltersApi {
  filters: SavedFilter[];
  check: (name: string, exceptId?: string) => ReturnType<typeof nameProblem>;
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

/** The signed-in user's saved filters, kept in sync across tabs. */
export function useSavedFilters(username: string): SavedFiltersApi {
  const filters = useSyncExternalStore(
    subscribeSavedFilters,
    () => readSavedFilters(username),
    () => readSavedFilters(username),
  );
  return useMemo(() => {
    // Always start from storage, not the render's copy: another tab may have changed it.
    const current = () => readSavedFilters(username);
    const write = (next: SavedFilter[]) => writeSavedFilters(username, next);
    return {
      filters,
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
  }, [filters, username]);
}
