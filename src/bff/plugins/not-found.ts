import type { FastifyInstance } from 'fastify';
import { methodNotAllowed, notFound, rateLimited } from '../errors';
import { pathOf } from './request-log';
import { wantsSpaShell } from './spa';

export interface NotFoundOptions {
  /** Serve `index.html` for client-side routes (production). */
  spa: boolean;
  /** 404s per client IP and minute; unanswered probing gets 429. */
  perIpPerMinute: number;
}

/**
 * Unmatched requests: the SPA shell for client-side routes; 405 for odd
 * methods on the token endpoint; otherwise a problem+json 404, rate-limited
 * per IP so the handler cannot be used to probe URLs cheaply.
 */
export function registerNotFound(
  fastify: FastifyInstance,
  opts: NotFoundOptions,
): void {
  const limiter = fastify.createRateLimit({
    max: opts.perIpPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `not-found:${request.ip}`,
  });
  fastify.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request.url);
    if (path === '/api/token') throw methodNotAllowed();
    if (opts.spa && wantsSpaShell(request.method, path)) {
      await reply.header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    const limit = await limiter(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw rateLimited(limit.ttlInSeconds);
    }
    throw notFound();
  });
}
