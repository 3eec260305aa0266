import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Button } from '../../components/button';
import { useShortcutAction } from '../../components/shortcut-actions';
import { withCatalogue } from '../../i18n/catalogues';
import type { InboxDialogState } from './inbox-dialogs';
import { FILTER_LABELS } from './labels';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';
import type { TaskSearch, Viewer } from './task-search';
import { toTaskQuery, viewOf } from './task-view';

// The dialogs, chips and saved filters arrive with their words (the
// `inbox-tools` catalogue area), never before them.
const loadDialogs = withCatalogue(
  'inbox-tools',
  () => import('./inbox-dialogs'),
);
const InboxDialogs = lazy(() =>
  loadDialogs().then((m) => ({ default: m.InboxDialogs })),
);

// Chips show only on a custom filter; their code follows the list.
const FilterChips = lazy(
  withCatalogue('inbox-tools', () =>
    import('./filter-chips').then((m) => ({ default: m.FilterChips })),
  ),
);

// Names the saved filter an empty custom view matches; loads with the section.
const SavedFilterEmptyText = lazy(
  withCatalogue('inbox-tools', () =>
    import('./saved-filters-section').then((m) => ({
      default: m.SavedFilterEmptyText,
    })),
  ),
);

const FILTER_BUTTON_ID = 'filter-tasks-button';

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
  const navigate = useNavigate();
  const { t, i18n } = useLingui();
  const view = viewOf(search, viewer);
  const query = toTaskQuery(search, viewer);
  const [dialog, setDialog] = useState<InboxDialogState | null>(null);
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
    return t`Filter tasks`;
  });

  const filterLabel = view.queue ? i18n._(FILTER_LABELS[view.queue]) : '';
  const emptyCustom = t`No task matches these filters right now.`;
  const emptyText = view.queue ? (
    t`There are no tasks in “${filterLabel}” right now.`
  ) : (
    <Suspense fallback={emptyCustom}>
      <SavedFilterEmptyText
        search={search}
        viewer={viewer}
        fallback={emptyCustom}
      />
    </Suspense>
  );

  return (
    <div className={`inbox${selectedTaskId ? ' inbox--has-task' : ''}`}>
      <section className="inbox__list-pane" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" className="inbox__title">
          <Trans>Tasks</Trans>
        </h2>
        <TaskFilters
          search={search}
          view={view}
          viewer={viewer}
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
            <Trans>Filter tasks</Trans>
          </Button>
          <Button
            size="small"
            variant="ghost"
            onPress={() => {
              setDialog({ kind: 'save' });
            }}
          >
            <Trans>Save filter</Trans>
          </Button>
        </div>
        {view.queue ? null : (
          <Suspense fallback={null}>
            <FilterChips
              view={view}
              viewer={viewer}
              fallbackFocusId={FILTER_BUTTON_ID}
              onShow={showFromChips}
            />
          </Suspense>
        )}
        {view.noGroup ? (
          <p className="empty-note">
            <Trans>
              You are not in any group, so no group tasks can be shown.
            </Trans>
          </p>
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
            <Trans>← Back to tasks</Trans>
          </Link>
        ) : null}
        {children}
      </div>
      {dialog ? (
        <Suspense fallback={null}>
          <InboxDialogs
            state={dialog}
            view={view}
            search={search}
            viewer={viewer}
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
