import { t } from '@lingui/core/macro';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * Puts a failed claim or unclaim in plain words, in the active language;
 * `conflict` asks for a refresh. Tasklist's own messages are matched, never
 * shown: they are English and written for developers.
 */
export function describeClaimError(error: unknown): {
  message: string;
  conflict: boolean;
} {
  if (CombinedGraphQLErrors.is(error)) {
    const text = error.errors[0]?.message ?? '';
    if (text === 'Task is already assigned') {
      return {
        message: t`Someone else assigned this task a moment ago, so it is no longer available to you.`,
        conflict: true,
      };
    }
    if (text === 'Task is not active') {
      return {
        message: t`This task is no longer open, so it cannot be assigned.`,
        conflict: true,
      };
    }
    if (text === 'Task is not assigned') {
      return { message: t`This task was already unassigned.`, conflict: true };
    }
    if (/not found/i.test(text)) {
      return { message: t`This task no longer exists.`, conflict: true };
    }
    return {
      message: t`Tasklist refused the change. Please try again.`,
      conflict: false,
    };
  }
  return {
    message: t`The change could not be sent. Check your connection and try again.`,
    conflict: false,
  };
}
