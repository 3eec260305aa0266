import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { TASK_DETAILS_ASIDE_FRAGMENT } from './task-details-aside.fragment';
import type { TaskDetailsAside_task } from '../../graphql/__generated__/graphql';
import { Trans, useLingui } from '@lingui/react/macro';
import { dueStatus, parseTasklistDate } from '../../lib/dates';
import { useDates } from '../../i18n/use-dates';

function When({
  value,
  empty,
  relative = false,
}: {
  value: string | null;
  empty: string;
  /** Also say how far away it is ("in 2 hours", "3 days ago"). */
  relative?: boolean;
}) {
  const dates = useDates();
  const date = parseTasklistDate(value);
  if (!date) return <>{empty}</>;
  return (
    <>
      <time dateTime={date.toISOString()}>{dates.dateTime(date)}</time>
      {relative ? (
        <span className="task-aside__relative"> ({dates.relative(date)})</span>
      ) : null}
    </>
  );
}

function List({ values }: { values: readonly string[] | null }) {
  const { i18n } = useLingui();
  if (!values || values.length === 0) return <Trans>None</Trans>;
  return (
    <>
      {new Intl.ListFormat(i18n.locale, {
        style: 'short',
        type: 'unit',
      }).format(values)}
    </>
  );
}

interface TaskDetailsAsideProps {
  task: FragmentType<TaskDetailsAside_task>;
  username: string;
}

/** Dates, assignee and candidates of a task, as a labelled aside. */
export function TaskDetailsAside({ task, username }: TaskDetailsAsideProps) {
  const { t } = useLingui();
  const { data, complete } = useFragment({
    fragment: TASK_DETAILS_ASIDE_FRAGMENT,
    fragmentName: 'TaskDetailsAside_task',
    from: task,
  });
  if (!complete) return null;
  const unknown = t`Unknown`;
  const due =
    data.taskState === 'CREATED'
      ? dueStatus(data.dueDate, null)
      : { kind: 'none' };
  return (
    <aside className="task-aside" aria-label={t`Task details`}>
      <dl>
        <dt>
          <Trans>Created</Trans>
        </dt>
        <dd>
          <When value={data.creationTime} empty={unknown} />
        </dd>
        {data.completionTime ? (
          <>
            <dt>
              <Trans>Completed</Trans>
            </dt>
            <dd>
              <When value={data.completionTime} empty={unknown} />
            </dd>
          </>
        ) : null}
        <dt>
          <Trans>Due date</Trans>
        </dt>
        <dd>
          <When
            value={data.dueDate}
            empty={t`No due date`}
            relative={due.kind !== 'none'}
          />
          {due.kind === 'overdue' ? (
            <span className="badge badge--danger">
              <Trans>Overdue</Trans>
            </span>
          ) : null}
          {due.kind === 'due-soon' ? (
            <span className="badge badge--warning">
              <Trans>Due soon</Trans>
            </span>
          ) : null}
        </dd>
        <dt>
          <Trans>Follow-up date</Trans>
        </dt>
        <dd>
          <When value={data.followUpDate} empty={t`No follow-up date`} />
        </dd>
        <dt>
          <Trans>Assignee</Trans>
        </dt>
        <dd>
          {data.assignee
            ? data.assignee === username
              ? t`Me (${username})`
              : data.assignee
            : t`Unassigned`}
        </dd>
        <dt>
          <Trans>Candidate groups</Trans>
        </dt>
        <dd>
          <List values={data.candidateGroups} />
        </dd>
        <dt>
          <Trans>Candidate users</Trans>
        </dt>
        <dd>
          <List values={data.candidateUsers} />
        </dd>
      </dl>
    </aside>
  );
}
