import { useMemo, useSyncExternalStore } from 'react';
import {
  readSavedFilters,
  subscribeSavedFilters,
  type SavedFilter,
} from './saved-filters';

/** Whose saved filters these are, and the list as stored now. */
export interface SavedFiltersState {
  username: string;
  filters: SavedFilter[];
}

/**
 * The signed-in user's saved filters, kept in sync across tabs. Changing them
 * goes through `editSavedFilters`, which loads with the UI that does it.
 */
export function useSavedFilters(username: string): SavedFiltersState {
  const filters = useSyncExternalStore(
    subscribeSavedFilters,
    () => readSavedFilters(username),
    () => readSavedFilters(username),
  );
  return useMemo(() => ({ username, filters }), [filters, username]);
}
