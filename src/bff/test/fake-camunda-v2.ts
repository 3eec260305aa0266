import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A user task of the fake cluster, in v2's terms (dates as epoch ms). */
export interface FakeV2Task {
  key: string;
  name: string;
  elementId: string;
  processName: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  state: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  creationDate: number;
  completionDate: number | null;
  followUpDate: number | null;
  dueDate: number | null;
  /** A linked form's key (its schema in `forms`). */
  formKey: string | null;
  externalFormReference: string | null;
  /** Variables by name, in the process scope unless listed in `local`. */
  variables: Record<string, string>;
  local: Record<string, string>;
}

export interface FakeV2Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | undefined;
}

export type FakeV2Failure =
  { kind: 'status'; status: number; body?: unknown } | { kind: 'reset' };

export interface FakeCamundaV2 {
  /** The v2 base, e.g. `http://127.0.0.1:1234/v2`. */
  url: string;
  tasks: FakeV2Task[];
  forms: Map<string, string>;
  definitions: {
    key: string;
    id: string;
    name: string;
    version: number;
    latest: boolean;
  }[];
  calls: FakeV2Call[];
  /** Replaces the world (searches are cached until something changes). */
  setTasks: (tasks: FakeV2Task[]) => void;
  /** Calls whose `METHOD path` matches, e.g. `callsTo('POST /v2/user-tasks/search')`. */
  callsTo: (prefix: string) => FakeV2Call[];
  fail: (...failures: FakeV2Failure[]) => void;
  /**
   * Eventual consistency: after each command, the next `reads` GETs of that
   * task still show it as it was before the command.
   */
  setStaleReads: (reads: number) => void;
  /** The token it accepts; null accepts requests without any. */
  setTokenCheck: (
    check: ((token: string | undefined) => boolean) | null,
  ) => void;
  /** Values longer than this are truncated in searches. */
  truncateAt: number;
  close: () => Promise<void>;
}

const DAY = 86_400_000;

/** A task with defaults: open, unassigned, no candidates. */
export function aV2Task(
  overrides: Partial<FakeV2Task> & { key: string },
): FakeV2Task {
  const n = Number(overrides.key.slice(-6));
  return {
    name: `Task ${overrides.key}`,
    elementId: 'review',
    processName: 'Invoice approval',
    processDefinitionKey: '2251799813685249',
    processDefinitionId: 'invoice',
    processInstanceKey: `9${overrides.key}`,
    elementInstanceKey: `8${overrides.key}`,
    state: 'CREATED',
    assignee: null,
    candidateGroups: [],
    candidateUsers: [],
    creationDate: Date.UTC(2024, 4, 1) + n * 1000,
    completionDate: null,
    followUpDate: null,
    dueDate: null,
    formKey: null,
    externalFormReference: null,
    variables: {},
    local: {},
    ...overrides,
  };
}

const iso = (ms: number | null) =>
  ms === null ? undefined : new Date(ms).toISOString();

function userTaskResult(task: FakeV2Task) {
  const result: Record<string, unknown> = {
    userTaskKey: task.key,
    name: task.name,
    state: task.state,
    elementId: task.elementId,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    processDefinitionId: task.processDefinitionId,
    creationDate: iso(task.creationDate),
    completionDate: iso(task.completionDate),
    followUpDate: iso(task.followUpDate),
    dueDate: iso(task.dueDate),
    tenantId: '<default>',
    processDefinitionVersion: 1,
    customHeaders: {},
    priority: 50,
    elementInstanceKey: task.elementInstanceKey,
    processName: task.processName,
    processDefinitionKey: task.processDefinitionKey,
    processInstanceKey: task.processInstanceKey,
    assignee: task.assignee ?? undefined,
    formKey: task.formKey ?? undefined,
    externalFormReference: task.externalFormReference ?? undefined,
  };
  return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
}

class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

const SORT_FIELDS: Record<string, keyof FakeV2Task> = {
  creationDate: 'creationDate',
  completionDate: 'completionDate',
  followUpDate: 'followUpDate',
  dueDate: 'dueDate',
  name: 'name',
};

type SortValue = number | string | null;
interface Sort {
  field: keyof FakeV2Task;
  desc: boolean;
}

/** Missing values last in both directions, then the key ascending. */
function compareValues(a: SortValue[], b: SortValue[], sorts: Sort[]): number {
  for (const [index, sort] of sorts.entries()) {
    const x = a[index] ?? null;
    const y = b[index] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = x < y ? -1 : 1;
    return sort.desc ? -order : order;
  }
  return compareKeys(a.at(-1) as string, b.at(-1) as string);
}

/** Digit strings in numeric order, without BigInt on the hot path. */
function compareKeys(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

const valuesOf = (task: FakeV2Task, sorts: Sort[]): SortValue[] => [
  ...sorts.map((sort) => task[sort.field] as SortValue),
  task.key,
];

const cursorOf = (values: SortValue[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64');

function parseCursor(text: string, length: number): SortValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== length) {
    throw new Problem(
      400,
      'INVALID_ARGUMENT',
      'The cursor is not valid for this query.',
    );
  }
  return values as SortValue[];
}

type Filter = Record<string, unknown>;

function stringMatches(value: string | null, filter: unknown): boolean {
  if (typeof filter === 'string') return value === filter;
  const f = filter as { $eq?: string; $exists?: boolean; $in?: string[] };
  const known = ['$eq', '$exists', '$in'];
  for (const op of Object.keys(f)) {
    if (!known.includes(op))
      throw new Problem(400, 'INVALID_ARGUMENT', `op ${op}`);
  }
  if (f.$exists !== undefined && (value !== null) !== f.$exists) return false;
  if (f.$eq !== undefined && value !== f.$eq) return false;
  if (f.$in !== undefined && (value === null || !f.$in.includes(value)))
    return false;
  return true;
}

function dateMatches(value: number | null, filter: unknown): boolean {
  const f = filter as { $gte?: string; $lte?: string };
  if (value === null) return false;
  if (f.$gte !== undefined && value < Date.parse(f.$gte)) return false;
  if (f.$lte !== undefined && value > Date.parse(f.$lte)) return false;
  return true;
}

function taskMatches(task: FakeV2Task, filter: Filter): boolean {
  for (const [name, value] of Object.entries(filter)) {
    switch (name) {
      case 'state':
        if (!stringMatches(task.state, value)) return false;
        break;
      case 'assignee':
        if (!stringMatches(task.assignee, value)) return false;
        break;
      case 'candidateGroup':
        if (!task.candidateGroups.some((g) => stringMatches(g, value)))
          return false;
        break;
      case 'candidateUser':
        if (!task.candidateUsers.some((u) => stringMatches(u, value)))
          return false;
        break;
      case 'elementId':
      case 'processDefinitionKey':
      case 'processInstanceKey':
        if (task[name] !== value) return false;
        break;
      case 'userTaskKey':
        if (task.key !== value) return false;
        break;
      case 'followUpDate':
      case 'dueDate':
        if (!dateMatches(task[name], value)) return false;
        break;
      default:
        throw new Problem(400, 'INVALID_ARGUMENT', `Unknown filter ${name}`);
    }
  }
  return true;
}

interface PageInput {
  from?: number;
  after?: string;
  before?: string;
  limit?: number;
}

/** v2 keyset paging over an already sorted list. */
function pageOf<T>(
  sorted: T[],
  page: PageInput | undefined,
  values: (item: T) => SortValue[],
  compare: (a: SortValue[], b: SortValue[]) => number,
  length: number,
) {
  const limit = page?.limit ?? 100;
  if (limit < 1 || limit > 1000) {
    throw new Problem(400, 'INVALID_ARGUMENT', `page.limit ${String(limit)}`);
  }
  let items: T[];
  // The list is sorted: the first index after (or at) a cursor by bisection.
  const firstAbove = (at: SortValue[], strict: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const order = compare(values(sorted[mid] as T), at);
      if (order < 0 || (strict && order === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  if (page?.after !== undefined) {
    const start = firstAbove(parseCursor(page.after, length), true);
    items = sorted.slice(start, start + limit);
  } else if (page?.before !== undefined) {
    const end = firstAbove(parseCursor(page.before, length), false);
    items = sorted.slice(Math.max(0, end - limit), end);
  } else {
    const from = page?.from ?? 0;
    items = sorted.slice(from, from + limit);
  }
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    page: {
      totalItems: sorted.length,
      ...(first === undefined ? {} : { startCursor: cursorOf(values(first)) }),
      ...(last === undefined ? {} : { endCursor: cursorOf(values(last)) }),
    },
  };
}

/**
 * A Camunda 8.8 REST API v2 for the BFF's adapter tests, on an ephemeral
 * loopback port: user-task search with the filters and sorts the adapter
 * sends (anything else is a 400, so a wrong translation shows), keyset
 * cursors, commands answering 204 with stale reads on demand, forms,
 * variables in two scopes with truncation, process definitions and
 * instances, problem responses, a token check and injected failures.
 */
export async function startFakeCamundaV2(
  initial: FakeV2Task[] = [],
): Promise<FakeCamundaV2> {
  const tasks = [...initial];
  const forms = new Map<string, string>();
  const definitions: FakeCamundaV2['definitions'] = [
    {
      key: '2251799813685249',
      id: 'invoice',
      name: 'Invoice approval',
      version: 2,
      latest: true,
    },
    {
      key: '2251799813685248',
      id: 'invoice',
      name: 'Invoice approval',
      version: 1,
      latest: false,
    },
    {
      key: '2251799813685250',
      id: 'vacation',
      name: 'Vacation request',
      version: 1,
      latest: true,
    },
  ];
  const calls: FakeV2Call[] = [];
  const failures: FakeV2Failure[] = [];
  const stale = new Map<string, { reads: number; snapshot: FakeV2Task }>();
  let staleReads = 0;
  let tokenCheck: ((token: string | undefined) => boolean) | null = (token) =>
    token?.startsWith('upstream-token-') === true;
  const sockets = new Set<Socket>();
  let nextInstance = 4503599627370497n;
  // Sorted search results by filter and sort, until the world changes.
  let version = 0;
  const searches = new Map<string, { version: number; sorted: FakeV2Task[] }>();

  const find = (key: string, what = 'User Task') => {
    const task = tasks.find((t) => t.key === key);
    if (!task)
      throw new Problem(404, 'NOT_FOUND', `${what} with key ${key} not found`);
    return task;
  };
  const read = (key: string) => {
    const entry = stale.get(key);
    if (entry && entry.reads > 0) {
      entry.reads -= 1;
      return entry.snapshot;
    }
    return find(key);
  };
  const command = (key: string, intent: string) => {
    const task = tasks.find((t) => t.key === key);
    if (!task || task.state === 'COMPLETED' || task.state === 'CANCELED') {
      throw new Problem(
        404,
        'NOT_FOUND',
        `Command '${intent}' rejected with code 'NOT_FOUND': no such user task ${key}`,
      );
    }
    version += 1;
    if (staleReads > 0) {
      stale.set(key, { reads: staleReads, snapshot: structuredClone(task) });
    }
    return task;
  };

  const fake: FakeCamundaV2 = {
    url: '',
    tasks,
    forms,
    definitions,
    calls,
    callsTo: (prefix) =>
      calls.filter((c) => `${c.method} ${c.path}`.startsWith(prefix)),
    fail: (...next) => failures.push(...next),
    setTasks: (next) => {
      tasks.splice(0, tasks.length, ...next);
      stale.clear();
      version += 1;
    },
    setStaleReads: (reads) => {
      staleReads = reads;
    },
    setTokenCheck: (check) => {
      tokenCheck = check;
    },
    truncateAt: 8191,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };

  function searchTasks(body: {
    filter?: Filter;
    sort?: { field: string; order?: string }[];
    page?: PageInput;
  }) {
    const sorts: Sort[] = (body.sort ?? []).map((entry) => {
      const field = SORT_FIELDS[entry.field];
      if (!field)
        throw new Problem(400, 'INVALID_ARGUMENT', `sort ${entry.field}`);
      return { field, desc: entry.order === 'DESC' };
    });
    const compare = (a: SortValue[], b: SortValue[]) =>
      compareValues(a, b, sorts);
    const values = (task: FakeV2Task) => valuesOf(task, sorts);
    const signature = JSON.stringify([body.filter ?? {}, sorts]);
    let cached = searches.get(signature);
    if (cached?.version !== version) {
      cached = {
        version,
        sorted: tasks
          .filter((task) => taskMatches(task, body.filter ?? {}))
          .sort((a, b) => compare(values(a), values(b))),
      };
      searches.set(signature, cached);
    }
    const matching = cached.sorted;
    const page = pageOf(matching, body.page, values, compare, sorts.length + 1);
    return { items: page.items.map(userTaskResult), page: page.page };
  }

  function variablesOf(
    task: FakeV2Task,
    body: { filter?: { name?: unknown }; page?: PageInput },
    truncate: boolean,
  ) {
    const all = [
      ...Object.entries(task.local).map(([name, value]) => ({
        name,
        value,
        scopeKey: task.elementInstanceKey,
      })),
      ...Object.entries(task.variables).map(([name, value]) => ({
        name,
        value,
        scopeKey: task.processInstanceKey,
      })),
    ]
      .filter(
        (v) =>
          body.filter?.name === undefined ||
          stringMatches(v.name, body.filter.name),
      )
      .map((v) => ({
        ...v,
        variableKey: `${v.scopeKey}${String(v.name.length)}${v.name.charCodeAt(0)}`,
      }))
      .sort((a, b) => compareKeys(a.variableKey, b.variableKey));
    const page = pageOf(
      all,
      body.page,
      (v) => [v.variableKey],
      (a, b) => compareKeys(a[0] as string, b[0] as string),
      1,
    );
    return {
      items: page.items.map((v) => ({
        name: v.name,
        value: truncate ? v.value.slice(0, fake.truncateAt) : v.value,
        isTruncated: truncate && v.value.length > fake.truncateAt,
        variableKey: v.variableKey,
        scopeKey: v.scopeKey,
        processInstanceKey: task.processInstanceKey,
        tenantId: '<default>',
      })),
      page: page.page,
    };
  }

  function route(
    method: string,
    url: URL,
    body: unknown,
  ): { status: number; body?: unknown } {
    const path = url.pathname;
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v2/user-tasks/search') {
      return { status: 200, body: searchTasks(b) };
    }
    if (method === 'GET' && (m = /^\/v2\/user-tasks\/(\d+)$/.exec(path))) {
      return { status: 200, body: userTaskResult(read(m[1] ?? '')) };
    }
    if (
      method === 'GET' &&
      (m = /^\/v2\/user-tasks\/(\d+)\/form$/.exec(path))
    ) {
      const task = find(m[1] ?? '');
      const schema =
        task.formKey === null ? undefined : forms.get(task.formKey);
      if (schema === undefined) return { status: 204 };
      return {
        status: 200,
        body: {
          formKey: task.formKey,
          formId: 'invoice-form',
          version: 1,
          schema,
          tenantId: '<default>',
        },
      };
    }
    if (
      method === 'POST' &&
      (m = /^\/v2\/user-tasks\/(\d+)\/assignment$/.exec(path))
    ) {
      const task = command(m[1] ?? '', 'CLAIM');
      if (typeof b.assignee !== 'string' || b.assignee === '') {
        throw new Problem(400, 'INVALID_ARGUMENT', 'No assignee provided');
      }
      if (
        b.allowOverride === false &&
        task.assignee !== null &&
        task.assignee !== b.assignee
      ) {
        throw new Problem(
          409,
          'INVALID_STATE',
          `Command 'CLAIM' rejected with code 'INVALID_STATE': it has already been assigned`,
        );
      }
      task.assignee = b.assignee;
      return { status: 204 };
    }
    if (
      method === 'DELETE' &&
      (m = /^\/v2\/user-tasks\/(\d+)\/assignee$/.exec(path))
    ) {
      command(m[1] ?? '', 'ASSIGN').assignee = null;
      return { status: 204 };
    }
    if (
      method === 'POST' &&
      (m = /^\/v2\/user-tasks\/(\d+)\/completion$/.exec(path))
    ) {
      const task = command(m[1] ?? '', 'COMPLETE');
      for (const [name, value] of Object.entries(
        (b.variables ?? {}) as Record<string, unknown>,
      )) {
        task.variables[name] = JSON.stringify(value);
      }
      task.state = 'COMPLETED';
      task.completionDate = task.creationDate + DAY;
      return { status: 204 };
    }
    if (
      method === 'POST' &&
      (m = /^\/v2\/user-tasks\/(\d+)\/variables\/search$/.exec(path))
    ) {
      const truncate = url.searchParams.get('truncateValues') !== 'false';
      return {
        status: 200,
        body: variablesOf(find(m[1] ?? ''), b, truncate),
      };
    }
    if (method === 'GET' && (m = /^\/v2\/variables\/(\d+)$/.exec(path))) {
      for (const task of tasks) {
        const found = variablesOf(
          task,
          { page: { limit: 1000 } },
          false,
        ).items.find((v) => v.variableKey === m?.[1]);
        if (found) {
          const { name, value, variableKey, scopeKey, tenantId } = found;
          const { processInstanceKey } = found;
          return {
            status: 200,
            body: {
              name,
              value,
              variableKey,
              scopeKey,
              processInstanceKey,
              tenantId,
            },
          };
        }
      }
      throw new Problem(
        404,
        'NOT_FOUND',
        `Variable with key ${m[1] ?? ''} not found`,
      );
    }
    if (method === 'POST' && path === '/v2/process-definitions/search') {
      const filter = (b.filter ?? {}) as { isLatestVersion?: boolean };
      const items = definitions
        .filter((d) => !filter.isLatestVersion || d.latest)
        .sort((x, y) => x.id.localeCompare(y.id))
        .map((d) => ({
          processDefinitionKey: d.key,
          processDefinitionId: d.id,
          name: d.name,
          version: d.version,
          resourceName: `${d.id}.bpmn`,
          tenantId: '<default>',
          hasStartForm: false,
        }));
      return {
        status: 200,
        body: { items, page: { totalItems: items.length } },
      };
    }
    if (method === 'POST' && path === '/v2/process-instances') {
      const definition = definitions.find(
        (d) => d.latest && d.id === b.processDefinitionId,
      );
      if (!definition) {
        throw new Problem(
          404,
          'NOT_FOUND',
          `Command 'CREATE' rejected with code 'NOT_FOUND'`,
        );
      }
      nextInstance += 1n;
      return {
        status: 200,
        body: {
          processInstanceKey: String(nextInstance),
          processDefinitionKey: definition.key,
          processDefinitionId: definition.id,
          processDefinitionVersion: definition.version,
          tenantId: '<default>',
          variables: {},
        },
      };
    }
    throw new Problem(404, 'Not Found', `No endpoint ${method} ${path}.`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    calls.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      body,
      authorization: req.headers.authorization,
    });
    const failure = failures.shift();
    if (failure?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const problem = (status: number, title: string, detail: string) => {
      res.writeHead(status, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title,
          status,
          detail,
          instance: url.pathname,
        }),
      );
    };
    if (failure?.kind === 'status') {
      res.writeHead(failure.status, {
        'content-type': 'application/problem+json',
      });
      res.end(
        JSON.stringify(
          failure.body ?? { title: 'INTERNAL', detail: 'stack at Foo.java:42' },
        ),
      );
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (tokenCheck && !tokenCheck(token)) {
      problem(
        401,
        'Unauthorized',
        'The request lacks valid authentication credentials.',
      );
      return;
    }
    if (tokenCheck === null && req.headers.authorization !== undefined) {
      problem(400, 'Bad Request', 'unexpected credentials');
      return;
    }
    try {
      const answer = route(req.method ?? 'GET', url, body);
      if (answer.body === undefined) {
        res.writeHead(answer.status);
        res.end();
      } else {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }
    } catch (error) {
      if (error instanceof Problem)
        problem(error.status, error.title, error.message);
      else problem(500, 'Internal Server Error', 'fake failed');
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v2`;
  return fake;
}
