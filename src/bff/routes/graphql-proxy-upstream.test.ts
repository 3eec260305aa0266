import { createServer } from 'node:net';
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from 'vitest';
import { aFakeTask } from '../test/fake-tasklist';
import {
  startProxyHarness,
  type GraphqlAnswer,
  type ProxyBff,
} from '../test/proxy-harness';
import { managementOf } from '../app';

const { start, tokenEndpoint } = await startProxyHarness();

// security.md 11.2 G47 and G48, and issue 9's upstream failures: the fake
// Tasklist sees only the cached machine token; down, slow, 5xx, 429, one 401
// and two 401s each give their answer, without loops or leaked upstream text.

let bff: ProxyBff;
let bob: string;
const answers: GraphqlAnswer[] = [];

beforeAll(async () => {
  bff = await start({
    tasks: [
      aFakeTask({ id: '1' }),
      aFakeTask({ id: '2', candidateGroups: ['sales'] }),
    ],
    env: { BFF_UPSTREAM_TIMEOUT_MS: '400' },
  });
  bob = await bff.bffToken('bob');
});
afterAll(() => {
  // Nothing the BFF sent back, on any path, carries a machine token or upstream text.
  for (const answer of answers) {
    expect(answer.raw).not.toMatch(/upstream-token-\d/);
    expect(answer.raw).not.toContain('Foo.java');
    expect(JSON.stringify(answer.headers)).not.toMatch(/upstream-token-\d/);
  }
});
// The harness clears the token endpoint's calls after each test; tests that
// warm the cache first compare counts from a later point.
let tokenCallsBefore = 0;
const tokenCalls = () => tokenEndpoint.calls.length - tokenCallsBefore;
beforeEach(() => {
  bff.tasklist.calls.length = 0;
  tokenCallsBefore = tokenEndpoint.calls.length;
});

async function inbox(proxy: ProxyBff = bff, token = bob) {
  const answer = await proxy.gql(token, 'TaskInboxRouteQuery', { query: {} });
  answers.push(answer);
  return answer;
}

function expectProblem(
  answer: GraphqlAnswer,
  status: number,
  code: string,
  retryable: boolean,
) {
  expect(answer.status, answer.raw).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code, retryable });
}

describe('the machine token (G47)', () => {
  test('the fake Tasklist sees only the cached machine token, never the browser’s', async () => {
    await inbox();
    await bff.gql(bob, 'TaskDetailsRouteQuery', { id: '2' });
    expect(bff.tasklist.calls.length).toBeGreaterThanOrEqual(3);
    for (const call of bff.tasklist.calls) {
      expect(call.authorization).toMatch(/^Bearer upstream-token-\d+$/);
      expect(call.authorization).not.toContain(bob);
    }
  });

  test('50 concurrent proxied calls on a cold cache make one token request', async () => {
    const cold = await start({
      tasks: [aFakeTask({ id: '1' })],
      // Fifty at once on a busy machine: room enough that only the count matters.
      env: { BFF_UPSTREAM_TIMEOUT_MS: '15000' },
    });
    const token = await cold.bffToken('alice');
    const all = await Promise.all(
      Array.from({ length: 50 }, () => inbox(cold, token)),
    );
    expect(all.every((a) => a.status === 200 && !a.body.errors)).toBe(true);
    expect(tokenCalls()).toBe(1);
    expect(cold.tasklist.callsOf('tasks')).toHaveLength(50);
  });
});

describe('Tasklist answers 401 (G48)', () => {
  test('once: the cached token is dropped, one more is fetched, the request is retried once', async () => {
    await inbox(); // warm the cache
    bff.tasklist.calls.length = 0;
    tokenCallsBefore = tokenEndpoint.calls.length;
    bff.tasklist.fail({ kind: 'status', status: 401 });
    const answer = await inbox();
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(tokenCalls()).toBe(1);
    const [first, second] = bff.tasklist.calls;
    expect(bff.tasklist.calls).toHaveLength(2);
    expect(first?.authorization).not.toBe(second?.authorization);
  });

  test('twice: a 502 problem, no third attempt, no loop', async () => {
    bff.tasklist.fail(
      { kind: 'status', status: 401 },
      { kind: 'status', status: 401 },
    );
    const answer = await inbox();
    expectProblem(answer, 502, 'upstream_rejected_token', false);
    expect(bff.tasklist.calls).toHaveLength(2);
    expect(tokenCalls()).toBeLessThanOrEqual(2);
  });

  test('a Tasklist that refuses every token never makes the BFF loop', async () => {
    bff.tasklist.setTokenCheck(() => false);
    try {
      const answer = await inbox();
      expectProblem(answer, 502, 'upstream_rejected_token', false);
      expect(bff.tasklist.calls).toHaveLength(2);
    } finally {
      bff.tasklist.setTokenCheck((t) => t.startsWith('upstream-token-'));
    }
  });
});

describe('Tasklist down or slow', () => {
  test('nothing listening: 503 upstream_unavailable, retryable, with Retry-After', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address ? address.port : 1);
        });
      });
    });
    const down = await start({
      env: { TASKLIST_GRAPHQL_URL: `http://127.0.0.1:${port}/graphql` },
    });
    const answer = await inbox(down, await down.bffToken('bob'));
    expectProblem(answer, 503, 'upstream_unavailable', true);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('a reset connection: 503, retryable', async () => {
    bff.tasklist.fail({ kind: 'reset' });
    expectProblem(await inbox(), 503, 'upstream_unavailable', true);
  });

  test('no answer within the timeout: 504 upstream_timeout, retryable', async () => {
    bff.tasklist.fail({ kind: 'hang' });
    const started = Date.now();
    const answer = await inbox();
    expectProblem(answer, 504, 'upstream_timeout', true);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a 500 is a retryable 502 without Tasklist’s text', async () => {
    bff.tasklist.fail({ kind: 'status', status: 500 });
    const answer = await inbox();
    expectProblem(answer, 502, 'upstream_error', true);
    expect(answer.raw).not.toContain('internals');
  });

  test('a 429 keeps its Retry-After', async () => {
    bff.tasklist.fail({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '7' },
    });
    const answer = await inbox();
    expectProblem(answer, 503, 'upstream_rate_limited', true);
    expect(answer.headers['retry-after']).toBe('7');
  });

  test('a 403 (the client lacks permissions) is a configuration problem', async () => {
    bff.tasklist.fail({ kind: 'status', status: 403 });
    expectProblem(await inbox(), 502, 'upstream_forbidden', false);
  });

  test('a failure in the middle of a mutation is a problem, not a half answer', async () => {
    bff.tasklist.fail({ kind: 'hang' });
    const answer = await bff.gql(bob, 'CompleteTaskMutation', {
      taskId: '1',
      variables: [],
    });
    answers.push(answer);
    expectProblem(answer, 504, 'upstream_timeout', true);
    expect(bff.tasklist.callsOf('completeTask')).toEqual([]);
  });
});

describe('metrics', () => {
  test('requests by operation and result, upstream durations by call', async () => {
    await inbox();
    bff.tasklist.fail({ kind: 'status', status: 500 });
    await inbox();
    await bff.post(bob, { query: '{ x }' });
    const text = (await managementOf(bff.app).inject({ url: '/metrics' })).body;
    expect(text).toMatch(
      /bff_graphql_requests_total\{operation="TaskInboxRouteQuery",result="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /bff_graphql_requests_total\{operation="TaskInboxRouteQuery",result="upstream_error"\} [1-9]/,
    );
    expect(text).toMatch(
      /bff_graphql_requests_total\{operation="unknown",result="untrusted_document"\} [1-9]/,
    );
    expect(text).toMatch(
      /bff_graphql_upstream_duration_seconds_count\{call="tasks",result="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /bff_graphql_upstream_duration_seconds_count\{call="tasks",result="server_error"\} [1-9]/,
    );
  });
});
