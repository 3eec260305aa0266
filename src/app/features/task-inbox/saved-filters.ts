import { localStore } from '../../lib/browser-storage';
import {
  compact,
  parseTaskSearch,
  validText,
  type TaskSearch,
} from './task-search';

/**
 * Saved filters: named views (conditions and sort in URL form), kept per user
 * in this browser's localStorage, like Camunda's Tasklist. They hold no
 * secret and no token, so localStorage is the right place: they survive
 * sign-out and reloads. The stored document carries a version so a later
 * format can read (or knowingly refuse) this one.
 */
export interface SavedFilter {
  id: string;
  name: string;
  search: TaskSearch;
}

export const STORAGE_VERSION = 1;
export const MAX_SAVED_FILTERS = 100;
export const MAX_NAME_LENGTH = 80;

const PREFIX = 'tasklist-inbox.saved-filters.';

export function savedFiltersKey(username: string): string {
  return `${PREFIX}${username}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A valid saved-filter name, or undefined. */
export function validName(value: unknown): string | undefined {
  const name = validText(value);
  return name && name.length <= MAX_NAME_LENGTH ? name : undefined;
}

/** Reads one stored entry; a damaged one is skipped rather than breaking the list. */
function readEntry(value: unknown): SavedFilter | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  const name = validName(value.name);
  if (!name || !isRecord(value.search)) return null;
  return {
    id: value.id,
    name,
    search: compact(parseTaskSearch(value.search)),
  };
}

/** Parses the stored document; anything unreadable counts as no filters. */
export function parseStored(raw: string | null): SavedFilter[] {
  if (!raw) return [];
  try {
    const stored = JSON.parse(raw) as unknown;
    if (!isRecord(stored) || stored.version !== STORAGE_VERSION) return [];
    if (!Array.isArray(stored.filters)) return [];
    return stored.filters
      .map(readEntry)
      .filter((f): f is SavedFilter => f !== null)
      .slice(0, MAX_SAVED_FILTERS);
  } catch {
    return [];
  }
}

/**
 * This browser's localStorage; memory where the browser refuses it (a
 * portal's frame), so filters then last until the page reloads.
 */
export function storage(): Storage {
  return localStore();
}

const listeners = new Set<() => void>();
const snapshots = new Map<
  string,
  { raw: string | null; list: SavedFilter[] }
>();

/** The user's saved filters; the same array until they change (for useSyncExternalStore). */
export function readSavedFilters(username: string): SavedFilter[] {
  const key = savedFiltersKey(username);
  const raw = storage().getItem(key);
  const cached = snapshots.get(key);
  if (cached?.raw === raw) return cached.list;
  const list = parseStored(raw);
  snapshots.set(key, { raw, list });
  return list;
}

/** Tells this tab's subscribers that the stored filters changed. */
export function notifySavedFilters(): void {
  for (const listener of listeners) listener();
}

/** Calls back on changes from this tab and from other tabs (the storage event). */
export function subscribeSavedFilters(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
