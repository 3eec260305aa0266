import { Outlet, createFileRoute, useParams } from '@tanstack/react-router';
import { InboxPage } from '../features/task-inbox/inbox-page';
import { TASK_INBOX_ROUTE_QUERY } from '../features/task-inbox/task-inbox-query';
import { parseTaskSearch } from '../features/task-inbox/task-search';
import { toTaskQuery } from '../features/task-inbox/task-view';

export const Route = createFileRoute('/_authenticated/tasks')({
  validateSearch: parseTaskSearch,
  loaderDeps: ({ search }) => ({ search }),
  beforeLoad: ({ context }) => ({
    viewer: { username: context.user.username, groups: context.user.groups },
  }),
  // Warm the list; the page reads it (and keeps polling it) through Apollo.
  loader: ({ context, deps }) => {
    context.preloadQuery(TASK_INBOX_ROUTE_QUERY, {
      variables: { query: toTaskQuery(deps.search, context.viewer) },
      // Always fresh on navigation; the list joins this request (deduplicated).
      fetchPolicy: 'network-only',
    });
  },
  component: function TasksRoute() {
    const search = Route.useSearch();
    const { viewer, pollIntervalMs } = Route.useRouteContext();
    const { taskId } = useParams({ strict: false });
    return (
      <InboxPage
        search={search}
        viewer={viewer}
        selectedTaskId={taskId}
        pollIntervalMs={pollIntervalMs}
      >
        <Outlet />
      </InboxPage>
    );
  },
});
