import { Link, useNavigate } from '@tanstack/react-router';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Button } from '../../components/button';
import { useShortcutAction } from '../../components/shortcut-actions';
import type { InboxDialogState } from './inbox-dialogs';
import { FILTER_LABELS } from './labels';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';
import type {
  ConditionKey,
  TaskConditions,
  TaskSearch,
  Viewer,
} from './task-search';
import { sameView, searchFor, toTaskQuery, viewOf } from './task-view';
import { useSavedFilters } from './use-saved-filters';

const loadDialogs = () => import('./inbox-dialogs');
const InboxDialogs = lazy(() =>
  loadDialogs().then((m) => ({ default: m.InboxDialogs })),
);

// Chips show only on a custom filter; their code follows the list.
const FilterChips = lazy(() =>
  import('./filter-chips').then((m) => ({ default: m.FilterChips })),
);

const FILTER_BUTTON_ID = 'filter-tasks-button';

const TEXT = {
  title: 'Tasks',
  filter: 'Filter tasks',
  save: 'Save filter',
  back: '← Back to tasks',
  noGroups: 'You are not in any group, so no group tasks can be shown.',
  emptyIn: (name: string) => `There are no tasks in “${name}” right now.`,
  emptyCustom: 'No task matches these filters right now.',
  filtersOpened: 'Filter tasks',
};

interface InboxPageProps {
  search: TaskSearch;
  viewer: Viewer;
  selectedTaskId: string | undefined;
  pollIntervalMs: number;
  /** The right pane: a task or the "pick a task" state. */
  children: ReactNode;
}

function without(
  conditions: TaskConditions,
  keys: readonly ConditionKey[],
): TaskConditions {
  // searchFor compacts, so a dropped condition is simply left undefined.
  const kept: TaskConditions = { ...conditions };
  for (const key of keys) kept[key] = undefined;
  return kept;
}

/** Two panes: filters and list on the left, the selected task on the right. */
export function InboxPage({
  search,
  viewer,
  selectedTaskId,
  pollIntervalMs,
  children,
}: InboxPageProps) {
  const navigate = useNavigate();
  const view = viewOf(search, viewer);
  const query = toTaskQuery(search, viewer);
  const saved = useSavedFilters(viewer.username);
  const [dialog, setDialog] = useState<InboxDialogState | null>(null);
  // What Save filter keeps: the view in its shortest form.
  const current = view.noGroup
    ? search
    : searchFor(view.conditions, view.sort, viewer);
  const show = (next: TaskSearch) => {
    void navigate({ to: '.', search: next });
  };
  // The last chip gone takes the chips with it: focus goes to the filter
  // button rather than being dropped on the page.
  const showFromChips = (next: TaskSearch) => {
    void navigate({ to: '.', search: next }).then(() => {
      const active = document.activeElement;
      if (active === null || active === document.body)
        document.getElementById(FILTER_BUTTON_ID)?.focus();
    });
  };
  useShortcutAction('open-filters', () => {
    setDialog({ kind: 'filter' });
    return TEXT.filtersOpened;
  });

  const savedMatch = saved.filters.find((f) =>
    sameView(f.search, search, viewer),
  );
  const emptyText = view.queue
    ? TEXT.emptyIn(FILTER_LABELS[view.queue])
    : savedMatch
      ? TEXT.emptyIn(savedMatch.name)
      : TEXT.emptyCustom;

  return (
    <div className={`inbox${selectedTaskId ? ' inbox--has-task' : ''}`}>
      <section className="inbox__list-pane" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" className="inbox__title">
          {TEXT.title}
        </h2>
        <TaskFilters
          search={search}
          view={view}
          viewer={viewer}
          saved={saved}
          onSavedFilterAction={(kind, filter) => {
            setDialog({ kind, filter });
          }}
        />
        <div className="filter-bar">
          <Button
            id={FILTER_BUTTON_ID}
            size="small"
            onPress={() => {
              setDialog({ kind: 'filter' });
            }}
            onPointerEnter={() => void loadDialogs()}
            onFocus={() => void loadDialogs()}
          >
            {TEXT.filter}
          </Button>
          <Button
            size="small"
            variant="ghost"
            onPress={() => {
              setDialog({ kind: 'save' });
            }}
          >
            {TEXT.save}
          </Button>
        </div>
        {view.queue ? null : (
          <Suspense fallback={null}>
            <FilterChips
              conditions={view.conditions}
              fallbackFocusId={FILTER_BUTTON_ID}
              onRemove={(keys) => {
                showFromChips(
                  searchFor(without(view.conditions, keys), view.sort, viewer),
                );
              }}
              onClear={() => {
                showFromChips(searchFor({}, view.sort, viewer));
              }}
            />
          </Suspense>
        )}
        {view.noGroup ? (
          <p className="empty-note">{TEXT.noGroups}</p>
        ) : (
          <TaskList
            key={JSON.stringify(query)}
            query={query}
            search={search}
            username={viewer.username}
            selectedTaskId={selectedTaskId}
            pollIntervalMs={pollIntervalMs}
            emptyText={emptyText}
          />
        )}
      </section>
      <div className="inbox__detail-pane">
        {selectedTaskId ? (
          <Link to="/tasks" search={search} className="inbox__back">
            {TEXT.back}
          </Link>
        ) : null}
        {children}
      </div>
      {dialog ? (
        <Suspense fallback={null}>
          <InboxDialogs
            state={dialog}
            view={view}
            search={current}
            viewer={viewer}
            saved={saved}
            onShow={show}
            onClose={() => {
              setDialog(null);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
