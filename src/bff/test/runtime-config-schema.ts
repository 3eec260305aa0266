import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

/**
 * The `/api/config` contract, `src/bff/runtime-config.schema.json`, compiled
 * with ajv in strict mode (so a typo in the schema is an error, not a
 * keyword silently ignored).
 */
export const RUNTIME_CONFIG_SCHEMA = JSON.parse(
  readFileSync(
    new URL('../runtime-config.schema.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  RUNTIME_CONFIG_SCHEMA,
);

/** The schema's complaints about `value`, as `path message` lines; empty when valid. */
export function runtimeConfigProblems(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '/'} ${error.message ?? ''}`,
  );
}
