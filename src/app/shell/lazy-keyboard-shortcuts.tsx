import { Suspense, lazy } from 'react';

const KeyboardShortcuts = lazy(() =>
  import('./keyboard-shortcuts').then((m) => ({
    default: m.KeyboardShortcuts,
  })),
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
