import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import type {
  CompleteTaskMutation,
  CompleteTaskMutationVariables,
} from '../../graphql/__generated__/graphql';
import type { VariableInput } from '../../graphql/__generated__/schema-types';
import { pruneTaskLists } from '../../graphql/prune-task-lists';
import { clearDraft } from './drafts';

export const COMPLETE_TASK_MUTATION: TypedDocumentNode<
  CompleteTaskMutation,
  CompleteTaskMutationVariables
> = gql`
  mutation CompleteTaskMutation(
    $taskId: String!
    $variables: [VariableInput!]!
  ) {
    completeTask(taskId: $taskId, variables: $variables) {
      id
      taskState
      completionTime
      assignee
    }
  }
`;

/**
 * Completes a task with JSON-encoded variables. Open lists drop the task
 * from the answer; the draft is removed only once Tasklist confirmed.
 */
export function useCompleteTask(username: string) {
  const [mutate, state] = useMutation(COMPLETE_TASK_MUTATION, {
    update(cache, { data }) {
      if (!data) return;
      pruneTaskLists(cache, data.completeTask.id);
      // The completed task now has a variable snapshot; read it fresh next time.
      cache.evict({
        id: cache.identify({ __typename: 'Task', id: data.completeTask.id }),
        fieldName: 'variables',
      });
    },
  });
  const complete = useCallback(
    async (taskId: string, variables: VariableInput[]) => {
      await mutate({ variables: { taskId, variables } });
      clearDraft(username, taskId);
    },
    [mutate, username],
  );
  return { complete, pending: state.loading };
}

/** One `VariableInput` per key, every value JSON-encoded (strings keep quotes). */
export function toVariableInputs(
  data: Record<string, unknown>,
): VariableInput[] {
  return Object.entries(data).map(([name, value]) => ({
    name,
    value: JSON.stringify(value === undefined ? null : value),
  }));
}
