import { t } from '@lingui/core/macro';
import type { VariableInput } from '../../graphql/__generated__/schema-types';
import { parseJson } from '../../lib/json-value';

export interface ExistingVariable {
  id: string;
  name: string;
  previewValue: string;
  isValueTruncated: boolean;
}

export interface AddedVariable {
  key: number;
  name: string;
  value: string;
}

export interface EditorModel {
  /** Edited values of existing variables, by name (raw JSON text). */
  edits: Record<string, string>;
  added: AddedVariable[];
}

/** DOM ids of the editor fields, so validation can move focus to them. */
export const fieldId = {
  edit: (name: string) => `variable-edit-${encodeURIComponent(name)}`,
  addedName: (key: number) => `variable-new-name-${key}`,
  addedValue: (key: number) => `variable-new-value-${key}`,
};

/** Every problem in the editor, keyed by field id, in on-screen order. */
export function validateEditor(
  model: EditorModel,
  existing: readonly ExistingVariable[],
): Map<string, string> {
  const errors = new Map<string, string>();
  for (const variable of existing) {
    const text = model.edits[variable.name];
    if (text === undefined) continue;
    const parsed = parseJson(text);
    if (!parsed.ok) errors.set(fieldId.edit(variable.name), parsed.message);
  }
  const existingNames = new Set(existing.map((v) => v.name));
  const seen = new Set<string>();
  for (const row of model.added) {
    const name = row.name.trim();
    if (name === '') errors.set(fieldId.addedName(row.key), t`Enter a name.`);
    else if (existingNames.has(name)) {
      errors.set(
        fieldId.addedName(row.key),
        t`“${name}” already exists; edit it above instead.`,
      );
    } else if (seen.has(name)) {
      errors.set(fieldId.addedName(row.key), t`“${name}” is added twice.`);
    }
    seen.add(name);
    const parsed = parseJson(row.value);
    if (!parsed.ok) errors.set(fieldId.addedValue(row.key), parsed.message);
  }
  return errors;
}

/**
 * The variables to send: changed existing values and every added one. The
 * text is validated JSON; we re-serialise it so whitespace never matters.
 */
export function editorVariables(
  model: EditorModel,
  existing: readonly ExistingVariable[],
): VariableInput[] {
  const result: VariableInput[] = [];
  for (const variable of existing) {
    const text = model.edits[variable.name];
    if (text === undefined) continue;
    const parsed = parseJson(text);
    if (parsed.ok)
      result.push({ name: variable.name, value: JSON.stringify(parsed.value) });
  }
  for (const row of model.added) {
    const parsed = parseJson(row.value);
    if (parsed.ok)
      result.push({
        name: row.name.trim(),
        value: JSON.stringify(parsed.value),
      });
  }
  return result;
}
