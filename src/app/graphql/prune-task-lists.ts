import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApolloCache, Reference } from '@apollo/client/cache';
import type { PruneTaskLists_task } from './__generated__/graphql';
import { filterFromStoreFieldName, taskMatchesFilter } from './task-list-key';

const PRUNE_TASK_LISTS_FRAGMENT: TypedDocumentNode<PruneTaskLists_task> = gql`
  fragment PruneTaskLists_task on Task {
    taskState
    assignee
  }
`;

const CANDIDATE_GROUPS_FRAGMENT: TypedDocumentNode<{
  candidateGroups: string[] | null;
}> = gql`
  fragment PruneTaskLists_groups on Task {
    candidateGroups
  }
`;

/**
 * After a claim, unclaim or completion, removes the task from every cached
 * list whose filter it no longer matches (e.g. "Unassigned" after a claim),
 * so lists update without a refetch. Lists it newly belongs to pick it up on
 * their next fetch, since only the server knows its place in them.
 */
export function pruneTaskLists(cache: ApolloCache, taskId: string): void {
  const id = cache.identify({ __typename: 'Task', id: taskId });
  const task = id
    ? cache.readFragment({ id, fragment: PRUNE_TASK_LISTS_FRAGMENT })
    : null;
  if (!task) return;
  // Groups are known only once the details were loaded; unknown keeps the task.
  const groups = id
    ? cache.readFragment({ id, fragment: CANDIDATE_GROUPS_FRAGMENT })
        ?.candidateGroups
    : undefined;
  const facts = { ...task, candidateGroups: groups ?? null };
  cache.modify({
    fields: {
      tasks(
        existing: readonly Reference[] | undefined,
        { storeFieldName, readField },
      ) {
        const filter = filterFromStoreFieldName(storeFieldName);
        if (!existing || !filter || taskMatchesFilter(facts, filter))
          return existing;
        return existing.filter(
          (ref) => readField<string>('id', ref) !== taskId,
        );
      },
    },
  });
}
