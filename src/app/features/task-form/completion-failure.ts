import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface CompletionFailure {
  title: string;
  detail: string;
  /** A network-type failure: offer `Try again`. */
  retryable: boolean;
}

/** Turns a failed `completeTask` into words a task worker understands. */
export function describeCompletionError(error: unknown): CompletionFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const text = error.errors[0]?.message ?? '';
    if (text.startsWith('Task is not assigned')) {
      return {
        title: 'Task is not assigned to you',
        detail:
          'Assign the task to yourself, then complete it. Your input is kept.',
        retryable: false,
      };
    }
    if (text === 'Task is not active') {
      return {
        title: 'Task is not active',
        detail:
          'It was completed or cancelled in the meantime, so it cannot be completed again.',
        retryable: false,
      };
    }
    if (/was not found/i.test(text)) {
      return {
        title: 'Task not found',
        detail: 'This task no longer exists.',
        retryable: false,
      };
    }
    if (/Unrecognized token|JSON/i.test(text)) {
      return {
        title: 'A value is not valid JSON',
        detail:
          'Tasklist could not read one of the values. Check them and try again.',
        retryable: false,
      };
    }
    return {
      title: 'Tasklist refused to complete the task',
      detail: 'Please check your input and try again.',
      retryable: false,
    };
  }
  return {
    title: 'The task could not be completed',
    detail:
      'The connection failed before Tasklist answered. Your input is kept.',
    retryable: true,
  };
}
