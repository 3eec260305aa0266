import { useApolloClient } from '@apollo/client/react';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Button } from '../../components/button';
import { useShortcutAction } from '../../components/shortcut-actions';
import { describeClaimError } from './claim-errors';
import { useClaimTask } from './use-claim-task';

interface AssignButtonProps {
  taskId: string;
  assignee: string | null;
  username: string;
  /** Re-reads the task after a conflict so the page shows who has it. */
  onConflict: () => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** `Assign to me` or `Unassign`, with its progress and result announced politely. */
export function AssignButton({
  taskId,
  assignee,
  username,
  onConflict,
}: AssignButtonProps) {
  const { t } = useLingui();
  const { assignToMe, unassign, pending } = useClaimTask();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const client = useApolloClient();
  const mine = assignee === username;
  // Someone else has the task: no action, but a conflict message stays visible.
  const canAct = !assignee || mine;

  async function run() {
    setStatus({ kind: 'idle' });
    try {
      if (mine) {
        await unassign(taskId);
        setStatus({ kind: 'done', text: t`Task unassigned.` });
      } else {
        await assignToMe(taskId, username);
        setStatus({ kind: 'done', text: t`Task assigned to you.` });
      }
    } catch (error) {
      const { message, conflict } = describeClaimError(error);
      setStatus({ kind: 'error', text: message });
      if (conflict) {
        onConflict();
        void client.refetchQueries({ include: 'active' });
      }
    }
  }

  // `a`: the same as pressing the button; its live region reports the result.
  useShortcutAction('assign', () => {
    if (!canAct && assignee) {
      return t`This task is assigned to ${assignee}; only they can unassign it.`;
    }
    if (!pending) void run();
    return null;
  });

  const live = pending
    ? mine
      ? t`Unassigning…`
      : t`Assigning…`
    : status.kind === 'done'
      ? status.text
      : '';
  return (
    <div className="assign">
      {canAct ? (
        <Button
          variant={mine ? 'secondary' : 'primary'}
          isPending={pending}
          onPress={() => void run()}
        >
          {mine ? <Trans>Unassign</Trans> : <Trans>Assign to me</Trans>}
        </Button>
      ) : null}
      <span className="assign__status" role="status" aria-live="polite">
        {live}
      </span>
      {status.kind === 'error' ? (
        <p className="inline-error" role="alert">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
