import { Trans } from '@lingui/react/macro';
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId } from 'react';
import { Button } from '../../components/button';
import type { ProcessListItem_process } from '../../graphql/__generated__/graphql';
import { PROCESS_LIST_ITEM_FRAGMENT } from './process-list-item.fragment';
import { StartStatus } from './start-status';
import type { StartState, StartableProcess } from './use-start-process';

interface ProcessListItemProps {
  process: FragmentType<ProcessListItem_process>;
  /** The start of this process; idle when it is not the one starting. */
  start: StartState;
  /** Another process is starting: one start at a time. */
  locked: boolean;
  onStart: (process: StartableProcess) => void;
  onDismiss: () => void;
  onRefresh: () => void;
}

/** One startable process: name, version, BPMN id and `Start process`. */
export function ProcessListItem({
  process,
  start,
  locked,
  onStart,
  onDismiss,
  onRefresh,
}: ProcessListItemProps) {
  const headingId = useId();
  const { data, complete } = useFragment({
    fragment: PROCESS_LIST_ITEM_FRAGMENT,
    from: process,
  });
  if (!complete) return null;
  const bpmnProcessId = data.processDefinitionId;
  const name = data.name ?? bpmnProcessId ?? data.id;
  const busy = start.status === 'starting' || start.status === 'waiting';
  const { version } = data;
  return (
    <li className="process-card" aria-labelledby={headingId}>
      <div className="process-card__main">
        <div className="process-card__text">
          <h2 id={headingId} className="process-card__name">
            {name}
          </h2>
          <p className="process-card__meta">
            {version === null ? null : (
              <span>
                <Trans>Version {version}</Trans>
              </span>
            )}
            {bpmnProcessId ? (
              <code className="process-card__id">{bpmnProcessId}</code>
            ) : null}
          </p>
        </div>
        {bpmnProcessId ? (
          <Button
            variant="primary"
            isPending={busy}
            isDisabled={locked}
            onPress={() => {
              onStart({ id: data.id, bpmnProcessId, name });
            }}
          >
            <Trans>
              Start process <span className="visually-hidden">{name}</span>
            </Trans>
          </Button>
        ) : (
          <p className="process-card__meta">
            <Trans>Cannot be started: no process id</Trans>
          </p>
        )}
      </div>
      <StartStatus state={start} onDismiss={onDismiss} onRefresh={onRefresh} />
    </li>
  );
}
