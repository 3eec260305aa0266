import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import type {
  ClaimTaskMutation,
  ClaimTaskMutationVariables,
  UnclaimTaskMutation,
  UnclaimTaskMutationVariables,
} from '../../graphql/__generated__/graphql';
import { pruneTaskLists } from '../../graphql/prune-task-lists';

// allowOverrideAssignment is false in the document itself: Tasklist defaults
// it to true, which would silently take a task away from a colleague.
export const CLAIM_TASK_MUTATION: TypedDocumentNode<
  ClaimTaskMutation,
  ClaimTaskMutationVariables
> = gql`
  mutation ClaimTaskMutation($taskId: String!, $assignee: String!) {
    claimTask(
      taskId: $taskId
      assignee: $assignee
      allowOverrideAssignment: false
    ) {
      id
      assignee
      taskState
    }
  }
`;

export const UNCLAIM_TASK_MUTATION: TypedDocumentNode<
  UnclaimTaskMutation,
  UnclaimTaskMutationVariables
> = gql`
  mutation UnclaimTaskMutation($taskId: String!) {
    unclaimTask(taskId: $taskId) {
      id
      assignee
      taskState
    }
  }
`;

/**
 * Assigns a task to the signed-in user or gives it back. The task's cache
 * entry updates from the answer; lists it no longer belongs to drop it.
 */
export function useClaimTask() {
  const [claim, claimState] = useMutation(CLAIM_TASK_MUTATION, {
    update(cache, { data }) {
      if (data) pruneTaskLists(cache, data.claimTask.id);
    },
  });
  const [unclaim, unclaimState] = useMutation(UNCLAIM_TASK_MUTATION, {
    update(cache, { data }) {
      if (data) pruneTaskLists(cache, data.unclaimTask.id);
    },
  });
  const assignToMe = useCallback(
    async (taskId: string, username: string) => {
      await claim({ variables: { taskId, assignee: username } });
    },
    [claim],
  );
  const unassign = useCallback(
    async (taskId: string) => {
      await unclaim({ variables: { taskId } });
    },
    [unclaim],
  );
  return {
    assignToMe,
    unassign,
    pending: claimState.loading || unclaimState.loading,
  };
}
