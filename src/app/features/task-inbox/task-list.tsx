import { useQuery } from '@apollo/client/react';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { keepFocusOnNextRoute } from '../../components/shortcut-actions';
import { Skeleton } from '../../components/skeleton';
import { withCatalogue } from '../../i18n/catalogues';
import type { TaskInboxRouteQuery } from '../../graphql/__generated__/graphql';
import type { TaskQuery } from '../../graphql/__generated__/schema-types';
import { TASK_INBOX_ROUTE_QUERY } from './task-inbox-query';
import { TaskListItem } from './task-list-item';
import { PAGE_SIZE, type TaskSearch } from './task-search';
import { useScrollAnchor } from './use-scroll-anchor';

// j, k and Escape follow the first render, as the key listener does, with
// the words they announce.
const ListKeyboard = lazy(
  withCatalogue('inbox-tools', () =>
    import('./use-list-keyboard').then((m) => ({ default: m.ListKeyboard })),
  ),
);

export const ROW_HEIGHT = 112;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 10;

interface TaskListProps {
  query: TaskQuery;
  search: TaskSearch;
  username: string;
  selectedTaskId: string | undefined;
  pollIntervalMs: number;
  /** The empty state's sentence, naming the active view. */
  emptyText: ReactNode;
}

/**
 * The inbox list: virtualised, paged with `searchAfter` as the user scrolls,
 * polled for changes while the tab is visible and no page is loading.
 */
export function TaskList(props: TaskListProps) {
  const { query, pollIntervalMs } = props;
  const { t } = useLingui();
  const loadingMore = useRef(false);
  const [exhausted, setExhausted] = useState(false);
  const result = useQuery(TASK_INBOX_ROUTE_QUERY, {
    variables: { query },
    // The route's loader fetched this page already; polling keeps it fresh.
    fetchPolicy: 'cache-first',
    pollInterval: pollIntervalMs,
    skipPollAttempt: () => document.hidden || loadingMore.current,
  });
  const tasks = useMemo(() => result.data?.tasks ?? [], [result.data]);
  const { fetchMore } = result;
  const hasMore = !exhausted && tasks.length >= PAGE_SIZE;
  const headTrimmed = tasks[0]?.isFirst === false;

  const loadPage = useCallback(
    async (direction: 'after' | 'before') => {
      const anchor = direction === 'after' ? tasks.at(-1) : tasks[0];
      if (loadingMore.current || !anchor?.sortValues) return;
      loadingMore.current = true;
      try {
        const cursor =
          direction === 'after'
            ? { searchAfter: anchor.sortValues }
            : { searchBefore: anchor.sortValues };
        const page = await fetchMore({
          variables: { query: { ...query, ...cursor } },
        });
        if (direction === 'after' && page.data.tasks.length < PAGE_SIZE) {
          setExhausted(true);
        }
      } catch {
        // The list keeps what it has; the next scroll tries again.
      } finally {
        loadingMore.current = false;
      }
    },
    [fetchMore, query, tasks],
  );

  if (result.error && tasks.length === 0) {
    return (
      <ErrorPanel
        title={t`The tasks could not be loaded`}
        onRetry={() => void result.refetch()}
      >
        <p>
          <Trans>
            Check your connection; the list retries on its own as well.
          </Trans>
        </p>
      </ErrorPanel>
    );
  }
  if (!result.data) return <Skeleton label={t`Loading tasks`} lines={6} />;
  if (tasks.length === 0) {
    return (
      <EmptyState title={t`No tasks found`}>
        <p>{props.emptyText}</p>
      </EmptyState>
    );
  }
  return (
    <VirtualTaskList
      {...props}
      tasks={tasks}
      hasMore={hasMore}
      headTrimmed={headTrimmed}
      onLoadPage={(direction) => void loadPage(direction)}
    />
  );
}

interface VirtualTaskListProps extends TaskListProps {
  tasks: TaskInboxRouteQuery['tasks'];
  hasMore: boolean;
  headTrimmed: boolean;
  onLoadPage: (direction: 'after' | 'before') => void;
}

/** Renders only the rows in view (plus a few), so 10,000 tasks stay light. */
export function VirtualTaskList(props: VirtualTaskListProps) {
  const { tasks, hasMore, headTrimmed, onLoadPage } = props;
  const navigate = useNavigate();
  const { t } = useLingui();
  const loaded = tasks.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => tasks.map((task) => task.id), [tasks]);
  const anchor = useScrollAnchor(ids, scrollRef, ROW_HEIGHT);
  // The virtualizer is mutable by design; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: tasks.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 400, height: 800 },
    // Rows have a fixed height; synchronous flushes during scroll buy nothing.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const { newAbove } = anchor;
  const last = items.at(-1)?.index ?? 0;
  const first = items[0]?.index ?? 0;

  useEffect(() => {
    if (hasMore && last >= tasks.length - PREFETCH_ROWS) onLoadPage('after');
  }, [hasMore, last, tasks.length, onLoadPage]);
  useEffect(() => {
    if (headTrimmed && first === 0) onLoadPage('before');
  }, [headTrimmed, first, onLoadPage]);

  return (
    <div className="task-list">
      <Suspense fallback={null}>
        <ListKeyboard
          ids={ids}
          hasMore={hasMore}
          selectedTaskId={props.selectedTaskId}
          onBack={(keepFocus) => {
            if (keepFocus) keepFocusOnNextRoute();
            void navigate({ to: '/tasks', search: props.search });
          }}
          scrollToIndex={(index) => {
            virtualizer.scrollToIndex(index, { align: 'auto' });
          }}
          rendered={items}
        />
      </Suspense>
      <p className="task-list__count">
        {hasMore ? (
          <Plural value={loaded} one="#+ task" other="#+ tasks" />
        ) : (
          <Plural value={loaded} one="# task" other="# tasks" />
        )}
      </p>
      <div className="task-list__notice" aria-live="polite">
        {anchor.newAbove > 0 ? (
          <Button
            variant="primary"
            size="small"
            onPress={() => {
              scrollRef.current?.scrollTo({ top: 0 });
              anchor.clear();
            }}
          >
            <Plural value={newAbove} one="# new task" other="# new tasks" />
          </Button>
        ) : null}
      </div>
      <div
        ref={scrollRef}
        className="task-list__scroller"
        data-testid="task-list-scroller"
        onScroll={(event) => {
          if (event.currentTarget.scrollTop === 0) anchor.clear();
        }}
      >
        <ul
          className="task-list__items"
          aria-label={t`Tasks`}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const task = tasks[item.index];
            return (
              <li
                key={task?.id ?? 'loading'}
                className="task-list__row"
                aria-setsize={hasMore ? -1 : tasks.length}
                aria-posinset={item.index + 1}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                {task ? (
                  <TaskListItem
                    task={task}
                    username={props.username}
                    search={props.search}
                    selected={task.id === props.selectedTaskId}
                  />
                ) : (
                  <Skeleton label={t`Loading more tasks`} lines={2} />
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
