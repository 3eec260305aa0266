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
const LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** Cycles system → light → dark, and remembers the choice. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice());
  return (
    <Button
      variant="ghost"
      size="small"
      aria-label={`${LABEL[choice]}. Change theme`}
      onPress={() => {
        const next = NEXT[choice];
        setChoice(next);
        applyTheme(next);
        saveThemeChoice(next);
      }}
    >
      {LABEL[choice]}
    </Button>
  );
}
