import { t } from '@lingui/core/macro';
import {
  MAX_SAVED_FILTERS,
  validName,
  type SavedFilter,
} from './saved-filters';
import { addFilter, changeFilter } from './saved-filters-edit';
import { parseExactSearch, type TaskSearch } from './task-search';

/**
 * The export file: a versioned JSON document a team lead hands to the team.
 * Import is strict on purpose: a file that is not exactly what this version
 * writes is refused as a whole with the reason, and nothing changes, because
 * half an import (or a filter quietly missing a condition) would mislead.
 */
export const FILE_FORMAT = 'tasklist-inbox.saved-filters';
export const FILE_VERSION = 1;
export const MAX_FILE_BYTES = 1_000_000;

export interface FilterFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: string;
  filters: { name: string; search: TaskSearch }[];
}

export function exportFile(
  filters: readonly SavedFilter[],
  now: Date = new Date(),
): string {
  const file: FilterFile = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    filters: filters.map(({ name, search }) => ({ name, search })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Why an import is refused, in the active language at the time it is read
 * (the section that reads files loads with its catalogue area).
 */
export const IMPORT_MESSAGES = {
  tooLarge: () =>
    t`The file is larger than 1 MB, so it is not a saved-filters file.`,
  notJson: () => t`The file is not valid JSON.`,
  notOurs: () => t`This file is not a saved-filters file from Tasklist Inbox.`,
  newer: (version: number) => {
    const readable = FILE_VERSION;
    return t`This file has format version ${version}, which this version of Tasklist Inbox cannot read (it reads version ${readable}).`;
  },
  noList: () => t`The file has no list of filters.`,
  empty: () => t`The file holds no filters.`,
  tooMany: () => {
    const max = MAX_SAVED_FILTERS;
    return t`The file holds more than ${max} filters.`;
  },
  badName: (position: number) =>
    t`Filter ${position} in the file has no usable name.`,
  badSearch: (name: string) =>
    t`The filter “${name}” has conditions this inbox does not understand.`,
  duplicate: (name: string) =>
    t`The file holds the name “${name}” more than once.`,
} as const;

export type ImportParse =
  | { ok: true; filters: { name: string; search: TaskSearch }[] }
  | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an export file; every problem is refused with a message people can act on. */
export function parseImportFile(text: string): ImportParse {
  const fail = (message: string): ImportParse => ({ ok: false, message });
  if (text.length > MAX_FILE_BYTES) return fail(IMPORT_MESSAGES.tooLarge());
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(IMPORT_MESSAGES.notJson());
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT)
    return fail(IMPORT_MESSAGES.notOurs());
  if (data.version !== FILE_VERSION) {
    return typeof data.version === 'number' && data.version > FILE_VERSION
      ? fail(IMPORT_MESSAGES.newer(data.version))
      : fail(IMPORT_MESSAGES.notOurs());
  }
  if (!Array.isArray(data.filters)) return fail(IMPORT_MESSAGES.noList());
  const entries: unknown[] = data.filters;
  if (entries.length === 0) return fail(IMPORT_MESSAGES.empty());
  if (entries.length > MAX_SAVED_FILTERS)
    return fail(IMPORT_MESSAGES.tooMany());
  const filters: { name: string; search: TaskSearch }[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const name = isRecord(entry) ? validName(entry.name) : undefined;
    if (!name || !isRecord(entry))
      return fail(IMPORT_MESSAGES.badName(index + 1));
    const search = parseExactSearch(entry.search);
    if (!search) return fail(IMPORT_MESSAGES.badSearch(name));
    if (seen.has(name.toLowerCase()))
      return fail(IMPORT_MESSAGES.duplicate(name));
    seen.add(name.toLowerCase());
    filters.push({ name, search });
  }
  return { ok: true, filters };
}

export interface ImportResult {
  filters: SavedFilter[];
  added: number;
  replaced: number;
}

/**
 * Adds imported filters; one with the name of an existing filter replaces
 * its conditions (a team lead handing out an updated set), keeping its place.
 */
export function mergeImported(
  filters: readonly SavedFilter[],
  imported: readonly Pick<SavedFilter, 'name' | 'search'>[],
): ImportResult {
  let next = [...filters];
  let added = 0;
  let replaced = 0;
  for (const entry of imported) {
    const existing = next.find(
      (f) => f.name.toLowerCase() === entry.name.toLowerCase(),
    );
    if (existing) {
      next = changeFilter(next, existing.id, { search: entry.search });
      replaced += 1;
    } else {
      next = addFilter(next, entry.name, entry.search);
      added += 1;
    }
  }
  return { filters: next, added, replaced };
}
