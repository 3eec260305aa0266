import { Trans, useLingui } from '@lingui/react/macro';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ErrorPanel } from '../../components/error-panel';

/** The list failed to load: say so inside the app frame, with a retry. */
export function ProcessesErrorPanel({ reset }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = useLingui();
  return (
    <div className="processes">
      <ErrorPanel
        title={t`The processes could not be loaded`}
        headingLevel={1}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      >
        <p>
          <Trans>
            Tasklist did not answer. Check your connection and try again; your
            tasks are not affected.
          </Trans>
        </p>
      </ErrorPanel>
    </div>
  );
}
