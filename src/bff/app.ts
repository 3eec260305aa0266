import { setTimeout as delay } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
} from 'fastify';
import type { BffConfig } from './config';
import { BffMetrics } from './metrics';
import { UserTokenVerifier } from './auth/user-token-verifier';
import {
  TokenCache,
  type TokenCacheDeps,
  type TokenCacheTuning,
} from './token/token-cache';
import { registerErrorHandler } from './plugins/error-handler';
import { registerNotFound } from './plugins/not-found';
import { registerRequestLog } from './plugins/request-log';
import { registerSecurityHeaders } from './plugins/security-headers';
import { spaPlugin } from './plugins/spa';
import { configRoutes } from './routes/config';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { tokenRoutes } from './routes/token';

export interface AppOptions {
  config: BffConfig;
  /** Folder holding the built SPA; omitted in dev, where Vite serves it. */
  distDir?: string | undefined;
  /** Clock, fetch, sleep and randomness; tests replace them for determinism. */
  deps?: Partial<TokenCacheDeps>;
  tuning?: Partial<TokenCacheTuning>;
  /** Fetch the IdP's discovery document at start-up rather than on first use. */
  warmUp?: boolean;
}

/** The BFF as a plugin: everything but listening, so tests can inject. */
export async function app(
  fastify: FastifyInstance,
  opts: AppOptions,
): Promise<void> {
  const { config } = opts;
  const deps: TokenCacheDeps = {
    fetch: globalThis.fetch,
    now: Date.now,
    sleep: (ms) => delay(ms),
    random: Math.random,
    ...opts.deps,
  };
  const metrics = new BffMetrics();
  const cache = new TokenCache({
    client: config.oauth,
    deps,
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
    observer: {
      attempt: (result, seconds) => {
        metrics.upstreamRequests.inc({ result });
        metrics.upstreamDuration.observe(seconds);
      },
      staleServed: (error) => {
        fastify.log.warn(
          { reason: error.reason },
          'token refresh failed; serving the cached token while it is valid',
        );
      },
      fetchFailed: (error) => {
        fastify.log.warn({ reason: error.reason }, 'token fetch failed');
      },
    },
  });
  const verifier = new UserTokenVerifier({
    issuer: config.oidc.issuer,
    ...config.userToken,
    now: deps.now,
  });
  if (opts.warmUp) {
    fastify.addHook('onReady', async () => {
      if (!(await verifier.warmUp())) {
        fastify.log.warn(
          { issuer: config.oidc.issuer },
          'identity provider discovery failed; retrying on first use',
        );
      }
    });
  }

  // External plugins first, then ours, then routes (fastify/demo order).
  await fastify.register(rateLimit, { global: false });
  registerRequestLog(fastify);
  registerSecurityHeaders(fastify, config);
  registerErrorHandler(fastify);
  await fastify.register(healthRoutes, { cache });
  await fastify.register(metricsRoutes, { metrics });
  await fastify.register(configRoutes, { config });
  await fastify.register(tokenRoutes, { config, cache, verifier, metrics });
  if (opts.distDir)
    await fastify.register(spaPlugin, { distDir: opts.distDir });
  registerNotFound(fastify, {
    spa: Boolean(opts.distDir),
    perIpPerMinute: config.rateLimit.perIp,
  });
}

export interface BuildOptions extends Omit<AppOptions, 'config'> {
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
}

/**
 * Creates the fastify instance with the server-level settings the app needs
 * (trust proxy for client IPs, one log line per request, bounded bodies)
 * and registers the app. It does not listen.
 */
export async function buildApp(
  config: BffConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const { logger, ...appOptions } = options;
  const fastify = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    trustProxy: config.trustProxy,
    // One audit line per request comes from our onResponse hook instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 16 * 1024,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  await fastify.register(app, { config, ...appOptions });
  return fastify;
}
