import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../components/button';

/** Shown when the session ended and could not be renewed; input is kept as drafts. */
export function SessionExpiredDialog({ onSignIn }: { onSignIn: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={false}>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            Your session has expired
          </Heading>
          <p>
            Sign in again to carry on. Anything you typed into a task is kept.
          </p>
          <Button variant="primary" onPress={onSignIn} autoFocus>
            Sign in again
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
