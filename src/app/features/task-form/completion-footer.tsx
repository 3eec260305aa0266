import { Trans, useLingui } from '@lingui/react/macro';
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

/** `Complete task`, why it is unavailable, its progress, and what went wrong. */
export function CompletionFooter({
  canComplete,
  pending,
  failure,
  problem,
  onComplete,
  onRetry,
}: CompletionFooterProps) {
  const { t } = useLingui();
  const notYours = t`Assign the task to yourself to complete it.`;
  // Ctrl+Enter presses `Complete task`: validation, progress and errors are
  // announced by the same regions as for a click.
  useShortcutAction('complete', () => {
    if (!canComplete) return notYours;
    if (pending) return t`The task is being completed.`;
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
              <Trans>Try again</Trans>
            </Button>
          ) : null}
        </div>
      ) : null}
      {!canComplete ? (
        <p className="hint" id="complete-hint">
          {notYours}
        </p>
      ) : null}
      <span role="status" aria-live="polite" className="visually-hidden">
        {pending ? t`Completing task…` : ''}
      </span>
      <Button
        variant="primary"
        isDisabled={!canComplete}
        isPending={pending}
        onPress={onComplete}
        aria-describedby={!canComplete ? 'complete-hint' : undefined}
      >
        <Trans>Complete task</Trans>
      </Button>
    </div>
  );
}
