import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../components/button';
import { formatJsonForEditing } from '../../lib/json-value';
import { JsonField } from './json-field';
import { useFullVariableValue } from './use-full-variable-value';
import { VariableValue } from './variable-value';
import { fieldId, type ExistingVariable } from './variables-editor-model';

interface ExistingVariableRowProps {
  variable: ExistingVariable;
  /** The edited JSON text, or undefined while the value is unchanged. */
  edit: string | undefined;
  error: string | undefined;
  /** Undefined drops the edit (Undo). */
  onEdit: (text: string | undefined) => void;
}

/**
 * One of the task's variables: its value, or an editor once `Edit` is
 * pressed. A cut preview must be loaded in full first, so an edit never
 * starts from (and sends back) a truncated value.
 */
export function ExistingVariableRow({
  variable,
  edit,
  error,
  onEdit,
}: ExistingVariableRowProps) {
  const { t } = useLingui();
  const { name } = variable;
  const full = useFullVariableValue(variable.id);
  const source =
    full.value ?? (variable.isValueTruncated ? null : variable.previewValue);
  return (
    <tr>
      <th scope="row">{variable.name}</th>
      <td>
        {edit === undefined ? (
          <VariableValue {...variable} />
        ) : (
          <JsonField
            id={fieldId.edit(variable.name)}
            label={t`Value of ${name}`}
            value={edit}
            error={error}
            onChange={onEdit}
          />
        )}
      </td>
      <td className="variables-table__actions">
        {edit !== undefined ? (
          <Button
            size="small"
            variant="secondary"
            onPress={() => {
              onEdit(undefined);
            }}
            aria-label={t`Undo changes to ${name}`}
          >
            <Trans>Undo</Trans>
          </Button>
        ) : source === null ? (
          <Button
            size="small"
            variant="secondary"
            isPending={full.loading}
            onPress={() => void full.load()}
            aria-label={t`Load ${name} to edit it`}
          >
            <Trans>Load to edit</Trans>
          </Button>
        ) : (
          <Button
            size="small"
            variant="secondary"
            onPress={() => {
              onEdit(formatJsonForEditing(source));
            }}
            aria-label={t`Edit ${name}`}
          >
            <Trans>Edit</Trans>
          </Button>
        )}
      </td>
    </tr>
  );
}
