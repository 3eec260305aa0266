import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { TASK_DETAILS_ASIDE_FRAGMENT } from './task-details-aside.fragment';
import type { TaskDetailsAside_task } from '../../graphql/__generated__/graphql';
import { dueStatus, formatDateTime, parseTasklistDate } from '../../lib/dates';

function When({ value, empty }: { value: string | null; empty: string }) {
  const date = parseTasklistDate(value);
  return date ? (
    <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>
  ) : (
    <>{empty}</>
  );
}

function list(values: readonly string[] | null): string {
  return values && values.length > 0 ? values.join(', ') : 'None';
}

interface TaskDetailsAsideProps {
  task: FragmentType<TaskDetailsAside_task>;
  username: string;
}

/** Dates, assignee and candidates of a task, as a labelled aside. */
export function TaskDetailsAside({ task, username }: TaskDetailsAsideProps) {
  const { data, complete } = useFragment({
    fragment: TASK_DETAILS_ASIDE_FRAGMENT,
    fragmentName: 'TaskDetailsAside_task',
    from: task,
  });
  if (!complete) return null;
  const due =
    data.taskState === 'CREATED'
      ? dueStatus(data.dueDate, null)
      : { kind: 'none' };
  return (
    <aside className="task-aside" aria-label="Task details">
      <dl>
        <dt>Created</dt>
        <dd>
          <When value={data.creationTime} empty="Unknown" />
        </dd>
        {data.completionTime ? (
          <>
            <dt>Completed</dt>
            <dd>
              <When value={data.completionTime} empty="Unknown" />
            </dd>
          </>
        ) : null}
        <dt>Due date</dt>
        <dd>
          <When value={data.dueDate} empty="No due date" />
          {due.kind === 'overdue' ? (
            <span className="badge badge--danger">Overdue</span>
          ) : null}
          {due.kind === 'due-soon' ? (
            <span className="badge badge--warning">Due soon</span>
          ) : null}
        </dd>
        <dt>Follow-up date</dt>
        <dd>
          <When value={data.followUpDate} empty="No follow-up date" />
        </dd>
        <dt>Assignee</dt>
        <dd>
          {data.assignee
            ? data.assignee === username
              ? `Me (${username})`
              : data.assignee
            : 'Unassigned'}
        </dd>
        <dt>Candidate groups</dt>
        <dd>{list(data.candidateGroups)}</dd>
        <dt>Candidate users</dt>
        <dd>{list(data.candidateUsers)}</dd>
      </dl>
    </aside>
  );
}
