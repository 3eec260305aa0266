import { useSyncExternalStore } from 'react';
import { localStore } from './browser-storage';

/**
 * Whether the keyboard shortcuts are on: the user's choice, remembered in
 * this browser. Apart from the key matching, so the shell can read it on the
 * first load while the listener's code loads later.
 */
const SETTING_KEY = 'tasklist-inbox.keyboard-shortcuts';
const settingListeners = new Set<() => void>();

/** Shortcuts are on unless the user turned them off (remembered in this browser). */
export function readShortcutsEnabled(): boolean {
  try {
    return localStore().getItem(SETTING_KEY) !== 'off';
  } catch {
    return true;
  }
}

// Only used when writing fails (quota): the choice then holds for this tab.
let fallback: boolean | null = null;

export function writeShortcutsEnabled(enabled: boolean): void {
  try {
    localStore().setItem(SETTING_KEY, enabled ? 'on' : 'off');
    fallback = null;
  } catch {
    fallback = enabled;
  }
  for (const listener of settingListeners) listener();
}

/** The setting as the UI shows it. */
export function shortcutsEnabled(): boolean {
  return fallback ?? readShortcutsEnabled();
}

export function subscribeShortcutsSetting(listener: () => void): () => void {
  settingListeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SETTING_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    settingListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The setting, kept current across this tab's and other tabs' changes. */
export function useShortcutsEnabled(): boolean {
  return useSyncExternalStore(
    subscribeShortcutsSetting,
    shortcutsEnabled,
    shortcutsEnabled,
  );
}
