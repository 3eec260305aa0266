import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BffConfig } from '../config';
import {
  methodNotAllowed,
  notEntitled,
  queryNotAllowed,
  rateLimited,
} from '../errors';
import type { BffMetrics } from '../metrics';
import type { TokenCache } from '../token/token-cache';
import type { UserTokenVerifier } from '../auth/user-token-verifier';
import { isEntitled } from '../auth/entitlement';
import type { BffTokenService } from '../proxy/bff-token';
import { proxyUserFromClaims } from '../proxy/proxy-user';
import {
  assertAllowedOrigin,
  assertCsrfHeader,
  bearerToken,
  corsHeaders,
  postOnlyRoutes,
  type OriginPolicy,
} from '../auth/request-guards';

export interface TokenRouteOptions {
  config: BffConfig;
  cache: TokenCache;
  verifier: UserTokenVerifier;
  metrics: BffMetrics;
  /** Proxy mode: hand out BFF tokens instead of the Tasklist token. */
  bffTokens?: BffTokenService | undefined;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const WINDOW_MS = 60_000;

/**
 * `POST /api/token` (security.md section 3). The checks run cheapest first
 * and each refusal has its own status and code: method, Origin, the custom
 * header (all three before the body is read), the user token, entitlement,
 * then the per-user and per-IP rate limits. Only then is the cache asked.
 */
export function tokenRoutes(
  fastify: FastifyInstance,
  opts: TokenRouteOptions,
): void {
  const { config, cache, verifier, metrics, bffTokens } = opts;
  const policy: OriginPolicy = {
    appOrigins: config.appOrigins,
    allowSameSite: config.allowSameSite,
  };
  const limits = rateLimiters(fastify, config);

  // The body carries nothing (empty or `{}`); accept any type, read at most 1 KiB.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: 1024 },
    (_request, _body, done) => {
      done(null, undefined);
    },
  );

  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers({ ...NO_STORE, ...corsHeaders(request, policy) });
    done();
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    if (request.audit.decision !== 'preflight') {
      metrics.tokenRequests.inc({
        result: request.audit.decision ?? 'unknown',
      });
    }
    done();
  });

  fastify.post('/api/token', {
    // Synchronous and before body parsing: refusals cost next to nothing.
    onRequest: (request, _reply, done) => {
      // H68: a token request carries nothing in its URL; a query string is
      // a misuse (or a token on its way into access logs and history).
      if (request.url.includes('?')) throw queryNotAllowed();
      assertAllowedOrigin(request, policy);
      assertCsrfHeader(request);
      done();
    },
    handler: async (request) => {
      const claims = await verifier.verify(bearerToken(request));
      const sub = claims.sub ?? '';
      request.audit.sub = sub;
      if (!isEntitled(claims, config.allowedGroups)) throw notEntitled();
      await limits.enforce(request);
      if (bffTokens) {
        // Proxy mode: a short-lived token for this user and the BFF's
        // /graphql only; the Tasklist token never leaves the BFF.
        const user = proxyUserFromClaims(claims, config.proxy.usernameClaim);
        const issued = await bffTokens.issue(user, claims.exp ?? 0);
        request.audit.decision = 'ok';
        return {
          access_token: issued.accessToken,
          token_type: 'Bearer',
          expires_in: issued.expiresInS,
        };
      }
      const served = await cache.getToken();
      request.audit.cache = served.source;
      request.audit.decision = 'ok';
      if (served.source === 'hit' || served.source === 'shared') {
        metrics.cacheHits.inc();
      }
      return {
        access_token: served.accessToken,
        token_type: 'Bearer',
        expires_in: served.expiresInS,
      };
    },
  });

  // A preflight from an allowed origin gets exact CORS headers; anything
  // else that is not POST is a 405 with `Allow: POST`.
  postOnlyRoutes(fastify, '/api/token', policy, methodNotAllowed);
}

/** Check 6: per `sub` and, independently, per client IP, both per minute. */
function rateLimiters(fastify: FastifyInstance, config: BffConfig) {
  const perUser = fastify.createRateLimit({
    max: config.rateLimit.perUser,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `user:${request.audit.sub ?? ''}`,
  });
  const perIp = fastify.createRateLimit({
    max: config.rateLimit.perIp,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `ip:${request.ip}`,
  });
  return {
    async enforce(request: FastifyRequest): Promise<void> {
      for (const limiter of [perUser, perIp]) {
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) {
          throw rateLimited(Math.max(1, result.ttlInSeconds));
        }
      }
    },
  };
}
