import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Button } from './button';
import {
  applyTheme,
  readThemeChoice,
  saveThemeChoice,
  type ThemeChoice,
} from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};
const LABEL: Record<ThemeChoice, MessageDescriptor> = {
  system: msg`Theme: system`,
  light: msg`Theme: light`,
  dark: msg`Theme: dark`,
};

/** Cycles system → light → dark, and remembers the choice. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice());
  const { t, i18n } = useLingui();
  const label = i18n._(LABEL[choice]);
  return (
    <Button
      variant="ghost"
      size="small"
      aria-label={t`${label}. Change theme`}
      onPress={() => {
        const next = NEXT[choice];
        setChoice(next);
        applyTheme(next);
        saveThemeChoice(next);
      }}
    >
      {label}
    </Button>
  );
}
