import { Trans, useLingui } from '@lingui/react/macro';
import { createFileRoute } from '@tanstack/react-router';
import { EmptyState } from '../components/empty-state';

export const Route = createFileRoute('/_authenticated/tasks/')({
  component: function PickATask() {
    const { t } = useLingui();
    return (
      <EmptyState title={t`Pick a task to work on`} headingLevel={1}>
        <p>
          <Trans>
            Choose a task from the list to see its details and complete it.
          </Trans>
        </p>
      </EmptyState>
    );
  },
});
