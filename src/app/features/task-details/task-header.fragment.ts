import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TaskHeader_task } from '../../graphql/__generated__/graphql';

/** The fields task-header renders (data masking keeps them private to it). */
export const TASK_HEADER_FRAGMENT: TypedDocumentNode<TaskHeader_task> = gql`
  fragment TaskHeader_task on Task {
    id
    name
    processName
    assignee
    taskState
  }
`;
