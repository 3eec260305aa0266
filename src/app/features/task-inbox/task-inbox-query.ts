import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  TaskInboxRouteQuery,
  TaskInboxRouteQueryVariables,
} from '../../graphql/__generated__/graphql';
import { TASK_LIST_ITEM_FRAGMENT } from './task-list-item.fragment';

/** One page of the inbox list; the route preloads it, the list reads and pages it. */
export const TASK_INBOX_ROUTE_QUERY: TypedDocumentNode<
  TaskInboxRouteQuery,
  TaskInboxRouteQueryVariables
> = gql`
  query TaskInboxRouteQuery($query: TaskQuery!) {
    tasks(query: $query) {
      id
      sortValues
      isFirst
      # Not shown: opening the task fetches its form alongside it.
      formKey
      processDefinitionId
      ...TaskListItem_task
    }
  }
  ${TASK_LIST_ITEM_FRAGMENT}
`;
