import { Trans, useLingui } from '@lingui/react/macro';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorPanel } from './error-panel';

/** The last-resort error boundary: something unexpected, with a way out. */
export function RouteErrorPanel({ reset }: ErrorComponentProps) {
  const { t } = useLingui();
  return (
    <main className="page-center" id="main">
      <ErrorPanel
        title={t`Something went wrong`}
        headingLevel={1}
        onRetry={() => {
          reset();
          window.location.reload();
        }}
        retryLabel={t`Reload the page`}
      >
        <p>
          <Trans>
            The page could not be shown. Reloading usually helps; your drafts
            are kept.
          </Trans>
        </p>
      </ErrorPanel>
    </main>
  );
}
