import { Suspense, lazy } from 'react';

const KeyboardShortcutsDialog = lazy(() =>
  import('./keyboard-shortcuts-dialog').then((m) => ({
    default: m.KeyboardShortcutsDialog,
  })),
);

/** The shortcuts dialog's code loads the first time it is opened. */
export function LazyKeyboardShortcutsDialog(props: { onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog {...props} />
    </Suspense>
  );
}
