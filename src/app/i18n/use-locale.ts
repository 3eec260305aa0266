import { useLingui } from '@lingui/react';
import { useCallback } from 'react';
import { activateLocale } from './catalogues';
import { saveLocaleChoice } from './locale-choice';
import { isSupportedLocale, SOURCE_LOCALE, type Locale } from './locales';

/**
 * The active language, and a way to change it: the new catalogue loads, the
 * whole UI re-renders in it at once, and the choice is remembered.
 */
export function useLocale(): {
  locale: Locale;
  changeLocale: (locale: Locale) => Promise<void>;
} {
  const { i18n } = useLingui();
  const locale = isSupportedLocale(i18n.locale) ? i18n.locale : SOURCE_LOCALE;
  const changeLocale = useCallback(
    async (next: Locale) => {
      saveLocaleChoice(next);
      await activateLocale(next, i18n);
    },
    [i18n],
  );
  return { locale, changeLocale };
}
