import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TaskCompletion_task } from '../../graphql/__generated__/graphql';

/** The fields task-completion renders (data masking keeps them private to it). */
export const TASK_COMPLETION_FRAGMENT: TypedDocumentNode<TaskCompletion_task> = gql`
  fragment TaskCompletion_task on Task {
    id
    taskState
    assignee
    formKey
    processDefinitionId
    variables {
      id
      name
      previewValue
      isValueTruncated
    }
  }
`;
