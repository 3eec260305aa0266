import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { TASK_LIST_ITEM_FRAGMENT } from './task-list-item.fragment';
import { Link } from '@tanstack/react-router';
import type { TaskListItem_task } from '../../graphql/__generated__/graphql';
import {
  dueStatus,
  formatDate,
  formatRelativeDate,
  parseTasklistDate,
} from '../../lib/dates';
import type { TaskSearch } from './task-search';

interface TaskListItemProps {
  task: FragmentType<TaskListItem_task>;
  username: string;
  search: TaskSearch;
  selected: boolean;
}

function assigneeLabel(assignee: string | null, username: string): string {
  if (!assignee) return 'Unassigned';
  return assignee === username ? 'Me' : assignee;
}

function urgencyText(task: TaskListItem_task): string | null {
  if (task.taskState !== 'CREATED') return null;
  const status = dueStatus(task.dueDate, task.followUpDate);
  switch (status.kind) {
    case 'overdue':
      return 'overdue';
    case 'due-soon':
      return 'due soon';
    case 'follow-up':
      return `follow-up ${formatDate(status.followUp)}`;
    case 'due':
      return `due ${formatDate(status.due)}`;
    case 'none':
      return null;
  }
}

function UrgencyBadge({ task }: { task: TaskListItem_task }) {
  if (task.taskState !== 'CREATED') {
    const completed = parseTasklistDate(task.completionTime);
    return completed ? (
      <span className="task-card__meta">
        Completed {formatRelativeDate(completed)}
      </span>
    ) : null;
  }
  const status = dueStatus(task.dueDate, task.followUpDate);
  switch (status.kind) {
    case 'overdue':
      return <span className="badge badge--danger">Overdue</span>;
    case 'due-soon':
      return <span className="badge badge--warning">Due soon</span>;
    case 'follow-up':
      return (
        <span className="task-card__meta">
          Follow-up {formatDate(status.followUp)}
        </span>
      );
    case 'due':
      return (
        <span className="task-card__meta">Due {formatDate(status.due)}</span>
      );
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
  const { data, complete } = useFragment({
    fragment: TASK_LIST_ITEM_FRAGMENT,
    fragmentName: 'TaskListItem_task',
    from: task,
  });
  if (!complete) return null;
  const created = parseTasklistDate(data.creationTime);
  const assignee = assigneeLabel(data.assignee, username);
  const urgency = urgencyText(data);
  // One clear sentence for screen readers instead of the run-together card text.
  const label = [
    data.name,
    data.processName,
    data.assignee ? `assigned to ${assignee}` : 'unassigned',
    created ? `created ${formatRelativeDate(created)}` : null,
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
          <span className="visually-hidden">Assignee: </span>
          {assignee}
        </span>
        {created ? (
          <span className="task-card__meta">
            <span className="visually-hidden">Created </span>
            <time dateTime={created.toISOString()}>
              {formatRelativeDate(created)}
            </time>
          </span>
        ) : null}
      </span>
      <span className="task-card__row">
        <UrgencyBadge task={data} />
      </span>
    </Link>
  );
}
