import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { BffConfig } from '../config';
import { DEFAULT_TRUSTED_DOCUMENTS_FILE } from '../proxy-config';
import { documentHash } from '../proxy/trusted-documents';
import type { ScanLimits } from '../proxy/visible-tasks';
import { APP_ORIGIN, buildTestBff, tokenHeaders } from './build-test-bff';
import { startFakeIdp, type FakeIdp } from './fake-idp';
import {
  startFakeTasklist,
  type FakeTask,
  type FakeTasklist,
} from './fake-tasklist';
import {
  startFakeTokenEndpoint,
  type FakeTokenEndpoint,
} from './fake-token-endpoint';

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
  idp: FakeIdp;
  tokenEndpoint: FakeTokenEndpoint;
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
  close: () => Promise<void>;
}

export interface ProxyBffOptions {
  /** Share one identity provider between instances (its keys are slow to make). */
  idp?: FakeIdp;
  tasks?: FakeTask[];
  env?: NodeJS.ProcessEnv;
  scanLimits?: ScanLimits;
  logger?: FastifyBaseLogger;
}

/**
 * A proxy-mode BFF wired to a fake identity provider, a fake token endpoint
 * and a counting fake Tasklist, with the SPA's trusted documents plus
 * `EXTRA_TEST_DOCUMENTS`. Requests go through `inject()`.
 */
export async function startProxyBff(
  options: ProxyBffOptions = {},
): Promise<ProxyBff> {
  const idp = options.idp ?? (await startFakeIdp());
  const tokenEndpoint = await startFakeTokenEndpoint();
  const tasklist = await startFakeTasklist(options.tasks);
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-proxy-'));
  const closeFakes = async () => {
    await Promise.all([
      options.idp ? undefined : idp.close(),
      tokenEndpoint.close(),
      tasklist.close(),
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
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
  const built = await buildTestBff(
    idp,
    tokenEndpoint,
    {
      BFF_MODE: 'proxy',
      TASKLIST_GRAPHQL_URL: tasklist.url,
      BFF_TRUSTED_DOCUMENTS_FILE: manifestFile,
      BFF_UPSTREAM_TIMEOUT_MS: '1500',
      ...options.env,
    },
    {
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.scanLimits ? { scanLimits: options.scanLimits } : {}),
    },
  ).catch(async (error: unknown) => {
    await closeFakes();
    throw error;
  });
  const { app, config } = built;

  const userToken = (username: string, groups = GROUPS[username] ?? []) =>
    idp.mint({ sub: `sub-${username}`, preferred_username: username, groups });

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

  const hashOf = (operationName: string) => {
    const hash = hashes.get(operationName);
    if (!hash) throw new Error(`no trusted document ${operationName}`);
    return hash;
  };

  return {
    app,
    config,
    idp,
    tokenEndpoint,
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
    async close() {
      await app.close();
      await closeFakes();
    },
  };
}
