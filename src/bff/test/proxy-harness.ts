import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import type { BffConfig } from '../config';
import { DEFAULT_TRUSTED_DOCUMENTS_FILE } from '../proxy-config';
import { documentHash } from '../proxy/trusted-documents';
import type { ScanLimits } from '../proxy/visible-tasks';
import { APP_ORIGIN, startBffHarness, tokenHeaders } from './bff-harness';
import type { FakeIdp } from './fake-idp';
import {
  startFakeTasklist,
  type FakeTask,
  type FakeTasklist,
} from './fake-tasklist';
import type { FakeTokenEndpoint } from './fake-token-endpoint';

/** The demo people and their groups, as the embedded identity provider has them. */
export const GROUPS: Record<string, string[]> = {
  demo: ['accounting', 'management'],
  alice: ['accounting'],
  bob: ['sales'],
  carol: ['hr'],
};

interface ManifestEntry {
  name: string;
  type: string;
  sha256: string;
  text: string;
}

/** The SPA's real operations manifest, as codegen wrote it. */
export const SPA_OPERATIONS = (
  JSON.parse(readFileSync(DEFAULT_TRUSTED_DOCUMENTS_FILE, 'utf8')) as {
    operations: ManifestEntry[];
  }
).operations;

/**
 * Documents the SPA does not ship (yet) but the proxy's rules cover, so the
 * tests can reach `startProcess`, `processes` and `currentUser` through a
 * trusted document like any other.
 */
export const EXTRA_TEST_DOCUMENTS: Record<string, string> = {
  StartProcessTestMutation:
    'mutation StartProcessTestMutation($id: String!) {\n  startProcess(processDefinitionId: $id) {\n    id\n  }\n}',
  ProcessesTestQuery:
    'query ProcessesTestQuery {\n  processes {\n    id\n    name\n  }\n}',
  CurrentUserTestQuery:
    'query CurrentUserTestQuery {\n  currentUser {\n    userId\n    permissions\n  }\n}',
  TaskWithVariablesTestQuery:
    'query TaskWithVariablesTestQuery($id: String!) {\n  task(id: $id) {\n    id\n    variables {\n      id\n      name\n      value\n    }\n  }\n}',
};

export interface GraphqlAnswer {
  status: number;
  headers: Record<string, unknown>;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown }[];
    code?: string;
    retryable?: boolean;
  };
  raw: string;
}

export interface ProxyBff {
  app: FastifyInstance;
  config: BffConfig;
  /** This BFF's own counting fake Tasklist. */
  tasklist: FakeTasklist;
  /** The hash of an operation by name (the SPA's or an extra test one). */
  hashOf: (operationName: string) => string;
  /** A user access token from the fake identity provider. */
  userToken: (username: string, groups?: string[]) => Promise<string>;
  /** A BFF token for the user, from `POST /api/token`. */
  bffToken: (username: string, groups?: string[]) => Promise<string>;
  /** Sends a trusted document by name, as the SPA does. */
  gql: (
    token: string,
    operationName: string,
    variables?: Record<string, unknown>,
  ) => Promise<GraphqlAnswer>;
  /** Sends any body with the app's headers (override them with `headers`). */
  post: (
    token: string | null,
    body: unknown,
    headers?: Record<string, string>,
  ) => Promise<GraphqlAnswer>;
}

export interface ProxyBffOptions {
  tasks?: FakeTask[];
  env?: NodeJS.ProcessEnv;
  scanLimits?: ScanLimits;
  logger?: FastifyBaseLogger;
}

export interface ProxyHarness {
  idp: FakeIdp;
  /** The fake client-credentials endpoint every BFF of the file shares. */
  tokenEndpoint: FakeTokenEndpoint;
  /**
   * A proxy-mode BFF with a fresh fake Tasklist holding `tasks`. Its life
   * follows `startBffHarness`: closed after the test, or after the file
   * when started in `beforeAll`.
   */
  start: (options?: ProxyBffOptions) => Promise<ProxyBff>;
}

/**
 * Proxy-mode BFF tests in one call, built on `startBffHarness`: every BFF
 * runs in proxy mode against its own counting fake Tasklist, with the SPA's
 * trusted documents plus `EXTRA_TEST_DOCUMENTS`. Requests go through
 * `inject()`.
 */
export async function startProxyHarness(): Promise<ProxyHarness> {
  const harness = await startBffHarness({
    env: { BFF_MODE: 'proxy', BFF_UPSTREAM_TIMEOUT_MS: '1500' },
  });
  const { idp } = harness;
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-proxy-'));
  const manifestFile = path.join(dir, 'operations.json');
  const operations = [
    ...SPA_OPERATIONS,
    ...Object.entries(EXTRA_TEST_DOCUMENTS).map(([name, text]) => ({
      name,
      type: text.split(' ')[0] ?? 'query',
      sha256: documentHash(text),
      text,
    })),
  ];
  writeFileSync(manifestFile, JSON.stringify({ operations }));
  const hashes = new Map(operations.map((op) => [op.name, op.sha256]));
  const tasklists: FakeTasklist[] = [];
  afterAll(async () => {
    await Promise.all(tasklists.map((tasklist) => tasklist.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const hashOf = (operationName: string) => {
    const hash = hashes.get(operationName);
    if (!hash) throw new Error(`no trusted document ${operationName}`);
    return hash;
  };
  // An hour of life, so the BFF token's own lifetime (not the user token's)
  // decides its expiry unless a test says otherwise.
  const userToken = (username: string, groups = GROUPS[username] ?? []) =>
    idp.mint(
      { sub: `sub-${username}`, preferred_username: username, groups },
      { expiresInS: 3600 },
    );

  async function start(options: ProxyBffOptions = {}): Promise<ProxyBff> {
    const tasklist = await startFakeTasklist(options.tasks);
    tasklists.push(tasklist);
    const { app, config } = await harness.build(
      {
        TASKLIST_GRAPHQL_URL: tasklist.url,
        BFF_TRUSTED_DOCUMENTS_FILE: manifestFile,
        ...options.env,
      },
      {
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.scanLimits ? { scanLimits: options.scanLimits } : {}),
      },
    );
    const post = async (
      token: string | null,
      body: unknown,
      headers: Record<string, string> = {},
    ): Promise<GraphqlAnswer> => {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          origin: APP_ORIGIN,
          'sec-fetch-site': 'same-origin',
          'x-requested-with': 'tasklist-inbox',
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.body ? response.json<GraphqlAnswer['body']>() : {},
        raw: response.body,
      };
    };
    return {
      app,
      config,
      tasklist,
      hashOf,
      userToken,
      async bffToken(username, groups) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/token',
          headers: tokenHeaders(await userToken(username, groups)),
        });
        if (response.statusCode !== 200) {
          throw new Error(`token for ${username}: ${response.body}`);
        }
        return response.json<{ access_token: string }>().access_token;
      },
      gql: (token, operationName, variables = {}) =>
        post(token, {
          operationName,
          variables,
          extensions: {
            persistedQuery: { version: 1, sha256Hash: hashOf(operationName) },
          },
        }),
      post,
    };
  }

  return { idp, tokenEndpoint: harness.upstream, start };
}
