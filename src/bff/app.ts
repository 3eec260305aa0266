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
import { createProxy } from './proxy/create-proxy';
import type { ScanLimits } from './proxy/visible-tasks';
import { graphqlProxyRoutes } from './routes/graphql-proxy';

export interface AppOptions {
  config: BffConfig;
  /** Folder holding the built SPA; omitted in dev, where Vite serves it. */
  distDir?: string | undefined;
  /** Clock, fetch, sleep and randomness; tests replace them for determinism. */
  deps?: Partial<TokenCacheDeps>;
  tuning?: Partial<TokenCacheTuning>;
  /** Fetch the IdP's discovery document at start-up rather than on first use. */
  warmUp?: boolean;
  /** Proxy mode: the bound on upstream requests per visible page (tests lower it). */
  scanLimits?: ScanLimits;
}

/** What the public app and the management listener share. */
export interface BffState {
  metrics: BffMetrics;
  cache: TokenCache;
}

/** The BFF as a plugin: everything but listening, so tests can inject. */
export async function app(
  fastify: FastifyInstance,
  opts: AppOptions & { state?: BffState },
): Promise<void> {
  const { config } = opts;
  const { metrics, cache } = opts.state ?? createState(fastify, opts);
  const verifier = new UserTokenVerifier({
    issuer: config.oidc.issuer,
    ...config.userToken,
    now: opts.deps?.now ?? Date.now,
    onVerified: (source) => {
      metrics.userTokenVerifications.inc({ source });
    },
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

  const proxy =
    config.mode === 'proxy'
      ? await createProxy(config, {
          cache,
          metrics,
          now: opts.deps?.now ?? Date.now,
          ...(opts.scanLimits ? { scanLimits: opts.scanLimits } : {}),
        })
      : undefined;
  if (proxy) {
    fastify.addHook('onClose', () => proxy.upstream.close());
    fastify.log.info(
      {
        documents: proxy.documents.size,
        signingKey: proxy.keySource,
        visibility: config.proxy.visibility,
        upstream: config.proxy.upstream.kind,
      },
      'proxy mode: the BFF serves /graphql',
    );
  }

  // External plugins first, then ours, then routes (fastify/demo order).
  await fastify.register(rateLimit, { global: false });
  registerRequestLog(fastify);
  registerSecurityHeaders(fastify, config);
  registerErrorHandler(fastify);
  // H64: /metrics and the detailed /readyz live on the management listener.
  await fastify.register(healthRoutes, { cache, detailed: false });
  await fastify.register(configRoutes, { config });
  await fastify.register(tokenRoutes, {
    config,
    cache,
    verifier,
    metrics,
    bffTokens: proxy?.tokens,
  });
  if (proxy) await fastify.register(graphqlProxyRoutes, { config, proxy });
  if (opts.distDir)
    await fastify.register(spaPlugin, { distDir: opts.distDir });
  registerNotFound(fastify, {
    spa: Boolean(opts.distDir),
    perIpPerMinute: config.rateLimit.perIp,
  });
}

/** The metrics registry and the token cache, logging through `fastify`. */
function createState(fastify: FastifyInstance, opts: AppOptions): BffState {
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
  return { metrics, cache };
}

/**
 * The management listener (H64): `/metrics`, `/healthz` and the detailed
 * `/readyz`, on MANAGEMENT_HOST:MANAGEMENT_PORT (loopback by default), like
 * Keycloak's management interface. Nothing here is for browsers.
 */
export async function managementApp(
  fastify: FastifyInstance,
  opts: { state: BffState },
): Promise<void> {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  await fastify.register(healthRoutes, {
    cache: opts.state.cache,
    detailed: true,
  });
  await fastify.register(metricsRoutes, { metrics: opts.state.metrics });
}

const managements = new WeakMap<FastifyInstance, FastifyInstance>();

/** The management listener built together with a public app by `buildApp`. */
export function managementOf(publicApp: FastifyInstance): FastifyInstance {
  const management = managements.get(publicApp);
  if (!management) throw new Error('not an app built by buildApp');
  return management;
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
  const state = createState(fastify, { config, ...appOptions });
  await fastify.register(app, { config, ...appOptions, state });

  const management = Fastify({
    ...(logger
      ? { loggerInstance: logger.child({ listener: 'management' }) }
      : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024,
    requestTimeout: 10_000,
  });
  await management.register(managementApp, { state });
  managements.set(fastify, management);
  fastify.addHook('onClose', async () => {
    await management.close();
  });
  return fastify;
}
