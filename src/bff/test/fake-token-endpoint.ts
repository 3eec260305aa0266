import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the stub does for one request; the default is a fresh token. */
export type StubReply =
  | { kind: 'token'; token?: string; expiresIn?: number; delayMs?: number }
  | {
      kind: 'status';
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
    }
  | { kind: 'hang' }
  | { kind: 'reset' };

export interface RecordedCall {
  contentType: string | undefined;
  body: string;
}

export interface FakeTokenEndpoint {
  url: string;
  calls: RecordedCall[];
  /** Replies used in order for the next requests; afterwards `fallback`. */
  script: (...replies: StubReply[]) => void;
  setFallback: (reply: StubReply) => void;
  /** Forgets the calls and the script, and answers with tokens again. */
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A client-credentials token endpoint on an ephemeral loopback port that
 * counts calls and can answer with a token (optionally after a delay), any
 * status, a hang or a connection reset.
 */
export async function startFakeTokenEndpoint(): Promise<FakeTokenEndpoint> {
  const calls: RecordedCall[] = [];
  const queue: StubReply[] = [];
  let fallback: StubReply = { kind: 'token' };
  const sockets = new Set<Socket>();
  // Numbered across resets, so a token fetched after a reset never repeats an older one.
  let issued = 0;

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    calls.push({ contentType: req.headers['content-type'], body });
    const reply = queue.shift() ?? fallback;
    switch (reply.kind) {
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'status':
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          ...reply.headers,
        });
        res.end(JSON.stringify(reply.body ?? {}));
        return;
      case 'token':
        if (reply.delayMs)
          await new Promise((r) => setTimeout(r, reply.delayMs));
        res.writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
        });
        res.end(
          JSON.stringify({
            access_token: reply.token ?? `upstream-token-${String(++issued)}`,
            token_type: 'Bearer',
            expires_in: reply.expiresIn ?? 300,
          }),
        );
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/oauth/token`,
    calls,
    script: (...replies) => queue.push(...replies),
    setFallback: (reply) => {
      fallback = reply;
    },
    reset: () => {
      calls.length = 0;
      queue.length = 0;
      fallback = { kind: 'token' };
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
