import { Link, useNavigate } from '@tanstack/react-router';
import {
  FILTER_LABELS,
  SORT_LABELS,
  TASK_FILTERS,
  activeGroup,
  sortsFor,
  type TaskSearch,
  type TaskSort,
  type Viewer,
} from './task-search';

interface TaskFiltersProps {
  search: TaskSearch;
  viewer: Viewer;
}

/** The queues as a navigation landmark, plus sort (and group) choices. */
export function TaskFilters({ search, viewer }: TaskFiltersProps) {
  const navigate = useNavigate();
  const filter = search.filter ?? 'all-open';
  const sorts = sortsFor(filter);
  const sort =
    search.sort && sorts.includes(search.sort) ? search.sort : 'creation';
  const group = activeGroup(search, viewer);
  return (
    <div className="task-filters">
      <nav aria-label="Task filters">
        <ul className="task-filters__list">
          {TASK_FILTERS.map((value) => (
            <li key={value}>
              <Link
                to="/tasks"
                search={value === 'all-open' ? {} : { filter: value }}
                className="task-filters__link"
                aria-current={value === filter ? 'page' : undefined}
                activeOptions={{ exact: true, includeSearch: true }}
              >
                {FILTER_LABELS[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="task-filters__options">
        <label className="select-field">
          <span>Sort by</span>
          <select
            value={sort}
            onChange={(event) => {
              const next = event.target.value as TaskSort;
              void navigate({
                to: '.',
                search: (prev) => ({
                  ...prev,
                  sort: next === 'creation' ? undefined : next,
                }),
              });
            }}
          >
            {sorts.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {filter === 'my-groups' && viewer.groups.length > 1 && group ? (
          <label className="select-field">
            <span>Group</span>
            <select
              value={group}
              onChange={(event) => {
                const next = event.target.value;
                void navigate({
                  to: '.',
                  search: (prev) => ({ ...prev, group: next }),
                });
              }}
            >
              {viewer.groups.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
    </div>
  );
}
