import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';

/**
 * H56: Tasklist answers every GraphQL error with HTTP 200 and an `errors`
 * array, whatever the client accepts; only a refused token (401) and an
 * oversized body (413) differ. One request per kind of error, each sent with
 * the Accept headers real clients use.
 */
let h: Harness;
let token: string;

beforeAll(async () => {
  h = await createHarness();
  token = await h.tokens.apiToken();
});

afterAll(async () => {
  await h.close();
});

const ACCEPTS = [
  undefined,
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  '*/*',
];

async function post(
  body: Record<string, unknown>,
  accept: string | undefined,
  auth: string | null = token,
) {
  const reply = await h.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(accept === undefined ? {} : { accept }),
      ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
    },
    payload: JSON.stringify(body),
  });
  return {
    status: reply.statusCode,
    body: reply.json<{ data?: unknown; errors?: { message: string }[] }>(),
  };
}

const KINDS: [string, Record<string, unknown>, RegExp][] = [
  ['a syntax error', { query: '{ tasks(query: {}) { id ' }, /^Syntax Error/],
  [
    'a validation error',
    { query: '{ tasks(query: {}) { nope } }' },
    /^Cannot query field "nope" on type "Task"/,
  ],
  [
    'a variable-coercion error (a boolean where VariableInput.value is a String)',
    {
      query:
        'mutation Complete($v: [VariableInput!]!) { completeTask(taskId: "1", variables: $v) { id } }',
      variables: { v: [{ name: 'approved', value: true }] },
    },
    /^Variable "\$v" got invalid value true at "v\[0\]\.value"; String cannot represent a non string value: true/,
  ],
  [
    'a missing required variable',
    { query: 'query Task($id: String!) { task(id: $id) { id } }' },
    /^Variable "\$id" of required type "String!" was not provided/,
  ],
  [
    'a resolver error',
    { query: '{ task(id: "1") { id } }' },
    /^Task with id 1 was not found$/,
  ],
  [
    'a query limit (H52)',
    { query: '{ tasks(query: { pageSize: 5000 }) { id } }' },
    /^Page size must be at most 1000; got 5000$/,
  ],
  [
    'a document limit (H53)',
    {
      query: `{ ${Array.from({ length: 20 }, (_, i) => `t${String(i)}: currentUser { userId }`).join(' ')} }`,
    },
    /aliases/i,
  ],
];

describe('every GraphQL error is HTTP 200 with errors (H56)', () => {
  for (const [kind, body, message] of KINDS) {
    it(`${kind}, for every Accept header`, async () => {
      for (const accept of ACCEPTS) {
        const reply = await post(body, accept);
        expect(reply.status, `Accept: ${String(accept)}`).toBe(200);
        expect(reply.body.errors?.[0]?.message).toMatch(message);
      }
    });
  }

  it('only a refused token (401) and an oversized body (413) differ', async () => {
    for (const accept of ACCEPTS) {
      const anonymous = await post(
        { query: '{ currentUser { userId } }' },
        accept,
        null,
      );
      expect(anonymous.status).toBe(401);
      const huge = await post(
        {
          query: '{ currentUser { userId } }',
          variables: { pad: 'x'.repeat(1024 * 1024) },
        },
        accept,
      );
      expect(huge.status).toBe(413);
    }
  });
});
