import type { FastifyInstance } from 'fastify';
import type { BffConfig, BffMode } from '../config';
import type { Brand } from '../config-parsers';
import { corsHeaders } from '../auth/request-guards';

/**
 * The runtime config the SPA reads at start-up. The contract is
 * `src/bff/runtime-config.schema.json`; this type mirrors it, and
 * `runtime-config.test.ts` holds every body the BFF can send to the schema.
 */
export interface RuntimeConfig {
  mode: BffMode;
  /** Where the SPA sends GraphQL: Tasklist (direct) or `/graphql` on its own origin (proxy). */
  tasklistGraphqlUrl: string;
  oidc: {
    authority: string;
    clientId: string;
    scopes: string;
    resource: string;
  };
  pollIntervalMs: number;
  features: Record<string, boolean>;
  /**
   * Issue 13: the origins that may frame the app (FRAME_ANCESTORS, `'self'`
   * meaning the app's own), the only ones it posts events to or takes
   * commands from.
   */
  embed: { allowedOrigins: string[] };
  /** Only the tokens that are set. */
  brand: Brand;
}

/** Builds the public runtime config: addresses and flags only, never a secret. */
export function runtimeConfig(config: BffConfig): RuntimeConfig {
  return {
    mode: config.mode,
    // In proxy mode the browser never learns where Tasklist is.
    tasklistGraphqlUrl:
      config.mode === 'proxy' ? '/graphql' : config.tasklistGraphqlUrl,
    oidc: {
      authority: config.oidc.issuer,
      clientId: config.oidc.clientId,
      scopes: config.oidc.scopes,
      resource: config.oidc.resource,
    },
    pollIntervalMs: config.pollIntervalMs,
    features: config.features,
    embed: { allowedOrigins: config.frameAncestors },
    brand: config.brand,
  };
}

/** `GET`/`HEAD /api/config`, so one SPA build serves every environment. */
export function configRoutes(
  fastify: FastifyInstance,
  opts: { config: BffConfig },
): void {
  const body = JSON.stringify(runtimeConfig(opts.config));
  const policy = {
    appOrigins: opts.config.appOrigins,
    allowSameSite: opts.config.allowSameSite,
  };
  fastify.get('/api/config', async (request, reply) => {
    await reply
      .headers({ 'cache-control': 'no-store', ...corsHeaders(request, policy) })
      .type('application/json; charset=utf-8')
      .send(body);
  });
}
