import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREVIEW_LIMIT } from '../config';
import type { Caller } from '../domain/caller';
import { createHarness, type Harness } from '../test/harness';
import { useCompiledQueries } from './compiled-queries';
import { TYPE_DEFS } from './create-yoga';
import { resolvers } from './resolvers';

const ALL_TASK_FIELDS = `id name taskDefinitionId processName creationTime
  completionTime assignee taskState sortValues isFirst formKey
  processDefinitionId processInstanceId candidateGroups candidateUsers
  followUpDate dueDate implementation`;

/** What the inbox and other Tasklist clients ask, in every shape we serve. */
const QUERIES: { name: string; query: string; variables?: unknown }[] = [
  {
    name: 'the default page with every task field',
    query: `query ($q: TaskQuery!) { tasks(query: $q) { ${ALL_TASK_FIELDS} } }`,
    variables: { q: {} },
  },
  {
    name: 'completed tasks with their variables',
    query: `{ tasks(query: { state: COMPLETED, pageSize: 5 }) {
      id completionTime variables { id name value previewValue isValueTruncated } } }`,
  },
  {
    name: 'a group filter sorted by due date, with aliases and __typename',
    query: `query ($group: String, $me: String) {
      open: tasks(query: { candidateGroup: $group, assigned: false,
        sort: [{ field: dueDate, order: ASC }] }) { __typename id dueDate followUpDate sortValues }
      mine: tasks(query: { assignee: $me }) { id assignee } }`,
    variables: { group: 'accounting', me: 'demo' },
  },
  {
    name: 'fragments and directives',
    query: `fragment Row on Task { id name ...@include(if: $more) { formKey } }
      query ($more: Boolean!) { tasks(query: { pageSize: 3 }) { ...Row assignee @skip(if: $more) } }`,
    variables: { more: true },
  },
  {
    name: 'processes',
    query: '{ processes { id name processDefinitionId version } }',
  },
  {
    name: 'a slice of introspection',
    query:
      'query ($t: String!) { __type(name: $t) { name fields { name type { kind name ofType { name } } } } }',
    variables: { t: 'Task' },
  },
];

/** The API caller of the harness's default token. */
const API_CALLER: Caller = {
  kind: 'api',
  userId: 'tasklist-inbox-bff',
  displayName: 'tasklist-inbox-bff',
  groups: [],
  permissions: ['READ', 'WRITE'],
};

describe('compiled queries against the Tasklist schema', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Yoga on the Tasklist schema, with or without compiled queries. */
  const tasklistYoga = (compiled: boolean) => {
    const counter = countGraphqlJs();
    const yoga = createYoga({
      schema: createSchema({ typeDefs: TYPE_DEFS, resolvers }),
      context: () => ({
        store: h.store,
        caller: API_CALLER,
        previewLimit: DEFAULT_PREVIEW_LIMIT,
      }),
      plugins: compiled
        ? [counter.plugin, useCompiledQueries()]
        : [counter.plugin],
    });
    return { post: poster(yoga), calls: counter.calls };
  };

  it.each(QUERIES)(
    'answer $name exactly as graphql-js does, without graphql-js',
    async (q) => {
      const expected = await tasklistYoga(false).post(q.query, q.variables);
      expect(expected.errors).toBeUndefined();
      const compiled = tasklistYoga(true);
      expect(await compiled.post(q.query, q.variables)).toEqual(expected);
      expect(compiled.calls.graphqlJs).toBe(0);
      // The app's own yoga, as clients reach it, answers the same.
      const reply = await h.gql(
        q.query,
        q.variables as Record<string, unknown> | undefined,
      );
      expect(reply.body).toEqual(expected);
    },
  );
});

/** Counts how often graphql-js executes; goes before `useCompiledQueries`. */
function countGraphqlJs<T extends { graphqlJs: number }>(
  calls: T = { graphqlJs: 0 } as T,
) {
  const plugin: Plugin = {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        calls.graphqlJs += 1;
        return executeFn(args) as unknown;
      });
    },
  };
  return { calls, plugin };
}

/** The slice of a yoga instance the tests call. */
interface Fetches {
  fetch: (url: string, init: RequestInit) => Response | Promise<Response>;
}

function poster(yoga: Fetches) {
  return async (query: string, variables?: unknown) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}

/** A small schema whose resolvers count their calls. */
function countingYoga() {
  const counter = countGraphqlJs({ graphqlJs: 0, items: 0, add: 0 });
  const { calls } = counter;
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: `type Query { items(fail: Boolean): [Item!]! echo(text: String): String }
        type Item { id: ID! label: String! }
        type Mutation { add(label: String!): Item! }`,
      resolvers: {
        Query: {
          items: (_: unknown, args: { fail?: boolean }) => {
            calls.items += 1;
            if (args.fail) throw new Error('Task was not found');
            return [{ id: '1', label: 'one' }];
          },
          echo: (_: unknown, args: { text?: string }) => args.text ?? null,
        },
        Mutation: {
          add: (_: unknown, args: { label: string }) => {
            calls.add += 1;
            return { id: '2', label: args.label };
          },
        },
      },
    }),
    maskedErrors: false,
    plugins: [counter.plugin, useCompiledQueries()],
  });
  return { calls, post: poster(yoga) };
}

describe('useCompiledQueries', () => {
  it('answers a successful query without graphql-js, every time', async () => {
    const { calls, post } = countingYoga();
    for (let i = 0; i < 3; i += 1) {
      expect(await post('{ items { id label } }')).toEqual({
        data: { items: [{ id: '1', label: 'one' }] },
      });
    }
    expect(calls).toMatchObject({ graphqlJs: 0, items: 3 });
  });

  it("hands a query that fails to graphql-js, whose answer is the client's", async () => {
    const { calls, post } = countingYoga();
    const reply = await post('{ items(fail: true) { id } }');
    expect(reply).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'Task was not found',
          path: ['items'],
        }) as unknown,
      ],
    });
    expect(calls).toMatchObject({ graphqlJs: 1, items: 2 });
  });

  it('keeps graphql-js wording for variables it cannot coerce', async () => {
    const { calls, post } = countingYoga();
    const reply = await post(
      'query ($fail: Boolean) { items(fail: $fail) { id } }',
      { fail: 'yes' },
    );
    expect(reply.errors).toEqual([
      expect.objectContaining({
        message:
          'Variable "$fail" got invalid value "yes"; Boolean cannot represent a non boolean value: "yes"',
      }) as unknown,
    ]);
    expect(calls.graphqlJs).toBe(1);
  });

  it('leaves documents with string literals to graphql-js: their text never becomes code (H75)', async () => {
    const { calls, post } = countingYoga();
    // graphql-jit writes literals into generated code and turns this marker
    // (its own, for dates) into `new Date(...)`.
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const payload = `${marker}0),[globalThis.compiledInjection=1]:(0`;
    // Other literals (booleans, numbers, enums) are compiled.
    expect(await post('{ items(fail: false) { id } }')).toEqual({
      data: { items: [{ id: '1' }] },
    });
    expect(calls.graphqlJs).toBe(0);
    const literal = await post(`{ echo(text: "${payload}") }`);
    expect(literal).toEqual({ data: { echo: payload } });
    expect(calls.graphqlJs).toBe(1);
    expect(
      (globalThis as { compiledInjection?: unknown }).compiledInjection,
    ).toBeUndefined();
  });

  it('runs mutations in graphql-js only, exactly once', async () => {
    const { calls, post } = countingYoga();
    expect(await post('mutation { add(label: "two") { id label } }')).toEqual({
      data: { add: { id: '2', label: 'two' } },
    });
    expect(calls).toMatchObject({ graphqlJs: 1, add: 1 });
  });
});
