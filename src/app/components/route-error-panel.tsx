import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorPanel } from './error-panel';

/** The last-resort error boundary: something unexpected, with a way out. */
export function RouteErrorPanel({ reset }: ErrorComponentProps) {
  return (
    <main className="page-center" id="main">
      <ErrorPanel
        title="Something went wrong"
        headingLevel={1}
        onRetry={() => {
          reset();
          window.location.reload();
        }}
        retryLabel="Reload the page"
      >
        <p>
          The page could not be shown. Reloading usually helps; your drafts are
          kept.
        </p>
      </ErrorPanel>
    </main>
  );
}
