import { Button } from '../../components/button';
import { useShortcutAction } from '../../components/shortcut-actions';
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

const TEXT = {
  notYours: 'Assign the task to yourself to complete it.',
  busy: 'The task is being completed.',
};

/** `Complete task`, why it is unavailable, its progress, and what went wrong. */
export function CompletionFooter({
  canComplete,
  pending,
  failure,
  problem,
  onComplete,
  onRetry,
}: CompletionFooterProps) {
  // Ctrl+Enter presses `Complete task`: validation, progress and errors are
  // announced by the same regions as for a click.
  useShortcutAction('complete', () => {
    if (!canComplete) return TEXT.notYours;
    if (pending) return TEXT.busy;
    onComplete();
    return null;
  });
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
          {TEXT.notYours}
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
