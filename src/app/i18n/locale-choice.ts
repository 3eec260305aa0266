import { isSupportedLocale, type Locale } from './locales';

const KEY = 'tasklist-inbox:locale';

/**
 * The language the user picked, if any (a UI preference, not a secret:
 * localStorage is fine). Without one the browser's languages decide.
 */
export function readLocaleChoice(
  storage: Storage = window.localStorage,
): Locale | null {
  try {
    const value = storage.getItem(KEY);
    return isSupportedLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveLocaleChoice(
  locale: Locale,
  storage: Storage = window.localStorage,
): void {
  try {
    storage.setItem(KEY, locale);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}
