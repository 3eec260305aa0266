import { Link } from '@tanstack/react-router';
import { Button } from '../../components/button';
import { audienceOf } from './first-task';
import type { StartState } from './use-start-process';

function WayBack({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div className="start-status__actions">
      <Button size="small" onPress={onDismiss}>
        Back to processes
      </Button>
      <Link to="/tasks" className="button button--ghost button--small">
        Go to your tasks
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
  const name = state.process.name;
  switch (state.status) {
    case 'starting':
      return (
        <p className="start-status start-status--busy">Starting {name}…</p>
      );
    case 'waiting':
      return (
        <p className="start-status start-status--busy">
          Waiting for the first task…
        </p>
      );
    case 'elsewhere':
      return (
        <div className="start-status callout callout--info-block">
          <p>
            <strong>{name} started, but its first task is not for you.</strong>{' '}
            {state.tasks
              .map((task) => `“${task.name}” is ${audienceOf(task)}.`)
              .join(' ')}
          </p>
          <WayBack onDismiss={onDismiss} />
        </div>
      );
    case 'none':
      return (
        <div className="start-status callout callout--info-block">
          <p>
            <strong>{name} started, but no task for you appeared.</strong> Its
            first task may have gone to a group you are not in or to someone
            else, or it is still on its way: look in your tasks in a moment.
            (Instance {state.instanceId})
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
                  Refresh the list
                </Button>
              ) : null}
              <Button size="small" onPress={onDismiss}>
                Dismiss
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </>
  );
}
