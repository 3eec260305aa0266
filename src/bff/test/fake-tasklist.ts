import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  buildSchema,
  graphql,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import { SCHEMA_FILE } from '../proxy/proxy-schema';

/** A task of the fake world; the fields the BFF reads, plus its variables. */
export interface FakeTask {
  id: string;
  name: string;
  processName: string;
  /** Epoch ms; the default sort key. */
  created: number;
  completed: number | null;
  assignee: string | null;
  taskState: 'CREATED' | 'COMPLETED' | 'CANCELED';
  formKey: string | null;
  processDefinitionId: string;
  processInstanceId: string;
  candidateGroups: string[];
  candidateUsers: string[];
  variables: Record<string, string>;
}

/** One GraphQL request the fake received: what the "audit" of Tasklist saw. */
export interface ReceivedCall {
  rootField: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

/** What the fake does for one request instead of answering it normally. */
export type FakeFailure =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number };

export interface FakeTasklist {
  url: string;
  tasks: FakeTask[];
  forms: Map<string, string>;
  /** Every GraphQL request, in arrival order (failures included). */
  calls: ReceivedCall[];
  /** Calls of one root field, e.g. `callsOf('claimTask')`. */
  callsOf: (rootField: string) => ReceivedCall[];
  /** Answers for the next requests, in order; then normal answers. */
  fail: (...failures: FakeFailure[]) => void;
  /** Bearer tokens it accepts (others get 401, like Tasklist). */
  acceptToken: (token: string) => boolean;
  setTokenCheck: (check: (token: string) => boolean) => void;
  close: () => Promise<void>;
}

const DAY = 86_400_000;

/** A task with defaults: open, unassigned, no candidates (visible to all). */
export function aFakeTask(
  overrides: Partial<FakeTask> & { id: string },
): FakeTask {
  return {
    name: `Task ${overrides.id}`,
    processName: 'Invoice approval',
    created: Date.UTC(2024, 4, 1) + Number(overrides.id) * 1000,
    completed: null,
    assignee: null,
    taskState: 'CREATED',
    formKey: null,
    processDefinitionId: '2251799813685249',
    processInstanceId: `90${overrides.id}`,
    candidateGroups: [],
    candidateUsers: [],
    variables: {},
    ...overrides,
  };
}

function tasklistTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function toTask(
  task: FakeTask,
  sortValues: string[] | null,
  isFirst: boolean | null,
) {
  return {
    id: task.id,
    name: task.name,
    taskDefinitionId: 'review',
    processName: task.processName,
    creationTime: tasklistTime(task.created),
    completionTime:
      task.completed === null ? null : tasklistTime(task.completed),
    assignee: task.assignee,
    taskState: task.taskState,
    sortValues,
    isFirst,
    formKey: task.formKey,
    processDefinitionId: task.processDefinitionId,
    processInstanceId: task.processInstanceId,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    followUpDate: null,
    dueDate: new Date(task.created + 7 * DAY).toISOString(),
    implementation: 'JOB_WORKER',
  };
}

interface Query {
  state?: string | null;
  assigned?: boolean | null;
  assignee?: string | null;
  candidateGroup?: string | null;
  candidateUser?: string | null;
  processDefinitionId?: string | null;
  pageSize?: number | null;
  searchAfter?: string[] | null;
  searchBefore?: string[] | null;
}

const key = (task: FakeTask): [number, string] => [task.created, task.id];
/** Default order: creation time descending, then id ascending. */
const compare = (a: [number, string], b: [number, string]) =>
  a[0] !== b[0] ? b[0] - a[0] : a[1].localeCompare(b[1]);

/** Tasklist's `tasks` paging, reduced to the default sort and the two plain cursors. */
function searchTasks(all: FakeTask[], query: Query) {
  const matching = all
    .filter((t) =>
      query.state ? t.taskState === query.state : t.taskState !== 'CANCELED',
    )
    .filter((t) =>
      query.assigned === undefined || query.assigned === null
        ? true
        : (t.assignee !== null) === query.assigned,
    )
    .filter((t) => !query.assignee || t.assignee === query.assignee)
    .filter(
      (t) =>
        !query.candidateGroup ||
        t.candidateGroups.includes(query.candidateGroup),
    )
    .filter(
      (t) =>
        !query.candidateUser || t.candidateUsers.includes(query.candidateUser),
    )
    .filter(
      (t) =>
        !query.processDefinitionId ||
        t.processDefinitionId === query.processDefinitionId,
    )
    .sort((a, b) => compare(key(a), key(b)));
  const size = query.pageSize ?? 50;
  const cursor = (values: string[]): [number, string] => [
    Number(values[0]),
    values[1] ?? '',
  ];
  let page: FakeTask[];
  let first = false;
  if (query.searchAfter) {
    const anchor = cursor(query.searchAfter);
    page = matching.filter((t) => compare(key(t), anchor) > 0).slice(0, size);
    first = page[0] === matching[0];
  } else if (query.searchBefore) {
    const anchor = cursor(query.searchBefore);
    const before = matching.filter((t) => compare(key(t), anchor) < 0);
    page = before.slice(Math.max(0, before.length - size));
    first = before.length <= size;
  } else {
    page = matching.slice(0, size);
    first = true;
  }
  return page.map((t, index) =>
    toTask(t, [String(t.created), t.id], index === 0 && first),
  );
}

const SCHEMA = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

/**
 * A Tasklist GraphQL server for BFF tests, on an ephemeral loopback port.
 * It answers from an in-memory world with Tasklist's semantics for an API
 * caller (claim needs an assignee and overrides by default; complete works
 * on any open task), counts every call by root field, checks the bearer
 * token, and can answer with a status, hang, reset or delay on demand.
 */
export async function startFakeTasklist(
  initial: FakeTask[] = [],
): Promise<FakeTasklist> {
  const tasks = [...initial];
  const forms = new Map<string, string>();
  const calls: ReceivedCall[] = [];
  const failures: FakeFailure[] = [];
  let tokenCheck = (token: string) => token.startsWith('upstream-token-');
  const sockets = new Set<Socket>();

  const find = (id: string) => {
    const task = tasks.find((t) => t.id === id);
    if (!task) throw new Error(`Task with id ${id} was not found`);
    return task;
  };
  const open = (id: string) => {
    const task = find(id);
    if (task.taskState !== 'CREATED') throw new Error('Task is not active');
    return task;
  };
  const root = {
    tasks: ({ query }: { query: Query }) => searchTasks(tasks, query),
    task: ({ id }: { id: string }) => toTask(find(id), null, null),
    variables: ({
      taskId,
      variableNames,
    }: {
      taskId: string;
      variableNames: string[];
    }) =>
      Object.entries(find(taskId).variables)
        .filter(
          ([name]) =>
            variableNames.length === 0 || variableNames.includes(name),
        )
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({
          id: `${find(taskId).processInstanceId}-${name}`,
          name,
          value,
          previewValue: value,
          isValueTruncated: false,
        })),
    form: ({
      id,
      processDefinitionId,
    }: {
      id: string;
      processDefinitionId: string;
    }) => {
      const schema = forms.get(`${processDefinitionId}/${id}`);
      if (schema === undefined)
        throw new Error(`No task form found with id ${id}`);
      return { id, processDefinitionId, schema };
    },
    processes: () => [
      {
        id: '2251799813685249',
        name: 'Invoice approval',
        processDefinitionId: 'invoice',
        version: 1,
      },
    ],
    claimTask: (args: {
      taskId: string;
      assignee?: string | null;
      allowOverrideAssignment?: boolean | null;
    }) => {
      if (!args.assignee) throw new Error('Assignee must be specified');
      const task = open(args.taskId);
      if (task.assignee !== null && args.allowOverrideAssignment === false) {
        throw new Error('Task is already assigned');
      }
      task.assignee = args.assignee;
      return toTask(task, null, null);
    },
    unclaimTask: ({ taskId }: { taskId: string }) => {
      const task = open(taskId);
      if (task.assignee === null) throw new Error('Task is not assigned');
      task.assignee = null;
      return toTask(task, null, null);
    },
    completeTask: ({
      taskId,
      variables,
    }: {
      taskId: string;
      variables: { name: string; value: string }[];
    }) => {
      const task = open(taskId);
      for (const v of variables) task.variables[v.name] = v.value;
      task.taskState = 'COMPLETED';
      task.completed = task.created + DAY;
      return toTask(task, null, null);
    },
    startProcess: () => ({ id: '4503599627370497' }),
    deleteProcessInstance: () => true,
    currentUser: () => ({
      userId: 'api',
      displayName: 'api',
      permissions: ['READ', 'WRITE'],
    }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const body = JSON.parse(text || '{}') as {
      query?: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    const operation = parse(body.query ?? '{ __typename }').definitions[0] as
      OperationDefinitionNode | undefined;
    const first = operation?.selectionSet.selections[0];
    calls.push({
      rootField: first?.kind === Kind.FIELD ? first.name.value : '',
      operationName: operation?.name?.value,
      variables: body.variables ?? {},
      authorization: req.headers.authorization,
    });
    const failure = failures.shift();
    if (failure?.kind === 'hang') return;
    if (failure?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure?.kind === 'status') {
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...failure.headers,
      });
      res.end(
        '{"message":"upstream says no, with internals: stack at Foo.java:42"}',
      );
      return;
    }
    if (failure?.kind === 'delay')
      await new Promise((r) => setTimeout(r, failure.ms));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !tokenCheck(token)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":""}');
      return;
    }
    const result = await graphql({
      schema: SCHEMA,
      source: body.query ?? '',
      variableValues: body.variables ?? {},
      rootValue: root,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    tasks,
    forms,
    calls,
    callsOf: (rootField) => calls.filter((c) => c.rootField === rootField),
    fail: (...next) => failures.push(...next),
    acceptToken: (token) => tokenCheck(token),
    setTokenCheck: (check) => {
      tokenCheck = check;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
