import { vi } from 'vitest';

/**
 * Opts a test into console output it expects, e.g. TanStack Router's warning
 * for an error that a route's errorComponent handles on purpose.
 */
export function allowConsole(): void {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}
