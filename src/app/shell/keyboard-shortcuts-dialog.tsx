import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import {
  useShortcutsEnabled,
  writeShortcutsEnabled,
} from '../lib/shortcuts-setting';
import { Button } from '../components/button';
import { ModalDialog } from '../components/modal-dialog';

/**
 * Every shortcut, as the dialog lists it. Letter keys are the keys
 * themselves; named keys are translated, since keyboards label them in their
 * language (German: Strg, not Ctrl).
 */
const SHORTCUTS: readonly {
  keys: string | MessageDescriptor;
  action: MessageDescriptor;
}[] = [
  { keys: 'j', action: msg`Next task in the list` },
  { keys: 'k', action: msg`Previous task in the list` },
  {
    keys: msg({ message: 'Enter', context: 'keyboard key' }),
    action: msg`Open the task`,
  },
  {
    keys: msg({ message: 'Escape', context: 'keyboard key' }),
    action: msg`Back to the list`,
  },
  { keys: 'a', action: msg`Assign the open task to me, or unassign it` },
  { keys: 'f', action: msg`Go to the first field of the task’s form` },
  {
    keys: msg({ message: 'Ctrl + Enter', context: 'keyboard keys' }),
    action: msg`Complete the task when its form is valid, also while typing in the form (⌘ + Enter on a Mac)`,
  },
  { keys: '/', action: msg`Filter tasks` },
  {
    keys: msg({ message: '1 – 5', context: 'keyboard keys' }),
    action: msg`Switch queue: All open, Assigned to me, Unassigned, My groups, Completed`,
  },
  { keys: '?', action: msg`Show this list` },
];

interface KeyboardShortcutsDialogProps {
  onClose: () => void;
}

/**
 * The `?` dialog: every shortcut, and the switch that turns them off (also
 * in the account menu, which an embedded inbox does not show).
 */
export function KeyboardShortcutsDialog({
  onClose,
}: KeyboardShortcutsDialogProps) {
  const enabled = useShortcutsEnabled();
  const { t, i18n } = useLingui();
  return (
    <ModalDialog
      title={<Trans>Keyboard shortcuts</Trans>}
      onClose={onClose}
      wide
    >
      <p>
        {enabled
          ? t`Single-key shortcuts do nothing while you type in a field.`
          : t`Shortcuts are turned off.`}
      </p>
      <label className="check-field">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => {
            writeShortcutsEnabled(event.target.checked);
          }}
        />
        <span>
          <Trans>Use keyboard shortcuts</Trans>
        </span>
      </label>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">
              <Trans>Keys</Trans>
            </th>
            <th scope="col">
              <Trans>Action</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action.id}>
              <td>
                <kbd>
                  {typeof shortcut.keys === 'string'
                    ? shortcut.keys
                    : i18n._(shortcut.keys)}
                </kbd>
              </td>
              <td>{i18n._(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <Button variant="primary" onPress={onClose} autoFocus>
          <Trans>Close</Trans>
        </Button>
      </div>
    </ModalDialog>
  );
}
