/**
 * Runs the identity provider in process on an ephemeral port with a temp
 * data directory, exactly as server.ts wires it, for integration tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createIdentityApp, type IdentityApp } from '../app';
import { loadConfig, type IdentityConfig } from '../config';
import { loadOrCreateKeys } from '../keys';
import { loadUsers } from '../users';

export interface TestIdentity {
  issuer: string;
  port: number;
  dataDir: string;
  config: IdentityConfig;
  app: IdentityApp;
  /** Every log line written so far, as JSON text. */
  logs: string[];
  url(pathname: string): string;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Reuse a data directory (kept on close); default: a fresh temp dir. */
  dataDir?: string;
  /** Listen on this port (to restart on the same issuer); default: any. */
  port?: number;
  /** The sign-in throttle's clock, so tests can let a delay pass at once. */
  now?: () => number;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a provider; call `close()` in `afterAll`/`afterEach`. */
export async function startIdentity(
  options: StartOptions = {},
): Promise<TestIdentity> {
  const ownDir = options.dataDir === undefined;
  const dataDir =
    options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'identity-test-'));
  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const issuer = `http://127.0.0.1:${String(port)}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    IDENTITY_PORT: String(port),
    OIDC_ISSUER: issuer,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs: string[] = [];
  const logger = pino(
    { level: config.logLevel },
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs.push(chunk.toString('utf8'));
        callback();
      },
    }),
  );
  const { keys } = await loadOrCreateKeys(config.keysFile);
  const app = createIdentityApp({
    config,
    keys,
    users: loadUsers(config.usersFile),
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  server.on('request', app.handle);

  return {
    issuer,
    port,
    dataDir,
    config,
    app,
    logs,
    url: (pathname) => new URL(pathname, issuer).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          if (ownDir) rmSync(dataDir, { recursive: true, force: true });
          // Let fetch's connection pool see its sockets close, so a provider
          // restarted on the same port is not hit through a dead connection.
          setTimeout(resolve, 50);
        });
        server.closeAllConnections();
      }),
  };
}
