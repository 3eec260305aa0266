import { Trans, useLingui } from '@lingui/react/macro';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../components/button';
import { AriaLocale } from '../../i18n/aria-locale';

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
  const { t } = useLingui();
  return (
    <AriaLocale>
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
              {t`Delete “${name}”?`}
            </Heading>
            <p>
              <Trans>
                The saved filter is removed from this browser. Tasks are not
                affected.
              </Trans>
            </p>
            <div className="dialog__actions">
              <Button variant="ghost" onPress={onClose} autoFocus>
                <Trans>Cancel</Trans>
              </Button>
              <Button variant="danger" onPress={onDelete}>
                <Trans>Delete</Trans>
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </AriaLocale>
  );
}
