import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import { Suspense, lazy, useEffect, useState } from 'react';
import { runShortcutAction } from '../components/shortcut-actions';
import {
  shortcutAllowed,
  shortcutFor,
  type ShortcutId,
} from '../lib/keyboard-shortcuts';
import { useShortcutsEnabled } from '../lib/shortcuts-setting';

/** What is said when a shortcut has nothing to act on here. */
const NO_TASKS = msg`There are no tasks to move through here.`;
const NO_QUEUES = msg`Queues are available in the task list.`;
const UNAVAILABLE: Record<ShortcutId, MessageDescriptor | null> = {
  'next-task': NO_TASKS,
  'previous-task': NO_TASKS,
  // Escape means "close" everywhere; with nothing to close it stays silent.
  'back-to-list': null,
  assign: msg`Open a task to assign it.`,
  'focus-form': msg`Open a task to fill in its form.`,
  complete: msg`Open a task to complete it.`,
  'open-filters': msg`Filters are available in the task list.`,
  'show-help': null,
  'queue-1': NO_QUEUES,
  'queue-2': NO_QUEUES,
  'queue-3': NO_QUEUES,
  'queue-4': NO_QUEUES,
  'queue-5': NO_QUEUES,
};

const HELP_OPENED = msg`Keyboard shortcuts`;

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
  const { i18n } = useLingui();
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
        announce(i18n._(HELP_OPENED));
        return;
      }
      const outcome = runShortcutAction(id);
      const unavailable = UNAVAILABLE[id];
      const message = outcome.handled
        ? outcome.announcement
        : unavailable && i18n._(unavailable);
      if (outcome.handled || message) event.preventDefault();
      if (message) announce(message);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled, onShowHelp, i18n]);

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
