import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** True when Tasklist says the task id does not exist. */
export function isTaskNotFound(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => /task with id .* was not found/i.test(e.message))
  );
}
