import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { E2E_REST_V2_PORTS } from '../playwright.config';
import { expect, test } from './support/fixtures';
import { signIn, type RuntimeConfig } from './support/oidc-sign-in';

/**
 * Issue 12 on the real embedded server: the rest-v2 BFF pages through the
 * seeded inbox forwards and backwards visiting each task exactly once, in
 * the order Tasklist's own GraphQL API gives for the same query on the same
 * store (read with the BFF's machine token, filtered by demo's visibility).
 */

const TASKLIST_GRAPHQL = `http://127.0.0.1:${String(E2E_REST_V2_PORTS.tasklist)}/graphql`;
const ISSUER = `http://127.0.0.1:${String(E2E_REST_V2_PORTS.identity)}`;
const DEMO_GROUPS = ['accounting', 'management'];

/** The same query straight at Tasklist GraphQL, as demo may see it (BFF_TASK_VISIBILITY=candidates). */
async function tasklistOrder(
  request: APIRequestContext,
  query: Record<string, unknown>,
): Promise<string[]> {
  const token = await request.post(`${ISSUER}/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'tasklist-inbox-bff',
      client_secret: process.env.OAUTH_CLIENT_SECRET ?? '',
      audience: 'tasklist-api',
    },
  });
  expect(token.status()).toBe(200);
  const { access_token: machine } = (await token.json()) as {
    access_token: string;
  };
  const response = await request.post(TASKLIST_GRAPHQL, {
    headers: { authorization: `Bearer ${machine}` },
    data: {
      query:
        'query Order($query: TaskQuery!) { tasks(query: $query) { id assignee candidateUsers candidateGroups } }',
      variables: { query: { ...query, pageSize: 1000 } },
    },
  });
  const body = (await response.json()) as {
    data: {
      tasks: {
        id: string;
        assignee: string | null;
        candidateUsers: string[] | null;
        candidateGroups: string[] | null;
      }[];
    };
  };
  return body.data.tasks
    .filter((task) => {
      const users = task.candidateUsers ?? [];
      const groups = task.candidateGroups ?? [];
      return (
        task.assignee === 'demo' ||
        (users.length === 0 && groups.length === 0) ||
        users.includes('demo') ||
        groups.some((group) => DEMO_GROUPS.includes(group))
      );
    })
    .map((task) => task.id);
}

const inbox = (
  JSON.parse(
    readFileSync('src/app/graphql/__generated__/operations.json', 'utf8'),
  ) as { operations: { name: string; sha256: string }[] }
).operations.find((op) => op.name === 'TaskInboxRouteQuery');

interface Task {
  id: string;
  sortValues: string[];
  isFirst: boolean;
}

async function client(request: APIRequestContext, origin: string) {
  const config = (await (
    await request.get(`${origin}/api/config`)
  ).json()) as RuntimeConfig;
  const headers = { origin, 'x-requested-with': 'tasklist-inbox' };
  const exchange = await request.post(`${origin}/api/token`, {
    headers: {
      ...headers,
      authorization: `Bearer ${await signIn(request, config, origin, 'demo')}`,
    },
  });
  expect(exchange.status()).toBe(200);
  const { access_token: token } = (await exchange.json()) as {
    access_token: string;
  };
  return async (query: Record<string, unknown>): Promise<Task[]> => {
    const response = await request.post(`${origin}/graphql`, {
      headers: { ...headers, authorization: `Bearer ${token}` },
      data: {
        operationName: 'TaskInboxRouteQuery',
        variables: { query },
        extensions: {
          persistedQuery: { version: 1, sha256Hash: inbox?.sha256 },
        },
      },
    });
    const body = (await response.json()) as {
      data?: { tasks: Task[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data?.tasks ?? [];
  };
}

type Search = (query: Record<string, unknown>) => Promise<Task[]>;
const SIZE = 7;

/** Every task from the top, a page at a time, each after the last one's sortValues. */
async function walkForward(search: Search, query: Record<string, unknown>) {
  const tasks: Task[] = [];
  let page = await search({ ...query, pageSize: SIZE });
  while (page.length > 0) {
    tasks.push(...page);
    if (page.length < SIZE) break;
    page = await search({
      ...query,
      pageSize: SIZE,
      searchAfter: page.at(-1)?.sortValues,
    });
  }
  return tasks;
}

/** Every task before `from`, a page at a time, until a page starts with isFirst. */
async function walkBackward(
  search: Search,
  query: Record<string, unknown>,
  from: Task | undefined,
) {
  const tasks: Task[] = [];
  let head = from;
  for (;;) {
    const previous = await search({
      ...query,
      pageSize: SIZE,
      searchBefore: head?.sortValues,
    });
    tasks.unshift(...previous);
    head = previous[0];
    if (!head || head.isFirst) return tasks;
  }
}

test('paging both ways on the REST API v2 visits every task once, in Tasklist GraphQL’s order', async ({
  request,
  baseURL,
}) => {
  const v2 = await client(request, new URL(baseURL ?? '').origin);
  for (const query of [
    {},
    { state: 'COMPLETED' },
    { sort: [{ field: 'dueDate', order: 'ASC' }] },
  ]) {
    const expected = await tasklistOrder(request, query);
    expect(expected.length).toBeGreaterThan(0);
    const forward = await walkForward(v2, query);
    expect(forward[0]?.isFirst).toBe(true);
    expect(forward.map((task) => task.id)).toEqual(expected);
    const backward = await walkBackward(v2, query, forward.at(-1));
    expect(backward[0]?.isFirst).toBe(true);
    expect([...backward, forward.at(-1)].map((task) => task?.id)).toEqual(
      expected,
    );
  }
});
