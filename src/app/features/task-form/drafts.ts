import { sessionStore } from '../../lib/browser-storage';

/**
 * Unsent form input, kept per user and task in sessionStorage so it survives
 * a reload or a trip through sign-in, and dies with the tab. It is removed
 * only after Tasklist confirms the completion. Where the browser blocks
 * storage (a cross-site frame) drafts live in memory and die with the page.
 */
export type Draft =
  | { kind: 'form'; data: Record<string, unknown>; savedAt: number }
  | {
      kind: 'variables';
      edits: Record<string, string>;
      added: { name: string; value: string }[];
      savedAt: number;
    };

const PREFIX = 'tasklist-inbox:draft:';

function key(username: string, taskId: string): string {
  return `${PREFIX}${encodeURIComponent(username)}:${encodeURIComponent(taskId)}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'form' || kind === 'variables';
}

/** The saved draft of a task, or null (corrupt entries are dropped). */
export function loadDraft(
  username: string,
  taskId: string,
  storage: Storage = sessionStore(),
): Draft | null {
  const raw = storage.getItem(key(username, taskId));
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isDraft(value)) return value;
  } catch {
    // fall through
  }
  storage.removeItem(key(username, taskId));
  return null;
}

/** Saves a draft; a full storage quota only loses the draft, never the form. */
export function saveDraft(
  username: string,
  taskId: string,
  draft: Draft,
  storage: Storage = sessionStore(),
): void {
  try {
    storage.setItem(key(username, taskId), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage disabled: the in-memory input is still there.
  }
}

export function clearDraft(
  username: string,
  taskId: string,
  storage: Storage = sessionStore(),
): void {
  storage.removeItem(key(username, taskId));
}
