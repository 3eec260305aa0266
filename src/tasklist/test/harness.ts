import type { FastifyInstance } from 'fastify';
import type { JWTPayload } from 'jose';
import { buildTasklistApp } from '../app';
import { createTokenVerifier } from '../auth/token-verifier';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_PREVIEW_LIMIT } from '../config';
import { seedWorld } from '../seed/seed-world';
import { type Clock, TasklistStore } from '../store/tasklist-store';
import {
  loadOpenApiConformance,
  type OpenApiConformance,
} from './openapi-conformance';
import { startTokenFixture, type TokenFixture } from './token-fixture';

/** The fixed clock the seeded test world is built with. */
export const SEED_NOW = Date.parse('2024-05-10T08:00:00.000Z');

export const CLAIMS = {
  userIdClaim: 'preferred_username',
  groupsClaim: 'groups',
  readScope: 'tasklist:read',
  writeScope: 'tasklist:write',
};

export interface GraphqlReply<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, unknown>;
  body: { data?: T | null; errors?: { message: string; path?: unknown }[] };
  raw: string;
}

export interface V2Reply<T = unknown> {
  status: number;
  headers: Record<string, unknown>;
  /** The parsed JSON body; undefined for an empty one. */
  body: T;
  raw: string;
}

export interface V2RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (with `headers` saying what it is). */
  rawBody?: string;
  /** The default is an API caller with READ and WRITE; null sends none. */
  token?: string | null;
  headers?: Record<string, string>;
}

let conformance: OpenApiConformance | undefined | null = null;

/**
 * Camunda's OpenAPI document, loaded once per test file. Every v2 response a
 * test receives is checked against it, so no v2 test can pass with a body
 * that breaks the contract.
 */
export function v2Conformance(): OpenApiConformance | undefined {
  if (conformance === null) conformance = loadOpenApiConformance();
  return conformance;
}

type V2Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

export interface Harness {
  app: FastifyInstance;
  store: TasklistStore;
  tokens: TokenFixture;
  /** Logs the app wrote, one JSON line each. */
  logs: string[];
  /** POSTs a GraphQL request; the default token is an API caller with READ and WRITE. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlReply<T>>;
  /**
   * Calls the REST API (`/v2/...`) and checks the response against Camunda's
   * OpenAPI document (when the reference folder is there), failing the test
   * on any deviation.
   */
  v2<T = unknown>(
    method: V2Method,
    url: string,
    options?: V2RequestOptions,
  ): Promise<V2Reply<T>>;
  userToken(
    userId: string,
    scope?: string,
    extra?: JWTPayload,
  ): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Seed the demo world (default true). */
  seed?: boolean;
  corsOrigins?: string[];
  clock?: Clock;
  dbFile?: string;
  previewLimit?: number;
  rateLimitPerMinute?: number;
}

/**
 * The real app on an in-memory (or given) database, with a local token
 * issuer. Requests go through `inject()`, the whole HTTP stack but no socket.
 */
export async function createHarness(
  options: HarnessOptions = {},
): Promise<Harness> {
  const tokens = await startTokenFixture();
  const store = TasklistStore.open(
    options.dbFile ?? ':memory:',
    options.clock ?? (() => SEED_NOW),
  );
  if ((options.seed ?? true) && store.isEmpty())
    await seedWorld(store, SEED_NOW);
  const logs: string[] = [];
  const app = await buildTasklistApp(
    {
      store,
      verifyToken: createTokenVerifier({
        issuer: tokens.issuer,
        audience: tokens.audience,
        clockToleranceSeconds: 30,
        retryAfterMs: 0,
      }),
      claims: CLAIMS,
      corsOrigins: options.corsOrigins ?? [],
      previewLimit: options.previewLimit ?? DEFAULT_PREVIEW_LIMIT,
      bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
      // Suites send hundreds of requests as one caller; the limit has its own tests.
      rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    },
    {
      logger: {
        level: 'info',
        redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
        stream: { write: (line: string) => logs.push(line) },
      },
    },
  );
  // Incidents go to the app's log, as the server wires it.
  store.setLog(app.log);
  const defaultToken = await tokens.apiToken();
  return {
    app,
    store,
    tokens,
    logs,
    async gql(query, variables, token = defaultToken) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        payload: JSON.stringify({ query, variables }),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.json(),
        raw: response.body,
      };
    },
    async v2<T>(
      method: V2Method,
      url: string,
      options: V2RequestOptions = {},
    ): Promise<V2Reply<T>> {
      const token = options.token === undefined ? defaultToken : options.token;
      const json = options.body !== undefined;
      const payload = json ? JSON.stringify(options.body) : options.rawBody;
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...options.headers,
        },
        ...(payload === undefined ? {} : { payload }),
      });
      const contentType = response.headers['content-type'];
      const problems =
        v2Conformance()?.check({
          method,
          url,
          status: response.statusCode,
          contentType:
            typeof contentType === 'string' ? contentType : undefined,
          body: response.body,
        }) ?? [];
      if (problems.length > 0) {
        throw new Error(
          `The response breaks Camunda's OpenAPI document:\n${problems.join('\n')}`,
        );
      }
      return {
        status: response.statusCode,
        headers: response.headers,
        body: (response.body === '' ? undefined : response.json()) as T,
        raw: response.body,
      };
    },
    userToken: (userId, scope, extra) => tokens.userToken(userId, scope, extra),
    async close() {
      await app.close();
      store.close();
      await tokens.close();
    },
  };
}
