import type { Caller, Permission } from '../domain/caller';
import { TasklistError } from '../domain/messages';
import { invalidArgument, ProblemError, rejection } from './problem';

/** The Zeebe intents of the task commands, which name them in rejections. */
export type TaskIntent = 'ASSIGN' | 'CLAIM' | 'COMPLETE';

/**
 * Turns a domain refusal of a task command into the problem Zeebe's gateway
 * would send. Finished tasks are gone from Zeebe's runtime state, so a
 * command on one is "not found" there too; rules Camunda has no counterpart
 * for (people acting only for themselves) keep Tasklist's message.
 */
export function commandProblem(
  error: unknown,
  intent: TaskIntent,
  taskKey: string,
): unknown {
  if (!(error instanceof TasklistError)) return error;
  const verb = intent.toLowerCase();
  switch (error.refusal) {
    case 'NOT_FOUND':
    case 'NOT_ACTIVE':
      return rejection(
        404,
        'NOT_FOUND',
        intent,
        `Expected to ${verb} user task with key '${taskKey}', but no such user task was found`,
      );
    case 'ALREADY_ASSIGNED':
      return rejection(
        409,
        'INVALID_STATE',
        'CLAIM',
        `Expected to claim user task with key '${taskKey}', but it has already been assigned`,
      );
    case 'NOT_ASSIGNED':
      return new ProblemError(409, 'INVALID_STATE', error.message);
    default:
      return queryProblem(error);
  }
}

/** Turns a domain refusal outside task commands into a problem. */
export function queryProblem(error: unknown): unknown {
  if (!(error instanceof TasklistError)) return error;
  switch (error.refusal) {
    case 'NOT_FOUND':
      return new ProblemError(404, 'NOT_FOUND', error.message);
    case 'FORBIDDEN':
    case 'ASSIGN_OTHER_USER':
    case 'NOT_ASSIGNED_TO_CALLER':
      return new ProblemError(403, 'FORBIDDEN', error.message);
    case 'NOT_ACTIVE':
    case 'ALREADY_ASSIGNED':
    case 'NOT_ASSIGNED':
    case 'INCIDENT':
      return new ProblemError(409, 'INVALID_STATE', error.message);
    case 'INVALID_ARGUMENT':
      return invalidArgument(error.message);
  }
}

/**
 * Camunda authorizes per resource and permission type; our tokens carry
 * READ and WRITE. The refusal names both, so the fix is clear.
 */
export function requireV2Permission(
  caller: Caller,
  permission: Permission,
  operation: string,
): void {
  if (!caller.permissions.includes(permission)) {
    throw new ProblemError(
      403,
      'FORBIDDEN',
      `Unauthorized to perform operation '${operation}' on resource 'PROCESS_DEFINITION': the token grants no ${permission} permission`,
    );
  }
}
