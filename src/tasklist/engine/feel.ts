import { evaluate, SyntaxError as FeelSyntaxError } from '@bpmn-io/feelin';

/**
 * FEEL through feelin, the interpreter form-js uses in the browser. Zeebe's
 * notation: an expression starts with `=`; any other text is a static value.
 */

export type FeelOutcome<T> =
  { ok: true; value: T } | { ok: false; error: string };

/** Variables as FEEL sees them: plain JavaScript values. */
export type FeelVariables = Record<string, unknown>;

export const isExpression = (text: string) => text.trimStart().startsWith('=');

const bodyOf = (text: string) => text.trimStart().slice(1).trim();

/**
 * `now()` and `today()` follow the engine's clock (the seed's `--now`, a
 * test's fixed clock) instead of the machine's. Overriding them through the
 * context works because feelin looks names up in the context first; the
 * values are feelin's own temporal values, made by feelin.
 */
function clockFunctions(at: number): FeelVariables {
  const iso = new Date(at).toISOString();
  return {
    now: () => evaluate(`date and time("${iso}")`).value,
    today: () => evaluate(`date("${iso.slice(0, 10)}")`).value,
  };
}

/** Plain JSON (what Zeebe would store): temporal values become ISO text. */
function toJson(value: unknown): unknown {
  if (value === undefined || typeof value === 'function') return null;
  // JSON.stringify gives undefined for values JSON cannot hold.
  const text = JSON.stringify(value) as string | undefined;
  return JSON.parse(text ?? 'null') as unknown;
}

function describeWarnings(
  warnings: { type: string; message: string }[],
): string {
  if (warnings.length === 0) return '';
  return ` The evaluation reported the following warnings: ${warnings
    .map((warning) => `[${warning.type}] ${warning.message}`)
    .join('; ')}`;
}

/** Zeebe's type names, for messages such as "to be 'BOOLEAN', but was 'NULL'". */
function feelType(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object' && 'toISO' in value) return 'DATE_TIME';
  return 'OBJECT';
}

function run(
  expression: string,
  variables: FeelVariables,
  at: number,
): FeelOutcome<{ raw: unknown; warnings: string }> {
  try {
    const result = evaluate(expression, {
      ...variables,
      ...clockFunctions(at),
    });
    return {
      ok: true,
      value: { raw: result.value, warnings: describeWarnings(result.warnings) },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `failed to evaluate expression '${expression}': ${message}`,
    };
  }
}

/**
 * The value of a mapping source, assignment or date: FEEL when it starts
 * with `=`, else the text itself. Missing variables give null, as in Zeebe.
 */
export function evaluateValue(
  source: string,
  variables: FeelVariables,
  at: number,
): FeelOutcome<unknown> {
  if (!isExpression(source)) return { ok: true, value: source };
  const outcome = run(bodyOf(source), variables, at);
  return outcome.ok ? { ok: true, value: toJson(outcome.value.raw) } : outcome;
}

/**
 * A sequence-flow condition. Anything but a boolean (a missing variable, a
 * comparison between incompatible types) is an evaluation failure, which
 * stops the instance like a Zeebe incident rather than counting as false.
 */
export function evaluateCondition(
  condition: string,
  variables: FeelVariables,
  at: number,
): FeelOutcome<boolean> {
  const expression = isExpression(condition) ? bodyOf(condition) : condition;
  const outcome = run(expression, variables, at);
  if (!outcome.ok) return outcome;
  const { raw, warnings } = outcome.value;
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  return {
    ok: false,
    error: `Expected result of the expression '${expression}' to be 'BOOLEAN', but was '${feelType(raw)}'.${warnings}`,
  };
}

/**
 * A date-time value (`dueDate`, `followUpDate`): ISO 8601 text with an
 * offset, or a FEEL date-time. Null means "no date".
 */
export function evaluateDateTime(
  source: string,
  variables: FeelVariables,
  at: number,
): FeelOutcome<number | null> {
  const outcome = evaluateValue(source, variables, at);
  if (!outcome.ok) return outcome;
  const value = outcome.value;
  if (value === null) return { ok: true, value: null };
  const millis =
    typeof value === 'string' && /(Z|[+-]\d\d:?\d\d)$/i.test(value.trim())
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(millis)) {
    return {
      ok: false,
      error: `Expected result of the expression '${source}' to be an ISO 8601 date-time with an offset, but was ${JSON.stringify(value)}`,
    };
  }
  return { ok: true, value: millis };
}

/**
 * A list of names (candidate groups or users): static comma-separated text,
 * or FEEL giving a list of strings (a single string counts as one name).
 */
export function evaluateNames(
  source: string,
  variables: FeelVariables,
  at: number,
): FeelOutcome<string[]> {
  if (!isExpression(source)) {
    return {
      ok: true,
      value: source
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    };
  }
  const outcome = evaluateValue(source, variables, at);
  if (!outcome.ok) return outcome;
  const value = outcome.value;
  if (value === null) return { ok: true, value: [] };
  if (typeof value === 'string') return { ok: true, value: [value] };
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) {
    return { ok: true, value };
  }
  return {
    ok: false,
    error: `Expected result of the expression '${source}' to be 'ARRAY' of strings, but was '${feelType(value)}'.`,
  };
}

/**
 * Load-time check of an expression's syntax (no variables, so only parse
 * errors count): undefined when it is fine, else the parser's message.
 */
export function feelSyntaxError(source: string): string | undefined {
  if (!isExpression(source)) return undefined;
  try {
    evaluate(bodyOf(source), clockFunctions(0));
    return undefined;
  } catch (error) {
    if (error instanceof FeelSyntaxError) return error.message;
    return undefined;
  }
}

/**
 * Whether an expression needs no variables, so a pass-through element can
 * apply it without the work that would have produced its inputs.
 */
export function isStaticValue(source: string): boolean {
  if (!isExpression(source)) return true;
  try {
    const result = evaluate(bodyOf(source), clockFunctions(0));
    return !result.warnings.some((warning) =>
      [
        'NO_VARIABLE_FOUND',
        'NO_CONTEXT_ENTRY_FOUND',
        'NO_PROPERTY_FOUND',
      ].includes(warning.type),
    );
  } catch {
    return false;
  }
}
