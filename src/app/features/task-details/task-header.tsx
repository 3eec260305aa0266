import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { TASK_HEADER_FRAGMENT } from './task-header.fragment';
import type { TaskHeader_task } from '../../graphql/__generated__/graphql';
import { useShortcutAction } from '../../components/shortcut-actions';
import { AssignButton } from './assign-button';

interface TaskHeaderProps {
  task: FragmentType<TaskHeader_task>;
  username: string;
  onConflict: () => void;
}

const STATE_LABELS: Record<string, MessageDescriptor> = {
  COMPLETED: msg`Completed`,
  CANCELED: msg`Cancelled`,
};

const CLOSED: Record<string, MessageDescriptor> = {
  COMPLETED: msg`This task is completed, so it cannot be assigned.`,
  CANCELED: msg`This task was cancelled, so it cannot be assigned.`,
};

/** The task's name as the page heading, its process, and the assign action. */
export function TaskHeader({ task, username, onConflict }: TaskHeaderProps) {
  const { i18n } = useLingui();
  const { data, complete } = useFragment({
    fragment: TASK_HEADER_FRAGMENT,
    fragmentName: 'TaskHeader_task',
    from: task,
  });
  const closedText = complete ? CLOSED[data.taskState] : undefined;
  const closed = closedText ? i18n._(closedText) : undefined;
  useShortcutAction('assign', () => closed ?? null, closed !== undefined);
  if (!complete) return null;
  const stateLabel = STATE_LABELS[data.taskState];
  return (
    <header className="task-header">
      <div>
        <h1 className="task-header__title" tabIndex={-1}>
          {data.name}
        </h1>
        <p className="task-header__process">{data.processName}</p>
      </div>
      <div className="task-header__actions">
        {stateLabel ? (
          <span className="badge badge--neutral">{i18n._(stateLabel)}</span>
        ) : (
          <AssignButton
            taskId={data.id}
            assignee={data.assignee}
            username={username}
            onConflict={onConflict}
          />
        )}
      </div>
    </header>
  );
}
