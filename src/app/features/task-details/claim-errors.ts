import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Puts a failed claim or unclaim in plain words; `conflict` asks for a refresh. */
export function describeClaimError(error: unknown): {
  message: string;
  conflict: boolean;
} {
  if (CombinedGraphQLErrors.is(error)) {
    const text = error.errors[0]?.message ?? '';
    if (text === 'Task is already assigned') {
      return {
        message:
          'Someone else assigned this task a moment ago, so it is no longer available to you.',
        conflict: true,
      };
    }
    if (text === 'Task is not active') {
      return {
        message: 'This task is no longer open, so it cannot be assigned.',
        conflict: true,
      };
    }
    if (text === 'Task is not assigned') {
      return { message: 'This task was already unassigned.', conflict: true };
    }
    if (/not found/i.test(text)) {
      return { message: 'This task no longer exists.', conflict: true };
    }
    return {
      message: 'Tasklist refused the change. Please try again.',
      conflict: false,
    };
  }
  return {
    message:
      'The change could not be sent. Check your connection and try again.',
    conflict: false,
  };
}
