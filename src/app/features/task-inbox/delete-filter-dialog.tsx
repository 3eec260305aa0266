import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/modal-dialog';

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
    <ModalDialog
      title={t`Delete “${name}”?`}
      onClose={onClose}
      role="alertdialog"
    >
      <p>
        <Trans>
          The saved filter is removed from this browser. Tasks are not affected.
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
    </ModalDialog>
  );
}
