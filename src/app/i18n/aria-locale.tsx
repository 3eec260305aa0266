import { useLingui } from '@lingui/react';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';

/**
 * Gives react-aria the active language, so its own words (a popover's hidden
 * "Dismiss", a toast's close label, its announcements) and its date and
 * number behaviour follow the picker rather than the browser's language.
 *
 * Each module that renders react-aria components wraps them in this itself,
 * instead of one provider around the whole app: react-aria loads only with
 * the lazy parts that use it (menus, dialogs, toasts), and a provider at the
 * top would pull its locale code into the first load.
 * `scripts/aria-locale.test.ts` holds every such module to it.
 */
export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useLingui();
  return <I18nProvider locale={i18n.locale}>{children}</I18nProvider>;
}
