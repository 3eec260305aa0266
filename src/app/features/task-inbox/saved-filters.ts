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

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();
const snapshots = new Map<
  string,
  { raw: string | null; list: SavedFilter[] }
>();

/** The user's saved filters; the same array until they change (for useSyncExternalStore). */
export function readSavedFilters(username: string): SavedFilter[] {
  const key = savedFiltersKey(username);
  const raw = storage()?.getItem(key) ?? null;
  const cached = snapshots.get(key);
  if (cached?.raw === raw) return cached.list;
  const list = parseStored(raw);
  snapshots.set(key, { raw, list });
  return list;
}

/** Stores the user's saved filters; false when the browser refuses (quota, privacy mode). */
export function writeSavedFilters(
  username: string,
  filters: readonly SavedFilter[],
): boolean {
  const target = storage();
  if (!target) return false;
  try {
    target.setItem(
      savedFiltersKey(username),
      JSON.stringify({ version: STORAGE_VERSION, filters }),
    );
  } catch {
    return false;
  }
  for (const listener of listeners) listener();
  return true;
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
