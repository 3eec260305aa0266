import { expect } from 'vitest';
import type { Harness, V2RequestOptions } from './harness';

/** `UserTaskResult` as the v2 tests read it. */
export interface UserTaskJson {
  userTaskKey: string;
  name: string;
  state: string;
  assignee?: string;
  elementId: string;
  candidateGroups: string[];
  candidateUsers: string[];
  processDefinitionId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  processInstanceKey: string;
  processName: string;
  creationDate: string;
  completionDate?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  externalFormReference?: string;
  tenantId: string;
  priority: number;
}

export interface PageJson {
  totalItems: number;
  hasMoreTotalItems?: boolean;
  startCursor?: string;
  endCursor?: string;
}

export interface SearchJson<T> {
  items: T[];
  page: PageJson;
}

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

export interface VariableJson {
  name: string;
  value: string;
  isTruncated?: boolean;
  variableKey: string;
  scopeKey: string;
  processInstanceKey: string;
  tenantId: string;
}

/** `POST /v2/user-tasks/search`, expecting 200. */
export async function searchUserTasks(
  h: Harness,
  body: unknown,
  options: Omit<V2RequestOptions, 'body'> = {},
): Promise<SearchJson<UserTaskJson>> {
  const reply = await h.v2<SearchJson<UserTaskJson>>(
    'POST',
    '/v2/user-tasks/search',
    { ...options, body },
  );
  expect(reply.status, reply.raw).toBe(200);
  return reply.body;
}

/** Expects a problem document with this status (and title, when given). */
export function expectProblem(
  reply: { status: number; headers: Record<string, unknown>; body: unknown },
  status: number,
  title?: string,
): ProblemJson {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = reply.body as ProblemJson;
  expect(problem).toMatchObject({ type: 'about:blank', status });
  if (title !== undefined) expect(problem.title).toBe(title);
  return problem;
}
