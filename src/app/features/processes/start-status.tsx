import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button';
import { audienceOf } from './first-task';
import type { StartState } from './use-start-process';

function WayBack({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div className="start-status__actions">
      <Button size="small" onPress={onDismiss}>
        <Trans>Back to processes</Trans>
      </Button>
      <Link to="/tasks" className="button button--ghost button--small">
        <Trans>Go to your tasks</Trans>
      </Link>
    </div>
  );
}

type ActiveStart = Exclude<StartState, { status: 'idle' }>;

function Progress({
  state,
  onDismiss,
}: {
  state: ActiveStart;
  onDismiss: () => void;
}) {
  const { t } = useLingui();
  const name = state.process.name;
  const instanceId = state.status === 'none' ? state.instanceId : '';
  switch (state.status) {
    case 'starting':
      return (
        <p className="start-status start-status--busy">
          <Trans>Starting {name}…</Trans>
        </p>
      );
    case 'waiting':
      return (
        <p className="start-status start-status--busy">
          <Trans>Waiting for the first task…</Trans>
        </p>
      );
    case 'elsewhere':
      return (
        <div className="start-status callout callout--info-block">
          <p>
            <strong>
              <Trans>{name} started, but its first task is not for you.</Trans>
            </strong>{' '}
            {state.tasks
              .map((task) => {
                const taskName = task.name;
                const audience = audienceOf(task);
                return t`“${taskName}” is ${audience}.`;
              })
              .join(' ')}
          </p>
          <WayBack onDismiss={onDismiss} />
        </div>
      );
    case 'none':
      return (
        <div className="start-status callout callout--info-block">
          <p>
            <strong>
              <Trans>{name} started, but no task for you appeared.</Trans>
            </strong>{' '}
            <Trans>
              Its first task may have gone to a group you are not in or to
              someone else, or it is still on its way: look in your tasks in a
              moment. (Instance {instanceId})
            </Trans>
          </p>
          <WayBack onDismiss={onDismiss} />
        </div>
      );
    case 'failed':
      return null;
  }
}

interface StartStatusProps {
  /** This process's start, or idle when another process (or none) is starting. */
  state: StartState;
  onDismiss: () => void;
  /** Reloads the list (the process is no longer deployed). */
  onRefresh: () => void;
}

/**
 * What happened after `Start process`, right under the process: progress
 * and outcomes in a polite live region, failures as an alert.
 */
export function StartStatus({ state, onDismiss, onRefresh }: StartStatusProps) {
  return (
    <>
      <div className="start-status-region" role="status" aria-live="polite">
        {state.status === 'idle' ? null : (
          <Progress state={state} onDismiss={onDismiss} />
        )}
      </div>
      {state.status === 'failed' ? (
        <div className="start-status callout callout--error" role="alert">
          <p>
            <strong>{state.failure.title}.</strong> {state.failure.detail}
          </p>
          {state.failure.started ? (
            <WayBack onDismiss={onDismiss} />
          ) : (
            <div className="start-status__actions">
              {state.failure.reason === 'not-deployed' ? (
                <Button size="small" variant="primary" onPress={onRefresh}>
                  <Trans>Refresh the list</Trans>
                </Button>
              ) : null}
              <Button size="small" onPress={onDismiss}>
                <Trans>Dismiss</Trans>
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </>
  );
}
