import { expect } from 'vitest';
import type { Harness } from './harness';

/** A task as the API tests select it. */
export interface TaskJson {
  id: string;
  name: string;
  taskState: string;
  assignee: string | null;
  creationTime: string;
  completionTime: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  processDefinitionId: string;
  processInstanceId: string;
  sortValues: string[] | null;
  isFirst: boolean | null;
  implementation: string;
  candidateGroups: string[];
  variables?: {
    id: string;
    name: string;
    value: string;
    previewValue: string;
    isValueTruncated: boolean;
  }[];
}

export const TASK_FIELDS = `id name taskState assignee creationTime completionTime dueDate followUpDate formKey
  processDefinitionId processInstanceId sortValues isFirst implementation candidateGroups`;

/** Runs `tasks(query)` over HTTP and expects no errors. */
export async function listTasks(
  h: Harness,
  query: Record<string, unknown>,
  token?: string,
): Promise<TaskJson[]> {
  const reply = await h.gql<{ tasks: TaskJson[] }>(
    `query GetTasks($q: TaskQuery!) { tasks(query: $q) { ${TASK_FIELDS} } }`,
    { q: query },
    token,
  );
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data?.tasks ?? [];
}
