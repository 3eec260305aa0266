import type { z } from 'zod';
import { invalidArgument } from './problem';

const MAX_SHOWN = 80;

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => (path ? `${path}.${key}` : key));
    return `Unknown request property ${names.map((name) => `'${name}'`).join(', ')}`;
  }
  if (path === '') return 'The request body must be a JSON object';
  if (issue.input === undefined) return `No ${path} provided`;
  return `The value for ${path} is '${show(issue.input)}' but must be ${issue.message}`;
}

/**
 * Reads a request body with a schema, or throws a 400 problem that names
 * every offending property the way Camunda's validation does ("The value for
 * page.limit is '0' but must be ...").
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
): z.output<S> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 5).map(describeIssue);
  throw invalidArgument(`${details.join('. ')}.`);
}
