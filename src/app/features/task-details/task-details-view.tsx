import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useLingui } from '@lingui/react/macro';
import { TASK_DETAILS_VIEW_FRAGMENT } from './task-details-view.fragment';
import type { ReactNode } from 'react';
import type { TaskDetailsView_task } from '../../graphql/__generated__/graphql';
import { TaskDetailsAside } from './task-details-aside';
import { TaskHeader } from './task-header';

interface TaskDetailsViewProps {
  task: FragmentType<TaskDetailsView_task>;
  username: string;
  onConflict: () => void;
  /** The completion area (form or variables), from the task-form feature. */
  children: ReactNode;
}

/** The task page: heading and assign action, the work area, and the details aside. */
export function TaskDetailsView({
  task,
  username,
  onConflict,
  children,
}: TaskDetailsViewProps) {
  const { t } = useLingui();
  const { data, complete } = useFragment({
    fragment: TASK_DETAILS_VIEW_FRAGMENT,
    fragmentName: 'TaskDetailsView_task',
    from: task,
  });
  if (!complete) return null;
  return (
    <article className="task-details" aria-labelledby={`task-title-${data.id}`}>
      <TaskHeader task={data} username={username} onConflict={onConflict} />
      <div className="task-details__body">
        <section className="task-details__work" aria-label={t`Task work`}>
          {children}
        </section>
        <TaskDetailsAside task={data} username={username} />
      </div>
    </article>
  );
}
