import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { AriaLocale } from '../i18n/aria-locale';

interface ModalDialogProps {
  /**
   * Escape, a click outside and the dialog's own buttons close it through
   * this. Without it the dialog cannot be dismissed: the user must act.
   */
  onClose?: () => void;
  /** For a form with two columns of fields or a table. */
  wide?: boolean;
  /** `alertdialog` for a confirmation or an interruption. */
  role?: 'dialog' | 'alertdialog';
  /** The dialog's heading, which is also its accessible name. */
  title: ReactNode;
  children: ReactNode;
}

/**
 * The one modal shell of the inbox: the overlay, focus kept inside, the
 * page behind made inert, and react-aria speaking the inbox's language.
 * Dialogs are mounted while open and unmounted to close.
 */
export function ModalDialog({
  onClose,
  wide = false,
  role = 'dialog',
  title,
  children,
}: ModalDialogProps) {
  return (
    <AriaLocale>
      <ModalOverlay
        className="modal-overlay"
        isOpen
        isDismissable={onClose !== undefined}
        onOpenChange={(open) => {
          if (!open) onClose?.();
        }}
      >
        <Modal className={wide ? 'modal modal--wide' : 'modal'}>
          <Dialog role={role} className="dialog">
            <Heading slot="title" className="dialog__title">
              {title}
            </Heading>
            {children}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </AriaLocale>
  );
}
