import { Suspense, lazy } from 'react';
import { withCatalogue } from '../i18n/catalogues';

// With the words it announces and its dialog's (the `inbox-tools` area).
const KeyboardShortcuts = lazy(
  withCatalogue('inbox-tools', () =>
    import('./keyboard-shortcuts').then((m) => ({
      default: m.KeyboardShortcuts,
    })),
  ),
);

/**
 * The key listener and its live region load right after the first render:
 * nobody presses a shortcut before the page is there, and the first load
 * stays within its budget. The shortcuts dialog loads through it.
 */
export function LazyKeyboardShortcuts(props: {
  onShowHelp: () => void;
  helpOpen: boolean;
  onCloseHelp: () => void;
}) {
  return (
    <Suspense fallback={null}>
      <KeyboardShortcuts {...props} />
    </Suspense>
  );
}
