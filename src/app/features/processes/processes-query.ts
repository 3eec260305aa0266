import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ProcessesRouteQuery,
  ProcessesRouteQueryVariables,
} from '../../graphql/__generated__/graphql';
import { PROCESS_LIST_ITEM_FRAGMENT } from './process-list-item.fragment';

/** The startable processes (latest versions), filtered by free text. */
export const PROCESSES_ROUTE_QUERY: TypedDocumentNode<
  ProcessesRouteQuery,
  ProcessesRouteQueryVariables
> = gql`
  query ProcessesRouteQuery($search: String) {
    processes(search: $search) {
      id
      ...ProcessListItem_process
    }
  }
  ${PROCESS_LIST_ITEM_FRAGMENT}
`;
