import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../components/button';
import { JsonField } from './json-field';
import { fieldId, type AddedVariable } from './variables-editor-model';

interface AddedVariableRowProps {
  row: AddedVariable;
  /** 1-based, for the accessible names ("Name of new variable 2"). */
  position: number;
  /** Problems to show, keyed by field id (empty until the first attempt). */
  errors: ReadonlyMap<string, string>;
  onChange: (patch: Partial<Pick<AddedVariable, 'name' | 'value'>>) => void;
  onRemove: () => void;
}

/** A variable the person adds: its name, its JSON value and `Remove`. */
export function AddedVariableRow({
  row,
  position,
  errors,
  onChange,
  onRemove,
}: AddedVariableRowProps) {
  const { t } = useLingui();
  const nameId = fieldId.addedName(row.key);
  const nameError = errors.get(nameId);
  return (
    <tr>
      <td>
        <div className="field">
          <label htmlFor={nameId} className="visually-hidden">
            <Trans>Name of new variable {position}</Trans>
          </label>
          <input
            id={nameId}
            className="input"
            placeholder={t`Name`}
            value={row.name}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
            onChange={(e) => {
              onChange({ name: e.target.value });
            }}
          />
          {nameError ? (
            <p className="inline-error" id={`${nameId}-error`}>
              {nameError}
            </p>
          ) : null}
        </div>
      </td>
      <td>
        <JsonField
          id={fieldId.addedValue(row.key)}
          label={t`Value of new variable ${position}`}
          value={row.value}
          error={errors.get(fieldId.addedValue(row.key))}
          onChange={(value) => {
            onChange({ value });
          }}
        />
      </td>
      <td className="variables-table__actions">
        <Button
          size="small"
          variant="secondary"
          aria-label={t`Remove new variable ${position}`}
          onPress={onRemove}
        >
          <Trans>Remove</Trans>
        </Button>
      </td>
    </tr>
  );
}
