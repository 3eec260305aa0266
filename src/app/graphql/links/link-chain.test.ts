import { gql, type TypedDocumentNode } from '@apollo/client';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aTask } from '../../test/factories';
import {
  server,
  tasklistHandlers,
  TASKLIST_URL,
  TOKEN_URL,
  type Traffic,
} from '../../test/msw-server';
import { World } from '../../test/world';
import { createConnectionStatus } from '../connection-status';
import { createApolloClient } from '../create-apollo-client';

const QUERY: TypedDocumentNode<
  { task: { id: string; name: string } },
  { id: string }
> = gql`
  query LinkChainTestQuery($id: String!) {
    task(id: $id) {
      id
      name
    }
  }
`;

function setup() {
  const world = new World([
    aTask({ id: '1', name: 'Check payment' }),
    aTask({ id: '2' }),
    aTask({ id: '3' }),
  ]);
  const traffic: Traffic = {
    tokenCalls: 0,
    graphqlCalls: 0,
    validTokens: new Set(),
  };
  server.use(...tasklistHandlers(world, traffic));
  const onUnauthenticated = vi.fn();
  const onConfigurationError = vi.fn();
  const connection = createConnectionStatus();
  const { client } = createApolloClient({
    uri: TASKLIST_URL,
    tokenEndpoint: TOKEN_URL,
    getUserToken: () => Promise.resolve('user-token'),
    renewUser: () => Promise.resolve(false),
    onUnauthenticated,
    onConfigurationError,
    connection,
    retryAttempts: 2,
  });
  const query = (id = '1') =>
    client.query({
      query: QUERY,
      variables: { id },
      fetchPolicy: 'network-only',
    });
  return {
    client,
    traffic,
    query,
    onUnauthenticated,
    onConfigurationError,
    connection,
  };
}

/** Tasklist answers 401 to the first `count` requests, then behaves. */
function rejectFirst(count: number, traffic: Traffic) {
  let left = count;
  server.use(
    http.post(TASKLIST_URL, () => {
      if (left <= 0) return undefined;
      left -= 1;
      traffic.graphqlCalls += 1;
      return HttpResponse.json({ message: '' }, { status: 401 });
    }),
  );
}

describe('link chain: error → retry → auth → http', () => {
  it('makes one token call for several queries at page load', async () => {
    const { query, traffic } = setup();
    await Promise.all([query('1'), query('2'), query('3')]);
    expect(traffic.graphqlCalls).toBe(3);
    expect(traffic.tokenCalls).toBe(1);
  });

  it('on a 401 from Tasklist drops the token, fetches a new one and retries once', async () => {
    const { query, traffic, onUnauthenticated } = setup();
    await query();
    rejectFirst(1, traffic);
    const result = await query();
    expect(result.data?.task.name).toBe('Check payment');
    expect(traffic.tokenCalls).toBe(2);
    expect(traffic.graphqlCalls).toBe(3);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('a second 401 surfaces as an error and reports a sign-in problem; no third call', async () => {
    const { query, traffic, onUnauthenticated } = setup();
    rejectFirst(2, traffic);
    await expect(query()).rejects.toMatchObject({ statusCode: 401 });
    expect(traffic.graphqlCalls).toBe(2);
    expect(traffic.tokenCalls).toBe(2);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('three concurrent 401s share one token refresh and each retries once', async () => {
    const { query, traffic } = setup();
    await query();
    rejectFirst(3, traffic);
    const results = await Promise.all([query('1'), query('2'), query('3')]);
    expect(results.map((r) => r.data?.task.id)).toEqual(['1', '2', '3']);
    expect(traffic.tokenCalls).toBe(2);
    expect(traffic.graphqlCalls).toBe(1 + 3 + 3);
  });

  it('the token endpoint down: queries retry, then fail with a retryable error and the connection is marked lost', async () => {
    const { query, connection, onConfigurationError } = setup();
    let calls = 0;
    server.use(
      http.post(TOKEN_URL, () => {
        calls += 1;
        return HttpResponse.json(
          { code: 'token_provider_unavailable', retryable: true },
          { status: 503 },
        );
      }),
    );
    await expect(query()).rejects.toMatchObject({
      name: 'TokenError',
      kind: 'unavailable',
    });
    expect(calls).toBe(2);
    expect(connection.isLost()).toBe(true);
    expect(onConfigurationError).not.toHaveBeenCalled();
  });

  it('a non-retryable token refusal is a configuration error and is not retried', async () => {
    const { query, onConfigurationError } = setup();
    let calls = 0;
    server.use(
      http.post(TOKEN_URL, () => {
        calls += 1;
        return HttpResponse.json(
          { code: 'token_provider_rejected_credentials', retryable: false },
          { status: 502 },
        );
      }),
    );
    await expect(query()).rejects.toMatchObject({ kind: 'configuration' });
    expect(calls).toBe(1);
    expect(onConfigurationError).toHaveBeenCalledTimes(1);
  });

  it('never retries mutations', async () => {
    const { client, traffic } = setup();
    let calls = 0;
    server.use(
      http.post(TASKLIST_URL, () => {
        calls += 1;
        return HttpResponse.error();
      }),
    );
    const mutation = gql`
      mutation LinkChainTestMutation($taskId: String!) {
        unclaimTask(taskId: $taskId) {
          id
        }
      }
    `;
    await expect(
      client.mutate({ mutation, variables: { taskId: '1' } }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    expect(traffic.tokenCalls).toBe(1);
  });
});
