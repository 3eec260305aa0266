import type { FastifyInstance } from 'fastify';
import type { TokenSource } from '../token/token-cache';

/** What one request decided, for the audit line (never tokens). */
export interface AuditFields {
  sub?: string;
  /** `ok` or the problem code the request ended with. */
  decision?: string;
  cache?: TokenSource;
  /** The trusted operation a `/graphql` request ran (proxy mode). */
  operation?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    audit: AuditFields;
  }
}

const AUDIT_SLOT = 'auditRecord';

/** Probes poll often; their lines go to debug so they do not drown the audit trail. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The path without its query string: query strings are never logged. */
export function pathOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

/**
 * One JSON line per request (fastify's own request logging is off): method,
 * path, status, duration, client IP, and for the token endpoint the user's
 * `sub`, the decision and whether the cache answered.
 */
export function registerRequestLog(fastify: FastifyInstance): void {
  // fastify 5 forbids shared objects as decorator defaults, and each request
  // needs its own record: a getter creates it on first use, in a slot every
  // request is constructed with (so all requests keep one shape; a WeakMap
  // lookup per access cost more than the record).
  fastify.decorateRequest(AUDIT_SLOT, null);
  fastify.decorateRequest('audit', {
    getter() {
      const slots = this as unknown as Record<string, AuditFields | null>;
      return (slots[AUDIT_SLOT] ??= {});
    },
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = pathOf(request.url);
    const line = {
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ip: request.ip,
      ...request.audit,
    };
    if (QUIET_PATHS.has(path)) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
}
