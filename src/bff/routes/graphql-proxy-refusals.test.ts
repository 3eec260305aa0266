import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BFF_TOKEN_TYP } from '../proxy/bff-token';
import { documentHash } from '../proxy/trusted-documents';
import {
  SPA_OPERATIONS,
  startProxyHarness,
  type GraphqlAnswer,
  type ProxyBff,
} from '../test/proxy-harness';
import { aFakeTask } from '../test/fake-tasklist';

const { start } = await startProxyHarness();

// security.md 11.2 G41-G43 and G49, plus the trusted-document refusals of
// issue 9: each refusal has its status and code, and the counting fake
// Tasklist proves that nothing reached the upstream.

let bff: ProxyBff;
let aliceToken: string;

beforeAll(async () => {
  bff = await start({
    tasks: [aFakeTask({ id: '1' })],
    env: { BFF_GRAPHQL_RATE_LIMIT_PER_USER: '30' },
  });
  aliceToken = await bff.bffToken('alice');
});
afterEach(() => {
  bff.tasklist.calls.length = 0;
});

const INBOX = {
  operationName: 'TaskInboxRouteQuery',
  variables: { query: { pageSize: 10 } },
};

function persisted(name: string) {
  return {
    ...INBOX,
    operationName: name,
    extensions: {
      persistedQuery: { version: 1, sha256Hash: bff.hashOf(name) },
    },
  };
}

function expectRefusal(answer: GraphqlAnswer, status: number, code: string) {
  expect(answer.status, answer.raw).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code });
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(bff.tasklist.calls).toEqual([]);
}

describe('check 1: method, Origin and the custom header (G42)', () => {
  test('GET, PUT and DELETE are 405 with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const response = await bff.app.inject({ method, url: '/graphql' });
      expect(response.statusCode, method).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.json()).toMatchObject({ code: 'method_not_allowed' });
    }
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('a query string is refused (H68), before anything else is read', async () => {
    const response = await bff.app.inject({
      method: 'POST',
      url: '/graphql?query=%7B__typename%7D',
      headers: {
        origin: 'http://127.0.0.1:3000',
        'x-requested-with': 'tasklist-inbox',
        authorization: `Bearer ${aliceToken}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify(persisted('TaskInboxRouteQuery')),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'query_not_allowed' });
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('graphql proxy rejects a foreign Origin, even with a valid token', async () => {
    const answer = await bff.post(
      aliceToken,
      persisted('TaskInboxRouteQuery'),
      {
        origin: 'https://evil.example',
      },
    );
    expectRefusal(answer, 403, 'origin_not_allowed');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('graphql proxy rejects a cross-site fetch', async () => {
    const answer = await bff.post(
      aliceToken,
      persisted('TaskInboxRouteQuery'),
      {
        'sec-fetch-site': 'cross-site',
      },
    );
    expectRefusal(answer, 403, 'origin_not_allowed');
  });

  test('graphql proxy rejects a request without X-Requested-With, or with another value', async () => {
    for (const value of ['', 'XMLHttpRequest']) {
      const answer = await bff.post(
        aliceToken,
        persisted('TaskInboxRouteQuery'),
        { 'x-requested-with': value },
      );
      expectRefusal(answer, 403, 'csrf_header_missing');
    }
  });

  test('a preflight from the app origin gets exact CORS; others get none', async () => {
    const ok = await bff.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: 'http://127.0.0.1:3000',
        'access-control-request-method': 'POST',
      },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(
      'http://127.0.0.1:3000',
    );
    expect(ok.headers.vary).toBe('Origin');
    const foreign = await bff.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      },
    });
    expect(foreign.statusCode).toBe(405);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('check 2: the BFF token (G41)', () => {
  test('no Authorization header is a 401 with WWW-Authenticate: Bearer', async () => {
    const answer = await bff.post(null, persisted('TaskInboxRouteQuery'));
    expectRefusal(answer, 401, 'invalid_token');
    expect(answer.headers['www-authenticate']).toBe('Bearer');
  });

  test("the user's own IdP access token is refused", async () => {
    const answer = await bff.post(
      await bff.userToken('alice'),
      persisted('TaskInboxRouteQuery'),
    );
    expectRefusal(answer, 401, 'invalid_token');
    expect(answer.headers['www-authenticate']).toBe(
      'Bearer error="invalid_token"',
    );
  });

  test('the Tasklist (machine) token is refused', async () => {
    const answer = await bff.post(
      'upstream-token-1',
      persisted('TaskInboxRouteQuery'),
    );
    expectRefusal(answer, 401, 'invalid_token');
  });

  test('a token signed with another Ed25519 key is refused', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({
      preferred_username: 'alice',
      groups: [],
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: BFF_TOKEN_TYP })
      .setIssuer(bff.config.proxy.tokenIssuer)
      .setAudience(`${bff.config.proxy.tokenIssuer}/graphql`)
      .setSubject('sub-alice')
      .setIssuedAt()
      .setJti('x')
      .setExpirationTime('5m')
      .sign(privateKey);
    expectRefusal(
      await bff.post(forged, persisted('TaskInboxRouteQuery')),
      401,
      'invalid_token',
    );
  });

  test('alg: none is refused', async () => {
    const unsigned = new UnsecuredJWT({ preferred_username: 'alice' })
      .setIssuer(bff.config.proxy.tokenIssuer)
      .setAudience(`${bff.config.proxy.tokenIssuer}/graphql`)
      .setSubject('sub-alice')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    expectRefusal(
      await bff.post(unsigned, persisted('TaskInboxRouteQuery')),
      401,
      'invalid_token',
    );
  });

  test('a malformed bearer value and a Basic header are refused', async () => {
    expectRefusal(
      await bff.post('not.a.jwt!', persisted('TaskInboxRouteQuery')),
      401,
      'invalid_token',
    );
    expectRefusal(
      await bff.post(null, persisted('TaskInboxRouteQuery'), {
        authorization: 'Basic YWxpY2U6eA==',
      }),
      401,
      'invalid_token',
    );
  });
});

describe('check 4: trusted documents only (G43)', () => {
  test('a raw document is refused, even the text of a trusted one', async () => {
    const inbox = SPA_OPERATIONS.find(
      (op) => op.name === 'TaskInboxRouteQuery',
    );
    const answer = await bff.post(aliceToken, { ...INBOX, query: inbox?.text });
    expectRefusal(answer, 403, 'untrusted_document');
  });

  test('a raw document with a hash is refused too', async () => {
    const answer = await bff.post(aliceToken, {
      ...persisted('TaskInboxRouteQuery'),
      query: 'query TaskInboxRouteQuery { __typename }',
    });
    expectRefusal(answer, 403, 'untrusted_document');
  });

  test('an unknown hash is refused', async () => {
    const answer = await bff.post(aliceToken, {
      ...INBOX,
      extensions: {
        persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) },
      },
    });
    expectRefusal(answer, 403, 'unknown_document');
  });

  test('a document with an extra root field, sent by its hash, is unknown', async () => {
    const text =
      'query TaskInboxRouteQuery($query: TaskQuery!) { tasks(query: $query) { id } variable(id: "1-secret") { value } }';
    const answer = await bff.post(aliceToken, {
      ...INBOX,
      extensions: {
        persistedQuery: { version: 1, sha256Hash: documentHash(text) },
      },
    });
    expectRefusal(answer, 403, 'unknown_document');
  });

  test('alias tricks are refused: an allowed name over a claim for someone else', async () => {
    const text =
      'mutation ClaimTaskMutation($taskId: String!) { claimTask: claimTask(taskId: $taskId, assignee: "bob", allowOverrideAssignment: true) { id } }';
    for (const body of [
      {
        operationName: 'ClaimTaskMutation',
        variables: { taskId: '1' },
        query: text,
      },
      {
        operationName: 'ClaimTaskMutation',
        variables: { taskId: '1' },
        extensions: {
          persistedQuery: { version: 1, sha256Hash: documentHash(text) },
        },
      },
    ]) {
      const answer = await bff.post(aliceToken, body);
      expect(answer.status).toBe(403);
      expect(['untrusted_document', 'unknown_document']).toContain(
        answer.body.code,
      );
    }
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('introspection is refused with its own code', async () => {
    const answer = await bff.post(aliceToken, {
      query: '{ __schema { types { name } } }',
    });
    expectRefusal(answer, 403, 'introspection_refused');
    const typeQuery = await bff.post(aliceToken, {
      query: 'query Q { __type(name: "Task") { fields { name } } }',
    });
    expectRefusal(typeQuery, 403, 'introspection_refused');
  });

  test('several operations in one document are refused', async () => {
    const answer = await bff.post(aliceToken, {
      operationName: 'A',
      query:
        'query A { tasks(query: {}) { id } } mutation B { deleteProcessInstance(processInstanceId: "1") }',
    });
    expectRefusal(answer, 403, 'multiple_operations_refused');
  });

  test('a batch is refused', async () => {
    const answer = await bff.post(aliceToken, [
      persisted('TaskInboxRouteQuery'),
      persisted('TaskInboxRouteQuery'),
    ]);
    expectRefusal(answer, 403, 'batch_refused');
  });

  test('deleteProcessInstance is refused under any operation name', async () => {
    for (const name of [
      'TaskInboxRouteQuery',
      'CompleteTaskMutation',
      'Anything',
    ]) {
      const text = `mutation ${name} { deleteProcessInstance(processInstanceId: "2251799813685251") }`;
      for (const body of [
        { operationName: name, query: text },
        {
          operationName: name,
          extensions: {
            persistedQuery: { version: 1, sha256Hash: documentHash(text) },
          },
        },
      ]) {
        const answer = await bff.post(aliceToken, body);
        expect(answer.status, name).toBe(403);
      }
    }
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('a malformed body is a 400 that names the problem', async () => {
    for (const body of [
      '"just a string"',
      { operationName: 'X' },
      {
        extensions: {
          persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) },
        },
      },
      { ...persisted('TaskInboxRouteQuery'), variables: [1, 2] },
    ]) {
      expectRefusal(
        await bff.post(aliceToken, body),
        400,
        'invalid_graphql_request',
      );
    }
    const broken = await bff.post(aliceToken, '{"operationName":');
    expect(broken.status).toBe(400);
    expect(bff.tasklist.calls).toEqual([]);
  });

  test('an operationName that does not match the hash is refused', async () => {
    const answer = await bff.post(aliceToken, {
      ...persisted('TaskInboxRouteQuery'),
      operationName: 'ClaimTaskMutation',
    });
    expectRefusal(answer, 400, 'invalid_graphql_request');
  });
});

describe('check 3: per-user rate limit (G49)', () => {
  test('the request over the limit is a 429 with Retry-After; other users are unaffected', async () => {
    const bobToken = await bff.bffToken('bob');
    // Raw documents are refused after the rate limit, so they count but never reach Tasklist.
    const body = { query: '{ tasks(query: {}) { id } }' };
    let last = await bff.post(bobToken, body);
    for (let i = 1; i < 30; i++) last = await bff.post(bobToken, body);
    expect(last.status).toBe(403);
    const over = await bff.post(bobToken, persisted('TaskInboxRouteQuery'));
    expectRefusal(over, 429, 'rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    const carol = await bff.post(
      await bff.bffToken('carol'),
      persisted('TaskInboxRouteQuery'),
    );
    expect(carol.status).toBe(200);
  });
});

describe('the order of the checks', () => {
  test('Origin comes before the token, the token before the document', async () => {
    const foreignAndNoToken = await bff.post(
      null,
      { query: '{ x }' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreignAndNoToken.body.code).toBe('origin_not_allowed');
    const noTokenAndRaw = await bff.post(null, { query: '{ x }' });
    expect(noTokenAndRaw.body.code).toBe('invalid_token');
    expect(bff.tasklist.calls).toEqual([]);
  });
});
