import { useLingui } from '@lingui/react/macro';
import { createFileRoute } from '@tanstack/react-router';
import { Skeleton } from '../components/skeleton';
import { loadCataloguePart } from '../i18n/catalogues';
import { ProcessesErrorPanel } from '../features/processes/processes-error-panel';
import { ProcessesPage } from '../features/processes/processes-page';
import { PROCESSES_ROUTE_QUERY } from '../features/processes/processes-query';
import { parseProcessSearch } from '../features/processes/process-search';

export const Route = createFileRoute('/_authenticated/processes')({
  validateSearch: parseProcessSearch,
  loaderDeps: ({ search }) => ({ q: search.q }),
  // Warm the list; the page reads it through Apollo.
  loader: async ({ context, deps }) => {
    const queryRef = context.preloadQuery(PROCESSES_ROUTE_QUERY, {
      variables: { search: deps.q ?? null },
      fetchPolicy: 'cache-and-network',
    });
    await loadCataloguePart('processes');
    return queryRef;
  },
  pendingComponent: function ProcessesPending() {
    const { t } = useLingui();
    return <Skeleton label={t`Loading processes`} lines={6} />;
  },
  errorComponent: ProcessesErrorPanel,
  component: function ProcessesRoute() {
    const queryRef = Route.useLoaderData();
    const { q } = Route.useSearch();
    const { user } = Route.useRouteContext();
    const navigate = Route.useNavigate();
    return (
      <ProcessesPage
        queryRef={queryRef}
        search={q ?? ''}
        viewer={{ username: user.username, groups: user.groups }}
        onSearch={(text) =>
          void navigate({
            search: text ? { q: text } : {},
            replace: true,
          })
        }
        onOpenTask={(taskId) =>
          void navigate({ to: '/tasks/$taskId', params: { taskId } })
        }
      />
    );
  },
});
