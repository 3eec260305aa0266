import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { Suspense, lazy } from 'react';
import { useShortcutAction } from '../../components/shortcut-actions';
import { withCatalogue } from '../../i18n/catalogues';
import { FILTER_LABELS, SORT_LABELS } from './labels';
import type { SavedFilterAction } from './saved-filter-menu';
import type { SavedFilter } from './saved-filters';
import {
  TASK_FILTERS,
  activeGroup,
  sortsFor,
  type TaskFilter,
  type TaskSearch,
  type TaskSort,
  type Viewer,
} from './task-search';
import { searchFor, stateOf, type TaskView } from './task-view';

// Saved filters (with their import and export) follow the queues and the
// list, with their words.
const SavedFiltersSection = lazy(
  withCatalogue('inbox-tools', () =>
    import('./saved-filters-section').then((m) => ({
      default: m.SavedFiltersSection,
    })),
  ),
);

interface TaskFiltersProps {
  search: TaskSearch;
  view: TaskView;
  viewer: Viewer;
  onSavedFilterAction: (action: SavedFilterAction, filter: SavedFilter) => void;
}

function queueSearch(queue: TaskFilter): TaskSearch {
  return queue === 'all-open' ? {} : { filter: queue };
}

/** `1`–`5` switch queues, in the order the navigation lists them. */
function useQueueShortcuts() {
  const navigate = useNavigate();
  const { t, i18n } = useLingui();
  const go = (index: number) => () => {
    const queue = TASK_FILTERS[index] ?? 'all-open';
    void navigate({ to: '/tasks', search: queueSearch(queue) });
    const name = i18n._(FILTER_LABELS[queue]);
    return t`Showing ${name}`;
  };
  useShortcutAction('queue-1', go(0));
  useShortcutAction('queue-2', go(1));
  useShortcutAction('queue-3', go(2));
  useShortcutAction('queue-4', go(3));
  useShortcutAction('queue-5', go(4));
}

/** The queues and saved filters as a navigation landmark, plus sort (and group) choices. */
export function TaskFilters({
  search,
  view,
  viewer,
  onSavedFilterAction,
}: TaskFiltersProps) {
  const navigate = useNavigate();
  const { t, i18n } = useLingui();
  useQueueShortcuts();
  const sorts = sortsFor(stateOf(view.conditions));
  const group = view.conditions.candidateGroup ?? activeGroup(search, viewer);
  return (
    <div className="task-filters">
      <nav aria-label={t`Task filters`}>
        <ul className="task-filters__list">
          {TASK_FILTERS.map((value) => (
            <li key={value}>
              <Link
                to="/tasks"
                search={queueSearch(value)}
                className="task-filters__link"
                // Active means this exact view; aria-current below says which.
                activeOptions={{ exact: true, includeSearch: true }}
                aria-current={value === view.queue ? 'page' : undefined}
              >
                {i18n._(FILTER_LABELS[value])}
              </Link>
            </li>
          ))}
        </ul>
        <Suspense fallback={null}>
          <SavedFiltersSection
            search={search}
            viewer={viewer}
            onAction={onSavedFilterAction}
          />
        </Suspense>
      </nav>
      <div className="task-filters__options">
        <label className="select-field">
          <span>
            <Trans>Sort by</Trans>
          </span>
          <select
            value={view.sort}
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
                {i18n._(SORT_LABELS[value])}
              </option>
            ))}
          </select>
        </label>
        {view.queue === 'my-groups' && viewer.groups.length > 1 && group ? (
          <label className="select-field">
            <span>
              <Trans>Group</Trans>
            </span>
            <select
              value={group}
              onChange={(event) => {
                const next = event.target.value;
                void navigate({
                  to: '.',
                  search: searchFor(
                    { ...view.conditions, candidateGroup: next },
                    view.sort,
                    viewer,
                  ),
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
