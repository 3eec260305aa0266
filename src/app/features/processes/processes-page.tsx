import { Trans, useLingui } from '@lingui/react/macro';
import type { QueryRef } from '@apollo/client/react';
import { Suspense } from 'react';
import { Skeleton } from '../../components/skeleton';
import type { ProcessesRouteQuery } from '../../graphql/__generated__/graphql';
import type { FirstTaskPolling, Viewer } from './first-task';
import { ProcessList } from './process-list';
import { ProcessSearchField } from './process-search-field';
import { useStartProcess } from './use-start-process';
import './processes.css';

interface ProcessesPageProps {
  queryRef: QueryRef<ProcessesRouteQuery>;
  /** The search in the URL ('' for none). */
  search: string;
  onSearch: (text: string) => void;
  viewer: Viewer;
  /** Opens the task the start led to. */
  onOpenTask: (taskId: string) => void;
  polling?: FirstTaskPolling;
}

/** `/processes`: find a process, start it, and land on its first task. */
export function ProcessesPage({
  queryRef,
  search,
  onSearch,
  viewer,
  onOpenTask,
  polling,
}: ProcessesPageProps) {
  const { t } = useLingui();
  const { state, start, dismiss } = useStartProcess({
    viewer,
    onTaskFound: onOpenTask,
    ...(polling ? { polling } : {}),
  });
  return (
    <div className="processes">
      <div className="processes__header">
        <h1 className="processes__title" tabIndex={-1}>
          <Trans>Processes</Trans>
        </h1>
        <p className="processes__intro">
          <Trans>
            Start a process; its first task for you opens right away.
          </Trans>
        </p>
        <ProcessSearchField value={search} onSearch={onSearch} />
      </div>
      <Suspense fallback={<Skeleton label={t`Loading processes`} lines={6} />}>
        <ProcessList
          queryRef={queryRef}
          search={search}
          onClearSearch={() => {
            onSearch('');
          }}
          start={state}
          onStart={(process) => void start(process)}
          onDismiss={dismiss}
        />
      </Suspense>
    </div>
  );
}
