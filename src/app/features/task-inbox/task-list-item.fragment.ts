import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TaskListItem_task } from '../../graphql/__generated__/graphql';

/** The fields task-list-item renders (data masking keeps them private to it). */
export const TASK_LIST_ITEM_FRAGMENT: TypedDocumentNode<TaskListItem_task> = gql`
  fragment TaskListItem_task on Task {
    id
    name
    processName
    assignee
    creationTime
    completionTime
    dueDate
    followUpDate
    taskState
  }
`;
