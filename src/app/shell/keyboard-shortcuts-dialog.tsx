import {
  useShortcutsEnabled,
  writeShortcutsEnabled,
} from '../lib/shortcuts-setting';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../components/button';

/** Every shortcut, as the dialog lists it. */
const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'j', action: 'Next task in the list' },
  { keys: 'k', action: 'Previous task in the list' },
  { keys: 'Enter', action: 'Open the task' },
  { keys: 'Escape', action: 'Back to the list' },
  { keys: 'a', action: 'Assign the open task to me, or unassign it' },
  { keys: 'f', action: 'Go to the first field of the task’s form' },
  {
    keys: 'Ctrl + Enter',
    action:
      'Complete the task when its form is valid, also while typing in the form (⌘ + Enter on a Mac)',
  },
  { keys: '/', action: 'Filter tasks' },
  {
    keys: '1 – 5',
    action:
      'Switch queue: All open, Assigned to me, Unassigned, My groups, Completed',
  },
  { keys: '?', action: 'Show this list' },
];

const TEXT = {
  title: 'Keyboard shortcuts',
  intro: 'Single-key shortcuts do nothing while you type in a field.',
  off: 'Shortcuts are turned off.',
  use: 'Use keyboard shortcuts',
  keys: 'Keys',
  action: 'Action',
  close: 'Close',
};

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
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal modal--wide">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {TEXT.title}
          </Heading>
          <p>{enabled ? TEXT.intro : TEXT.off}</p>
          <label className="check-field">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(event) => {
                writeShortcutsEnabled(event.target.checked);
              }}
            />
            <span>{TEXT.use}</span>
          </label>
          <table className="shortcut-table">
            <thead>
              <tr>
                <th scope="col">{TEXT.keys}</th>
                <th scope="col">{TEXT.action}</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.action}>
                  <td>
                    <kbd>{shortcut.keys}</kbd>
                  </td>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog__actions">
            <Button variant="primary" onPress={onClose} autoFocus>
              {TEXT.close}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
