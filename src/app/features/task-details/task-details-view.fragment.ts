import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TaskDetailsView_task } from '../../graphql/__generated__/graphql';
import { TASK_DETAILS_ASIDE_FRAGMENT } from './task-details-aside.fragment';
import { TASK_HEADER_FRAGMENT } from './task-header.fragment';

/** The fields task-details-view renders (data masking keeps them private to it). */
export const TASK_DETAILS_VIEW_FRAGMENT: TypedDocumentNode<TaskDetailsView_task> = gql`
  fragment TaskDetailsView_task on Task {
    id
    ...TaskHeader_task
    ...TaskDetailsAside_task
  }
  ${TASK_HEADER_FRAGMENT}
  ${TASK_DETAILS_ASIDE_FRAGMENT}
`;
