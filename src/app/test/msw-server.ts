import { graphql as execute } from 'graphql';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type {
  TaskQuery,
  VariableInput,
} from '../graphql/__generated__/schema-types';
import { tasklistSchema } from './tasklist-schema';
import type { World } from './world';

export const TASKLIST_URL = 'http://tasklist.test/graphql';
export const TOKEN_URL = 'http://localhost:3000/api/token';

/** The MSW server for component tests; unhandled requests fail the test. */
export const server = setupServer();

/** What the fake BFF token endpoint and Tasklist saw, for assertions. */
export interface Traffic {
  tokenCalls: number;
  graphqlCalls: number;
  /** Tokens Tasklist accepts; the token endpoint issues `tasklist-token-<n>`. */
  validTokens: Set<string>;
}

/** The fake Tasklist's resolvers over a world; the fake BFF proxy runs them too. */
export function rootValue(world: World) {
  return {
    tasks: ({ query }: { query: TaskQuery }) => world.searchTasks(query),
    task: ({ id }: { id: string }) => world.task(id),
    form: (a: { id: string; processDefinitionId: string }) =>
      world.form(a.id, a.processDefinitionId),
    variables: (a: { taskId: string; variableNames: string[] }) =>
      world.variables(a.taskId, a.variableNames),
    variable: ({ id }: { id: string }) => world.variable(id),
    currentUser: () => ({
      __typename: 'User',
      userId: 'tasklist-inbox-bff',
      displayName: null,
    }),
    claimTask: (a: {
      taskId: string;
      assignee?: string | null;
      allowOverrideAssignment?: boolean | null;
    }) => world.claimTask(a.taskId, a.assignee, a.allowOverrideAssignment),
    unclaimTask: ({ taskId }: { taskId: string }) => world.unclaimTask(taskId),
    completeTask: (a: { taskId: string; variables: VariableInput[] }) =>
      world.completeTask(a.taskId, a.variables),
    processes: ({ search }: { search?: string | null }) =>
      world.searchProcesses(search),
    startProcess: ({ processDefinitionId }: { processDefinitionId: string }) =>
      world.startProcess(processDefinitionId),
  };
}

/**
 * Default handlers: a token endpoint that issues a new token per call, and a
 * Tasklist that checks the bearer token and executes every document against
 * the real SDL, so fixtures and documents can never drift from the schema.
 */
export function tasklistHandlers(world: World, traffic: Traffic) {
  return [
    http.post(TOKEN_URL, ({ request }) => {
      traffic.tokenCalls += 1;
      if (request.headers.get('x-requested-with') !== 'tasklist-inbox') {
        return HttpResponse.json(
          { code: 'csrf_header_missing' },
          { status: 403 },
        );
      }
      if (!request.headers.get('authorization')?.startsWith('Bearer ')) {
        return HttpResponse.json({ code: 'invalid_token' }, { status: 401 });
      }
      const token = `tasklist-token-${String(traffic.tokenCalls)}`;
      traffic.validTokens.add(token);
      return HttpResponse.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 300,
      });
    }),
    http.post(TASKLIST_URL, async ({ request }) => {
      traffic.graphqlCalls += 1;
      const token =
        request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!traffic.validTokens.has(token)) {
        return HttpResponse.json({ message: '' }, { status: 401 });
      }
      const body = (await request.json()) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      world.operations.push(body.operationName ?? '');
      const result = await execute({
        schema: tasklistSchema(),
        source: body.query,
        variableValues: body.variables ?? {},
        operationName: body.operationName ?? null,
        rootValue: rootValue(world),
      });
      return HttpResponse.json(
        JSON.parse(JSON.stringify(result)) as JsonBodyType,
      );
    }),
  ];
}
