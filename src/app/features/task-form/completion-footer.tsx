import { Button } from '../../components/button';
import type { CompletionFailure } from './completion-failure';

interface CompletionFooterProps {
  canComplete: boolean;
  pending: boolean;
  failure: CompletionFailure | null;
  /** Shown above the button, e.g. "Please review 2 fields". */
  problem?: string | null;
  onComplete: () => void;
  onRetry: () => void;
}

/** `Complete task`, why it is unavailable, its progress, and what went wrong. */
export function CompletionFooter({
  canComplete,
  pending,
  failure,
  problem,
  onComplete,
  onRetry,
}: CompletionFooterProps) {
  return (
    <div className="completion-footer">
      {problem ? (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      {failure ? (
        <div className="callout callout--error" role="alert">
          <p className="callout__title">{failure.title}</p>
          <p>{failure.detail}</p>
          {failure.retryable ? (
            <Button variant="secondary" onPress={onRetry} isPending={pending}>
              Try again
            </Button>
          ) : null}
        </div>
      ) : null}
      {!canComplete ? (
        <p className="hint" id="complete-hint">
          Assign the task to yourself to complete it.
        </p>
      ) : null}
      <span role="status" aria-live="polite" className="visually-hidden">
        {pending ? 'Completing task…' : ''}
      </span>
      <Button
        variant="primary"
        isDisabled={!canComplete}
        isPending={pending}
        onPress={onComplete}
        aria-describedby={!canComplete ? 'complete-hint' : undefined}
      >
        Complete task
      </Button>
    </div>
  );
}
