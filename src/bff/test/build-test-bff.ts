import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../app';
import { loadConfig, type BffConfig } from '../config';
import type { FakeIdp } from './fake-idp';
import type { FakeTokenEndpoint } from './fake-token-endpoint';

/** The origin test requests come from; listed in APP_ORIGINS. */
export const APP_ORIGIN = 'http://127.0.0.1:3000';

/** A fresh random secret per run: the canary every leak test greps for. */
export const CANARY_SECRET = `canary-${randomBytes(24).toString('hex')}`;

export interface TestBff {
  app: FastifyInstance;
  config: BffConfig;
}

/** The environment of a BFF wired to the given fakes. */
export function testEnv(
  idp: FakeIdp,
  upstream: FakeTokenEndpoint,
  overrides: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    APP_ORIGINS: `${APP_ORIGIN},http://localhost:3000`,
    OIDC_ISSUER: idp.issuer,
    OAUTH_TOKEN_URL: upstream.url,
    OAUTH_CLIENT_SECRET: CANARY_SECRET,
    TASKLIST_GRAPHQL_URL: 'http://127.0.0.1:8080/graphql',
    BFF_RATE_LIMIT_PER_USER: '1000',
    BFF_RATE_LIMIT_PER_IP: '10000',
    ...overrides,
  };
}

/**
 * Builds a BFF against the fakes, with no-op sleeps unless the test wants
 * real ones, and ready for `app.inject`. The caller closes `app`.
 */
export async function buildTestBff(
  idp: FakeIdp,
  upstream: FakeTokenEndpoint,
  overrides: NodeJS.ProcessEnv = {},
  options: BuildOptions & { logger?: FastifyBaseLogger } = {},
): Promise<TestBff> {
  const { config } = loadConfig(testEnv(idp, upstream, overrides));
  const app = await buildApp(config, {
    ...options,
    deps: { sleep: () => Promise.resolve(), ...options.deps },
  });
  await app.ready();
  return { app, config };
}

/** Headers of a well-formed token request from the app. */
export function tokenHeaders(
  userToken: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    origin: APP_ORIGIN,
    'sec-fetch-site': 'same-origin',
    'x-requested-with': 'tasklist-inbox',
    authorization: `Bearer ${userToken}`,
    ...extra,
  };
}
