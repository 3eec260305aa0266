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
            label={`Value of ${variable.name}`}
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
            aria-label={`Undo changes to ${variable.name}`}
          >
            Undo
          </Button>
        ) : source === null ? (
          <Button
            size="small"
            variant="secondary"
            isPending={full.loading}
            onPress={() => void full.load()}
            aria-label={`Load ${variable.name} to edit it`}
          >
            Load to edit
          </Button>
        ) : (
          <Button
            size="small"
            variant="secondary"
            onPress={() => {
              onEdit(formatJsonForEditing(source));
            }}
            aria-label={`Edit ${variable.name}`}
          >
            Edit
          </Button>
        )}
      </td>
    </tr>
  );
}
