import { TasklistError } from '../domain/messages';
import { getTask } from '../domain/task-queries';
import type { TaskRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';
import { longKey } from './filter-schemas';
import { badRequest, notAKey, ProblemError } from './problem';

/** A key from the path; anything Java cannot read as a long is a 400. */
export function keyParam(name: string, value: string): string {
  if (!longKey.safeParse(value).success) throw notAKey(name, value);
  return value;
}

/** A boolean query parameter (`true`/`false`), or the default when absent. */
export function booleanQuery(
  name: string,
  value: string | undefined,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`Failed to convert '${name}' with value: '${value}'`);
}

/** Spring's answer for a required body that is missing. */
export function requireBody(body: unknown): unknown {
  if (body === undefined || body === null) {
    throw badRequest('Required request body is missing');
  }
  return body;
}

/** The task with this key in any state, or the search API's 404. */
export function findUserTask(store: TasklistStore, key: string): TaskRecord {
  try {
    return getTask(store, key);
  } catch (error) {
    if (error instanceof TasklistError && error.refusal === 'NOT_FOUND') {
      throw new ProblemError(
        404,
        'NOT_FOUND',
        `User Task with key ${key} not found`,
      );
    }
    throw error;
  }
}

/** Variables of a command as normalised JSON text by name. */
export function toJsonValues(
  variables: Record<string, unknown> | null | undefined,
): Map<string, string> {
  return new Map(
    Object.entries(variables ?? {}).map(([name, value]) => [
      name,
      JSON.stringify(value),
    ]),
  );
}
