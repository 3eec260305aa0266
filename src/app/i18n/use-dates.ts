import { useLingui } from '@lingui/react/macro';
import { useMemo } from 'react';
import {
  calendarDaysFrom,
  formatDate,
  formatDateTime,
  formatRelativeTime,
  formatTime,
} from '../lib/dates';

/** Date formatting in the active language; re-renders when it changes. */
export function useDates() {
  const { t, i18n } = useLingui();
  const { locale } = i18n;
  return useMemo(
    () => ({
      /** "Today, 3:40 PM", "Yesterday, 9:05 AM", or a date ("Mar 3, 2026"). */
      dayAndTime(date: Date, now: Date = new Date()): string {
        const days = calendarDaysFrom(date, now);
        const time = formatTime(date, locale);
        if (days === 0) return t`Today, ${time}`;
        if (days === -1) return t`Yesterday, ${time}`;
        return formatDate(date, locale);
      },
      date: (date: Date) => formatDate(date, locale),
      dateTime: (date: Date) => formatDateTime(date, locale),
      /** "2 hours ago", "tomorrow", "in 3 days". */
      relative: (date: Date, now?: Date) =>
        formatRelativeTime(date, locale, now),
    }),
    [locale, t],
  );
}
