import { gql, type TypedDocumentNode } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { aTask } from '../../test/factories';
import { server } from '../../test/msw-server';
import {
  BFF_GRAPHQL_URL,
  proxyHandlers,
  type ProxyTraffic,
} from '../../test/msw-proxy';
import { World } from '../../test/world';
import { persistedDocumentHashes } from '../__generated__/persisted-documents';
import { createConnectionStatus } from '../connection-status';
import { createApolloClient } from '../create-apollo-client';

// Proxy mode from the SPA's side: the same client and link chain, but every
// operation leaves as the hash of its trusted document, to the BFF's own
// /graphql, and the answers normalise into the cache as in direct mode.

/**
 * Named like the app's inbox query, so it goes by that document's hash; the
 * fake proxy runs the real document, of which this selects a part.
 */
const INBOX_QUERY: TypedDocumentNode<
  { tasks: { id: string; name: string }[] },
  { query: { pageSize: number } }
> = gql`
  query TaskInboxRouteQuery($query: TaskQuery!) {
    tasks(query: $query) {
      id
      name
    }
  }
`;

function setup() {
  const world = new World([aTask({ id: '1', name: 'Check payment' })]);
  const traffic: ProxyTraffic = {
    tokenCalls: 0,
    graphqlCalls: 0,
    validTokens: new Set(),
    bodies: [],
  };
  server.use(...proxyHandlers(world, traffic));
  const { client } = createApolloClient({
    mode: 'proxy',
    uri: BFF_GRAPHQL_URL,
    tokenEndpoint: 'http://localhost:3000/api/token',
    getUserToken: () => Promise.resolve('user-token'),
    renewUser: () => Promise.resolve(false),
    onUnauthenticated: vi.fn(),
    onConfigurationError: vi.fn(),
    connection: createConnectionStatus(),
  });
  return { client, traffic, world };
}

describe('trusted documents (proxy mode)', () => {
  it('sends the hash and variables only, and the answer fills the cache', async () => {
    const { client, traffic } = setup();
    const result = await client.query({
      query: INBOX_QUERY,
      variables: { query: { pageSize: 10 } },
    });
    expect(result.error).toBeUndefined();
    const [body] = traffic.bodies;
    expect(traffic.bodies).toHaveLength(1);
    expect(body).not.toHaveProperty('query');
    expect(body).toMatchObject({
      operationName: 'TaskInboxRouteQuery',
      variables: { query: { pageSize: 10 } },
      extensions: {
        persistedQuery: {
          version: 1,
          sha256Hash: persistedDocumentHashes.TaskInboxRouteQuery,
        },
      },
    });
    const normalised = client.cache.extract() as Record<string, unknown>;
    expect(normalised['Task:1']).toMatchObject({
      __typename: 'Task',
      name: 'Check payment',
    });
  });

  it('an operation the app does not ship is refused before anything is sent', async () => {
    const { client, traffic } = setup();
    const notShipped: TypedDocumentNode<
      { task: { id: string } },
      { id: string }
    > = gql`
      query NotShippedTestQuery($id: String!) {
        task(id: $id) {
          id
        }
      }
    `;
    const result = await client
      .query({ query: notShipped, variables: { id: '1' } })
      .catch((error: unknown) => ({ error }));
    expect(String(result.error)).toMatch(
      /NotShippedTestQuery is not a trusted document/,
    );
    expect(traffic.graphqlCalls).toBe(0);
  });

  it('every hash the SPA can send is one the server holds', () => {
    expect(Object.keys(persistedDocumentHashes).sort()).toEqual([
      'ClaimTaskMutation',
      'CompleteTaskMutation',
      'ProcessesRouteQuery',
      'StartProcessFirstTaskQuery',
      'StartProcessMutation',
      'TaskDetailsRouteQuery',
      'TaskFilterProcessesQuery',
      'TaskFormQuery',
      'TaskFormVariablesQuery',
      'TaskInboxRouteQuery',
      'UnclaimTaskMutation',
      'VariableValueQuery',
    ]);
  });
});
