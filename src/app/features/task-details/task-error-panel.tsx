import {
  Link,
  useRouter,
  type ErrorComponentProps,
} from '@tanstack/react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { isTaskNotFound } from './task-not-found';

/** A broken or unknown task renders inside the inbox, so the list stays usable. */
export function TaskErrorPanel({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  if (isTaskNotFound(error)) {
    return (
      <EmptyState title="Task not found" headingLevel={1}>
        <p>
          This task does not exist, or it was removed. Pick another task from
          the list.
        </p>
        <Link to="/tasks" className="button button--secondary button--medium">
          Close
        </Link>
      </EmptyState>
    );
  }
  return (
    <ErrorPanel
      title="The task could not be loaded"
      headingLevel={1}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    >
      <p>
        Something went wrong while loading this task. The list on the left still
        works.
      </p>
    </ErrorPanel>
  );
}
