import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { UpstreamFailure } from './upstream-errors';
import { UpstreamHttp } from './upstream-http';

// The bound on an upstream answer's size (a page of tasks with long
// variables fits; anything bigger is not a Tasklist answer), with and
// without a Content-Length, and an answer just within it read whole.

const LIMIT = 1000;
let answer: (res: ServerResponse) => void = (res) => res.end('{}');
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    answer(res);
  });
});
await new Promise<void>((resolve) => {
  server.listen(0, '127.0.0.1', resolve);
});
const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
const http = new UpstreamHttp({
  url,
  timeoutMs: 2000,
  connections: 2,
  tokens: null,
  maxResponseBytes: LIMIT,
});
afterAll(async () => {
  await http.close();
  await new Promise((resolve) => server.close(resolve));
});

const send = () => http.send('tasks', { method: 'POST', path: '/', body: {} });

async function failureOf(promise: Promise<unknown>): Promise<UpstreamFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UpstreamFailure)) {
    throw new Error(`expected an UpstreamFailure, got ${String(error)}`);
  }
  return error;
}

describe('UpstreamHttp response size bound', () => {
  test('an answer within the bound is read whole, multi-byte text intact', async () => {
    const text = `"${'é'.repeat((LIMIT - 2) / 2)}"`;
    expect(Buffer.byteLength(text)).toBe(LIMIT);
    answer = (res) => {
      res.setHeader('content-type', 'application/json');
      // Several chunks, split inside a two-byte character.
      const bytes = Buffer.from(text);
      res.write(bytes.subarray(0, 3));
      res.write(bytes.subarray(3, 500));
      res.end(bytes.subarray(500));
    };
    const response = await send();
    expect(response).toMatchObject({
      status: 200,
      contentType: 'application/json',
      text,
    });
  });

  test('a larger answer with a Content-Length is refused as a bad response', async () => {
    answer = (res) => {
      res.setHeader('content-length', String(LIMIT + 1));
      res.end('x'.repeat(LIMIT + 1));
    };
    const failure = await failureOf(send());
    expect(failure.kind).toBe('bad_response');
    expect(failure.reason).toBe('tasks: response larger than allowed');
  });

  test('a larger answer sent in chunks without a length is refused too', async () => {
    answer = (res) => {
      res.write('x'.repeat(LIMIT));
      res.end('x');
    };
    const failure = await failureOf(send());
    expect(failure.kind).toBe('bad_response');
    expect(failure.reason).toBe('tasks: response larger than allowed');
  });

  test('the connection pool keeps working after a refused answer', async () => {
    answer = (res) => res.end('{"ok":true}');
    expect((await send()).text).toBe('{"ok":true}');
  });
});
