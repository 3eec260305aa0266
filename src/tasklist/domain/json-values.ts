import { TasklistError } from './messages';

export interface VariableInput {
  name: string;
  value: string;
}

const JACKSON_EXPECTING =
  "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

/**
 * Describes why a variable value is not JSON text. A bare word such as `abc`
 * gets the message Tasklist's parser (Jackson) gives; other mistakes get the
 * JavaScript parser's explanation, prefixed with the variable name.
 */
export function jsonErrorMessage(name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    return `Invalid JSON value for variable '${name}': the value is empty (send "\\"\\"" for an empty string, "null" for null)`;
  }
  const token = /^[A-Za-z_$][\w$]*/.exec(trimmed)?.[0];
  if (token && !['true', 'false', 'null'].includes(token)) {
    return `Unrecognized token '${token}': ${JACKSON_EXPECTING}`;
  }
  try {
    JSON.parse(trimmed);
    return '';
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `Invalid JSON value for variable '${name}': ${detail}`;
  }
}

/**
 * Turns `completeTask` variables into normalised JSON text by name. Values
 * must be JSON (strings quoted); the last of two entries with one name wins.
 * Parsing and re-serialising mirrors Zeebe, which stores values, not text.
 */
export function parseVariableInputs(
  inputs: VariableInput[],
): Map<string, string> {
  const values = new Map<string, string>();
  for (const { name, value } of inputs) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new TasklistError(jsonErrorMessage(name, value));
    }
    values.set(name, JSON.stringify(parsed));
  }
  return values;
}
