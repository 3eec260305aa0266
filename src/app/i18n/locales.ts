/** The languages the inbox ships in; English is the source of every message. */
export const SUPPORTED_LOCALES = ['en', 'de', 'es', 'fr'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en';

/**
 * Each language by its own name, so a reader finds theirs whatever the
 * current language is. These are names, not translations: they never change
 * with the active catalogue.
 */
/* eslint-disable lingui/no-unlocalized-strings -- autonyms, the same in every language */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
};
/* eslint-enable lingui/no-unlocalized-strings */

/** Whether a value names one of our languages exactly (`de`, not `de-DE`). */
export function isSupportedLocale(value: unknown): value is Locale {
  return (
    typeof value === 'string' &&
    (SUPPORTED_LOCALES as readonly string[]).includes(value)
  );
}

/**
 * The first of the browser's languages we ship, by primary subtag
 * (`de-AT` → `de`); null when none matches.
 */
export function matchBrowserLanguages(
  languages: readonly string[],
): Locale | null {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isSupportedLocale(primary)) return primary;
  }
  return null;
}

/** The user's choice, else the browser's languages, else English. */
export function negotiateLocale(
  choice: string | null,
  browserLanguages: readonly string[],
): Locale {
  if (isSupportedLocale(choice)) return choice;
  return matchBrowserLanguages(browserLanguages) ?? SOURCE_LOCALE;
}
