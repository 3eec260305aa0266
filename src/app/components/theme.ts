import { localStore } from '../lib/browser-storage';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'tasklist-inbox:theme';

/**
 * The remembered theme choice (a UI preference, not a secret: localStorage is
 * fine; in a frame without storage it lasts for the page only).
 */
export function readThemeChoice(storage: Storage = localStore()): ThemeChoice {
  const value = storage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies a choice to the document; `system` lets the media query decide. */
export function applyTheme(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function saveThemeChoice(
  choice: ThemeChoice,
  storage: Storage = localStore(),
): void {
  try {
    if (choice === 'system') storage.removeItem(KEY);
    else storage.setItem(KEY, choice);
  } catch {
    // Quota exceeded: the choice lasts for this page only.
  }
}
