import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../components/button';

const TEXT = {
  title: (name: string) => `Delete “${name}”?`,
  body: 'The saved filter is removed from this browser. Tasks are not affected.',
  remove: 'Delete',
  cancel: 'Cancel',
};

/** Confirms deleting a saved filter. */
export function DeleteFilterDialog({
  name,
  onDelete,
  onClose,
}: {
  name: string;
  onDelete: () => void;
  onClose: () => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            {TEXT.title(name)}
          </Heading>
          <p>{TEXT.body}</p>
          <div className="dialog__actions">
            <Button variant="ghost" onPress={onClose} autoFocus>
              {TEXT.cancel}
            </Button>
            <Button variant="danger" onPress={onDelete}>
              {TEXT.remove}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
