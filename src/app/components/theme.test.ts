import { describe, expect, it } from 'vitest';
import { applyTheme, readThemeChoice, saveThemeChoice } from './theme';

describe('theme choice', () => {
  it('follows the system by default and remembers an explicit choice', () => {
    expect(readThemeChoice()).toBe('system');
    saveThemeChoice('dark');
    expect(readThemeChoice()).toBe('dark');
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    saveThemeChoice('system');
    applyTheme('system');
    expect(readThemeChoice()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
