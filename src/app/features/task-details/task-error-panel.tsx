import {
  Link,
  useRouter,
  type ErrorComponentProps,
} from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { isTaskNotFound } from './task-not-found';

/** A broken or unknown task renders inside the inbox, so the list stays usable. */
export function TaskErrorPanel({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = useLingui();
  if (isTaskNotFound(error)) {
    return (
      <EmptyState title={t`Task not found`} headingLevel={1}>
        <p>
          <Trans>
            This task does not exist, or it was removed. Pick another task from
            the list.
          </Trans>
        </p>
        <Link to="/tasks" className="button button--secondary button--medium">
          <Trans>Close</Trans>
        </Link>
      </EmptyState>
    );
  }
  return (
    <ErrorPanel
      title={t`The task could not be loaded`}
      headingLevel={1}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    >
      <p>
        <Trans>
          Something went wrong while loading this task. The list on the left
          still works.
        </Trans>
      </p>
    </ErrorPanel>
  );
}
