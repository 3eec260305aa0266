import { localStore } from '../lib/browser-storage';
import { isSupportedLocale, type Locale } from './locales';

const KEY = 'tasklist-inbox:locale';

/**
 * The language the user picked, if any (a UI preference, not a secret:
 * localStorage is fine; in a frame without storage it lasts for the page
 * only). Without one the browser's languages decide.
 */
export function readLocaleChoice(
  storage: Storage = localStore(),
): Locale | null {
  const value = storage.getItem(KEY);
  return isSupportedLocale(value) ? value : null;
}

export function saveLocaleChoice(
  locale: Locale,
  storage: Storage = localStore(),
): void {
  try {
    storage.setItem(KEY, locale);
  } catch {
    // Quota exceeded: the choice lasts for this page only.
  }
}
