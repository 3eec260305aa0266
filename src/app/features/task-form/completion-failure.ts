import { t } from '@lingui/core/macro';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface CompletionFailure {
  title: string;
  detail: string;
  /** A network-type failure: offer `Try again`. */
  retryable: boolean;
}

/**
 * Turns a failed `completeTask` into words a task worker understands, in the
 * active language. Tasklist's own (English) messages are matched, never shown.
 */
export function describeCompletionError(error: unknown): CompletionFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const text = error.errors[0]?.message ?? '';
    // eslint-disable-next-line lingui/no-unlocalized-strings -- Tasklist's text, matched and never shown
    if (text.startsWith('Task is not assigned')) {
      return {
        title: t`Task is not assigned to you`,
        detail: t`Assign the task to yourself, then complete it. Your input is kept.`,
        retryable: false,
      };
    }
    if (text === 'Task is not active') {
      return {
        title: t`Task is not active`,
        detail: t`It was completed or cancelled in the meantime, so it cannot be completed again.`,
        retryable: false,
      };
    }
    if (/was not found/i.test(text)) {
      return {
        title: t`Task not found`,
        detail: t`This task no longer exists.`,
        retryable: false,
      };
    }
    if (/Unrecognized token|JSON/i.test(text)) {
      return {
        title: t`A value is not valid JSON`,
        detail: t`Tasklist could not read one of the values. Check them and try again.`,
        retryable: false,
      };
    }
    return {
      title: t`Tasklist refused to complete the task`,
      detail: t`Please check your input and try again.`,
      retryable: false,
    };
  }
  return {
    title: t`The task could not be completed`,
    detail: t`The connection failed before Tasklist answered. Your input is kept.`,
    retryable: true,
  };
}
