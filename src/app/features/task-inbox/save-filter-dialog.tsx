import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type SubmitEvent } from 'react';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/modal-dialog';
import { Field } from './form-field';
import { MAX_NAME_LENGTH } from './saved-filters';
import type { NameProblem } from './saved-filters-edit';

interface SaveFilterDialogProps {
  /** The filter being renamed; without it the dialog saves a new one. */
  renaming?: string;
  /** Checks a name; null when it can be used. */
  check: (name: string) => NameProblem | null;
  /** Stores the name; false when the browser refused. */
  onSave: (name: string) => boolean;
  onClose: () => void;
}

/** `Save filter` (a `Name` and `Save`), also used to rename a saved filter. */
export function SaveFilterDialog({
  renaming,
  check,
  onSave,
  onClose,
}: SaveFilterDialogProps) {
  const { t } = useLingui();
  const [name, setName] = useState(renaming ?? '');
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const problem = check(name);
    if (problem) {
      const max = MAX_NAME_LENGTH;
      setError(
        problem === 'empty'
          ? t`Enter a name.`
          : problem === 'too-long'
            ? t`Use at most ${max} characters, without line breaks.`
            : t`You already have a saved filter with this name.`,
      );
      return;
    }
    if (!onSave(name)) setFailed(true);
  }

  return (
    <ModalDialog
      title={renaming ? t`Rename “${renaming}”` : t`Save filter`}
      onClose={onClose}
    >
      <form noValidate onSubmit={submit}>
        {renaming ? null : (
          <p className="dialog__intro">
            <Trans>
              Saves the current filter and sort under a name, in this browser,
              for you only.
            </Trans>
          </p>
        )}
        <Field label={t`Name`} error={error}>
          {(ids) => (
            <input
              {...ids}
              className="input"
              autoComplete="off"
              // The dialog exists to take this one value.
              autoFocus
              maxLength={MAX_NAME_LENGTH + 20}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </Field>
        {failed ? (
          <p className="inline-error" role="alert">
            <Trans>
              This browser did not let the inbox store the filter (storage may
              be full or turned off).
            </Trans>
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button variant="ghost" onPress={onClose}>
            <Trans>Cancel</Trans>
          </Button>
          <Button variant="primary" type="submit">
            <Trans>Save</Trans>
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
