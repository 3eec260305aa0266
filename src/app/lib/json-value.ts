import { t } from '@lingui/core/macro';
/**
 * Tasklist stores every variable value as JSON text. These helpers keep the
 * encode/decode rules in one place.
 */
export type JsonParse =
  { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON text, returning a readable message instead of throwing. */
export function parseJson(text: string): JsonParse {
  if (text.trim() === '') {
    return {
      ok: false,
      message: t`Enter a JSON value, e.g. "text", 42 or true.`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      message: t`This is not valid JSON. Put text in double quotes, e.g. "approved".`,
    };
  }
}

/** Decodes a variable value, falling back to the raw text when it is not JSON. */
export function decodeVariableValue(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

/** JSON-encodes a value for `completeTask` (strings keep their quotes). */
export function encodeVariableValue(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** Pretty JSON for editing: objects indented, scalars as they are. */
export function formatJsonForEditing(text: string): string {
  const parsed = parseJson(text);
  if (!parsed.ok) return text;
  return typeof parsed.value === 'object' && parsed.value !== null
    ? JSON.stringify(parsed.value, null, 2)
    : text;
}
