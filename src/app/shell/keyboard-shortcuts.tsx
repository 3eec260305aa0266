import { Suspense, lazy, useEffect, useState } from 'react';
import { runShortcutAction } from '../components/shortcut-actions';
import {
  shortcutAllowed,
  shortcutFor,
  type ShortcutId,
} from '../lib/keyboard-shortcuts';
import { useShortcutsEnabled } from '../lib/shortcuts-setting';

/** What is said when a shortcut has nothing to act on here. */
const UNAVAILABLE: Record<ShortcutId, string | null> = {
  'next-task': 'There are no tasks to move through here.',
  'previous-task': 'There are no tasks to move through here.',
  // Escape means "close" everywhere; with nothing to close it stays silent.
  'back-to-list': null,
  assign: 'Open a task to assign it.',
  'focus-form': 'Open a task to fill in its form.',
  complete: 'Open a task to complete it.',
  'open-filters': 'Filters are available in the task list.',
  'show-help': null,
  'queue-1': 'Queues are available in the task list.',
  'queue-2': 'Queues are available in the task list.',
  'queue-3': 'Queues are available in the task list.',
  'queue-4': 'Queues are available in the task list.',
  'queue-5': 'Queues are available in the task list.',
};

const HELP_OPENED = 'Keyboard shortcuts';

// The list of shortcuts loads the first time it is opened.
const KeyboardShortcutsDialog = lazy(() =>
  import('./keyboard-shortcuts-dialog').then((m) => ({
    default: m.KeyboardShortcutsDialog,
  })),
);

interface KeyboardShortcutsProps {
  onShowHelp: () => void;
  /** Whether the shortcuts dialog is open (`?` or the user menu opens it). */
  helpOpen: boolean;
  onCloseHelp: () => void;
}

/**
 * The one global key listener: it matches a key press to a shortcut, leaves
 * it alone while the user types, runs what the current screen registered
 * for it, and announces the result in a polite live region.
 */
export function KeyboardShortcuts({
  onShowHelp,
  helpOpen,
  onCloseHelp,
}: KeyboardShortcutsProps) {
  const enabled = useShortcutsEnabled();
  // A counter makes a repeated message a new one for screen readers.
  const [said, setSaid] = useState({ text: '', count: 0 });

  useEffect(() => {
    if (!enabled) return;
    const announce = (text: string) => {
      setSaid((previous) => ({ text, count: previous.count + 1 }));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const id = shortcutFor(event);
      if (!id || !shortcutAllowed(event, id)) return;
      if (id === 'show-help') {
        event.preventDefault();
        onShowHelp();
        announce(HELP_OPENED);
        return;
      }
      const outcome = runShortcutAction(id);
      const message = outcome.handled ? outcome.announcement : UNAVAILABLE[id];
      if (outcome.handled || message) event.preventDefault();
      if (message) announce(message);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled, onShowHelp]);

  return (
    <>
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="shortcut-announcer"
      >
        {said.text}
        {said.count % 2 === 1 ? '\u00a0' : ''}
      </div>
      {helpOpen ? (
        <Suspense fallback={null}>
          <KeyboardShortcutsDialog onClose={onCloseHelp} />
        </Suspense>
      ) : null}
    </>
  );
}
