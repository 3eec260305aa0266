import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Trans, useLingui } from '@lingui/react/macro';
import { TASK_LIST_ITEM_FRAGMENT } from './task-list-item.fragment';
import { Link } from '@tanstack/react-router';
import type { TaskListItem_task } from '../../graphql/__generated__/graphql';
import { dueStatus, parseTasklistDate, type DueStatus } from '../../lib/dates';
import { useDates } from '../../i18n/use-dates';
import type { TaskSearch } from './task-search';

interface TaskListItemProps {
  task: FragmentType<TaskListItem_task>;
  username: string;
  search: TaskSearch;
  selected: boolean;
}

/** The urgency of an open task; completed tasks carry none. */
function urgencyOf(task: TaskListItem_task): DueStatus {
  return task.taskState === 'CREATED'
    ? dueStatus(task.dueDate, task.followUpDate)
    : { kind: 'none' };
}

function UrgencyBadge({ task }: { task: TaskListItem_task }) {
  const dates = useDates();
  if (task.taskState !== 'CREATED') {
    const completed = parseTasklistDate(task.completionTime);
    if (!completed) return null;
    const when = dates.dayAndTime(completed);
    return (
      <span className="task-card__meta">
        <Trans>Completed {when}</Trans>
      </span>
    );
  }
  const status = urgencyOf(task);
  switch (status.kind) {
    case 'overdue':
      return (
        <span className="badge badge--danger">
          <Trans>Overdue</Trans>
        </span>
      );
    case 'due-soon':
      return (
        <span className="badge badge--warning">
          <Trans>Due soon</Trans>
        </span>
      );
    case 'follow-up': {
      const date = dates.date(status.followUp);
      return (
        <span className="task-card__meta">
          <Trans>Follow-up {date}</Trans>
        </span>
      );
    }
    case 'due': {
      const when = dates.relative(status.due);
      return (
        <span className="task-card__meta">
          <Trans>Due {when}</Trans>
        </span>
      );
    }
    case 'none':
      return null;
  }
}

/** One task card: a link to the task, operable like any link. */
export function TaskListItem({
  task,
  username,
  search,
  selected,
}: TaskListItemProps) {
  const { t } = useLingui();
  const dates = useDates();
  const { data, complete } = useFragment({
    fragment: TASK_LIST_ITEM_FRAGMENT,
    fragmentName: 'TaskListItem_task',
    from: task,
  });
  if (!complete) return null;
  const created = parseTasklistDate(data.creationTime);
  const assignee = !data.assignee
    ? t`Unassigned`
    : data.assignee === username
      ? t`Me`
      : data.assignee;
  const createdWhen = created ? dates.dayAndTime(created) : null;
  const status = urgencyOf(data);
  let urgency: string | null = null;
  if (status.kind === 'overdue') urgency = t`overdue`;
  else if (status.kind === 'due-soon') urgency = t`due soon`;
  else if (status.kind === 'follow-up') {
    const date = dates.date(status.followUp);
    urgency = t`follow-up ${date}`;
  } else if (status.kind === 'due') {
    const when = dates.relative(status.due);
    urgency = t`due ${when}`;
  }
  // One clear sentence for screen readers instead of the run-together card text.
  const label = [
    data.name,
    data.processName,
    data.assignee ? t`assigned to ${assignee}` : t`unassigned`,
    createdWhen ? t`created ${createdWhen}` : null,
    urgency,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Link
      to="/tasks/$taskId"
      params={{ taskId: data.id }}
      search={search}
      className="task-card"
      aria-label={label}
      aria-current={selected ? 'page' : undefined}
      data-task-id={data.id}
    >
      <span className="task-card__name">{data.name}</span>
      <span className="task-card__process">{data.processName}</span>
      <span className="task-card__row">
        <span className={`assignee${data.assignee ? '' : ' assignee--none'}`}>
          <span className="visually-hidden">
            <Trans>Assignee:</Trans>{' '}
          </span>
          {assignee}
        </span>
        {created ? (
          <span className="task-card__meta">
            <span className="visually-hidden">
              <Trans>Created</Trans>{' '}
            </span>
            <time dateTime={created.toISOString()}>{createdWhen}</time>
          </span>
        ) : null}
      </span>
      <span className="task-card__row">
        <UrgencyBadge task={data} />
      </span>
    </Link>
  );
}
