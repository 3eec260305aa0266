import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ErrorPanel } from '../../components/error-panel';

/** The list failed to load: say so inside the app frame, with a retry. */
export function ProcessesErrorPanel({ reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <div className="processes">
      <ErrorPanel
        title="The processes could not be loaded"
        headingLevel={1}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      >
        <p>
          Tasklist did not answer. Check your connection and try again; your
          tasks are not affected.
        </p>
      </ErrorPanel>
    </div>
  );
}
