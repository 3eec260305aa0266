import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProcessListItem_process } from '../../graphql/__generated__/graphql';

/** The fields process-list-item renders (data masking keeps them private to it). */
export const PROCESS_LIST_ITEM_FRAGMENT: TypedDocumentNode<ProcessListItem_process> = gql`
  fragment ProcessListItem_process on Process {
    id
    name
    processDefinitionId
    version
  }
`;
