import { Plural, Trans, useLingui } from '@lingui/react/macro';
import {
  useApolloClient,
  useReadQuery,
  type QueryRef,
} from '@apollo/client/react';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import type { ProcessesRouteQuery } from '../../graphql/__generated__/graphql';
import { ProcessListItem } from './process-list-item';
import { PROCESSES_ROUTE_QUERY } from './processes-query';
import type { StartState, StartableProcess } from './use-start-process';

interface ProcessListProps {
  queryRef: QueryRef<ProcessesRouteQuery>;
  search: string;
  onClearSearch: () => void;
  start: StartState;
  onStart: (process: StartableProcess) => void;
  onDismiss: () => void;
}

/** The startable processes, or why there are none. */
export function ProcessList({
  queryRef,
  search,
  onClearSearch,
  start,
  onStart,
  onDismiss,
}: ProcessListProps) {
  const { t } = useLingui();
  const { data } = useReadQuery(queryRef);
  const client = useApolloClient();
  const onRefresh = () => {
    onDismiss();
    // Through the client, not useQueryRefHandlers: its refetch never reached
    // this list's useReadQuery in the tests (see apollo-client#11772).
    void client.refetchQueries({ include: [PROCESSES_ROUTE_QUERY] });
  };
  const processes = data.processes;
  if (processes.length === 0) {
    return search ? (
      <EmptyState title={t`No processes found`}>
        <p>
          <Trans>No process name or id contains “{search}”.</Trans>
        </p>
        <Button onPress={onClearSearch}>
          <Trans>Clear search</Trans>
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title={t`No processes to start`}>
        <p>
          <Trans>Processes appear here once they are deployed.</Trans>
        </p>
      </EmptyState>
    );
  }
  const count = processes.length;
  const active = start.status === 'idle' ? null : start.process.id;
  const busy = start.status === 'starting' || start.status === 'waiting';
  return (
    <>
      <p className="process-list__count">
        <Plural value={count} one="# process" other="# processes" />
      </p>
      <ul className="process-list" aria-label={t`Processes`}>
        {processes.map((process) => (
          <ProcessListItem
            key={process.id}
            process={process}
            start={process.id === active ? start : { status: 'idle' }}
            locked={busy && process.id !== active}
            onStart={onStart}
            onDismiss={onDismiss}
            onRefresh={onRefresh}
          />
        ))}
      </ul>
    </>
  );
}
