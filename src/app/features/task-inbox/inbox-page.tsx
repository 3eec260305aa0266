import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';
import {
  FILTER_LABELS,
  activeGroup,
  toTaskQuery,
  type TaskSearch,
  type Viewer,
} from './task-search';

interface InboxPageProps {
  search: TaskSearch;
  viewer: Viewer;
  selectedTaskId: string | undefined;
  pollIntervalMs: number;
  /** The right pane: a task or the "pick a task" state. */
  children: ReactNode;
}

/** Two panes: filters and list on the left, the selected task on the right. */
export function InboxPage({
  search,
  viewer,
  selectedTaskId,
  pollIntervalMs,
  children,
}: InboxPageProps) {
  const filter = search.filter ?? 'all-open';
  const query = toTaskQuery(search, viewer);
  const group = activeGroup(search, viewer);
  const label =
    filter === 'my-groups' && group
      ? `${FILTER_LABELS[filter]}: ${group}`
      : FILTER_LABELS[filter];
  return (
    <div className={`inbox${selectedTaskId ? ' inbox--has-task' : ''}`}>
      <section className="inbox__list-pane" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" className="inbox__title">
          Tasks
        </h2>
        <TaskFilters search={search} viewer={viewer} />
        {filter === 'my-groups' && !group ? (
          <p className="empty-note">
            You are not in any group, so no group tasks can be shown.
          </p>
        ) : (
          <TaskList
            key={JSON.stringify(query)}
            query={query}
            search={search}
            username={viewer.username}
            selectedTaskId={selectedTaskId}
            pollIntervalMs={pollIntervalMs}
            filterLabel={label}
          />
        )}
      </section>
      <div className="inbox__detail-pane">
        {selectedTaskId ? (
          <Link to="/tasks" search={search} className="inbox__back">
            ← Back to tasks
          </Link>
        ) : null}
        {children}
      </div>
    </div>
  );
}
