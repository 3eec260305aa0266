import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TaskDetailsAside_task } from '../../graphql/__generated__/graphql';

/** The fields task-details-aside renders (data masking keeps them private to it). */
export const TASK_DETAILS_ASIDE_FRAGMENT: TypedDocumentNode<TaskDetailsAside_task> = gql`
  fragment TaskDetailsAside_task on Task {
    id
    creationTime
    completionTime
    dueDate
    followUpDate
    assignee
    candidateGroups
    candidateUsers
    taskState
  }
`;
