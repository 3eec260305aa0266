import { useLingui } from '@lingui/react/macro';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { createFileRoute } from '@tanstack/react-router';
import { startTransition, useEffect } from 'react';
import { Skeleton } from '../components/skeleton';
import { loadCataloguePart } from '../i18n/catalogues';
import type {
  TaskDetailsRouteQuery,
  TaskDetailsRouteQueryVariables,
} from '../graphql/__generated__/graphql';
import { TaskErrorPanel } from '../features/task-details/task-error-panel';
import { TaskDetailsView } from '../features/task-details/task-details-view';
import { TASK_DETAILS_VIEW_FRAGMENT } from '../features/task-details/task-details-view.fragment';
import { nextTaskId } from '../features/task-inbox/next-task';
import { toTaskQuery } from '../features/task-inbox/task-view';
import { TaskCompletion } from '../features/task-form/task-completion';
import { TASK_COMPLETION_FRAGMENT } from '../features/task-form/task-completion.fragment';
import { prefetchTaskForm } from '../features/task-form/prefetch-task-form';

const TASK_DETAILS_ROUTE_QUERY: TypedDocumentNode<
  TaskDetailsRouteQuery,
  TaskDetailsRouteQueryVariables
> = gql`
  query TaskDetailsRouteQuery($id: String!) {
    task(id: $id) {
      id
      ...TaskDetailsView_task
      ...TaskCompletion_task
    }
  }
  ${TASK_DETAILS_VIEW_FRAGMENT}
  ${TASK_COMPLETION_FRAGMENT}
`;

export const Route = createFileRoute('/_authenticated/tasks/$taskId')({
  loader: async ({ context, params }) => {
    const queryRef = context.preloadQuery(TASK_DETAILS_ROUTE_QUERY, {
      variables: { id: params.taskId },
      fetchPolicy: 'cache-and-network',
    });
    prefetchTaskForm(context.apolloClient, params.taskId);
    // Wait for the task (and its words, decision 025) before the page shows:
    // a page that suspends instead shows its placeholder, and React then
    // holds the real page back until the placeholder has been up 300 ms.
    // A slow answer still gets the placeholder, after `pendingMs`. Errors
    // are left to the page, which reads them from the query as before.
    await Promise.all([
      context.preloadQuery.toPromise(queryRef).catch(() => undefined),
      loadCataloguePart('task'),
    ]);
    return queryRef;
  },
  pendingComponent: function TaskDetailsPending() {
    const { t } = useLingui();
    return <Skeleton label={t`Loading the task`} lines={8} />;
  },
  errorComponent: TaskErrorPanel,
  component: function TaskDetailsRoute() {
    const queryRef = Route.useLoaderData();
    const { data } = useReadQuery(queryRef);
    const { refetch } = useQueryRefHandlers(queryRef);
    const { viewer, apolloClient, embed } = Route.useRouteContext();
    const search = Route.useSearch();
    const navigate = Route.useNavigate();
    const taskId = data.task.id;
    useEffect(() => {
      embed.host.send({ type: 'task-opened', taskId });
    }, [embed.host, taskId]);
    return (
      <TaskDetailsView
        task={data.task}
        username={viewer.username}
        onConflict={() => {
          startTransition(() => void refetch());
        }}
      >
        <TaskCompletion
          key={data.task.id}
          task={data.task}
          username={viewer.username}
          resolveNext={() =>
            nextTaskId(apolloClient, toTaskQuery(search, viewer), data.task.id)
          }
          onCompleted={(next) => {
            embed.host.send({ type: 'task-completed', taskId });
            void (next
              ? navigate({
                  to: '/tasks/$taskId',
                  params: { taskId: next },
                  search,
                })
              : navigate({ to: '/tasks', search }));
          }}
        />
      </TaskDetailsView>
    );
  },
});
