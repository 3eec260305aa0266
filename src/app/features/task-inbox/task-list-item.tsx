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
  return (
    <Link
      to="/tasks/$taskId"
      params={{ taskId: data.id }}
      search={search}
      className="task-card"
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
