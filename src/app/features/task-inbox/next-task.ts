import type { ApolloClient } from '@apollo/client';
import type { TaskQuery } from '../../graphql/__generated__/schema-types';
import { TASK_INBOX_ROUTE_QUERY } from './task-inbox-query';

/**
 * The task to open after `currentId` is done: the one below it in the list,
 * else the one above, else none. Read from the cache, before the list drops it.
 */
export function nextTaskId(
  client: ApolloClient,
  query: TaskQuery,
  currentId: string,
): string | null {
  const data = client.readQuery({
    query: TASK_INBOX_ROUTE_QUERY,
    variables: { query },
  });
  const ids = (data?.tasks ?? []).map((task) => task.id);
  const index = ids.indexOf(currentId);
  if (index === -1) return ids.find((id) => id !== currentId) ?? null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
