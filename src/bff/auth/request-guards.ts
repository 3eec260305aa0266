import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfHeaderMissing, invalidToken, originNotAllowed } from '../errors';

export interface OriginPolicy {
  appOrigins: string[];
  allowSameSite: boolean;
}

/** The static header every token request must carry; a foreign page cannot add it without a preflight. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'tasklist-inbox';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}

/** True when `origin` is exactly one of the configured app origins. */
export function isAllowedOrigin(
  origin: string | undefined,
  policy: OriginPolicy,
): origin is string {
  return origin !== undefined && policy.appOrigins.includes(origin);
}

/**
 * Check 2: `Origin` present and exactly equal to a configured origin (no
 * wildcards, no suffix matching), and the browser's own `Sec-Fetch-Site`
 * verdict, when sent, is same-origin (or same-site if configured).
 */
export function assertAllowedOrigin(
  request: FastifyRequest,
  policy: OriginPolicy,
): void {
  if (!isAllowedOrigin(header(request, 'origin'), policy)) {
    throw originNotAllowed();
  }
  const site = header(request, 'sec-fetch-site');
  const okSites = policy.allowSameSite
    ? ['same-origin', 'same-site']
    : ['same-origin'];
  if (site !== undefined && !okSites.includes(site)) throw originNotAllowed();
}

/** Check 3: the static custom header, with its exact value. */
export function assertCsrfHeader(request: FastifyRequest): void {
  if (header(request, CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    throw csrfHeaderMissing();
  }
}

/** The bearer token from `Authorization`, or a 401 without an error code. */
export function bearerToken(request: FastifyRequest): string {
  const value = header(request, 'authorization');
  const match = value ? /^Bearer +(\S+) *$/i.exec(value) : null;
  if (!match?.[1]) throw invalidToken(false);
  return match[1];
}

/**
 * CORS for a cross-origin SPA (best avoided: serve SPA and BFF on one
 * origin). Allowed origins get their exact origin back, never `*`, and no
 * credentials flag; unknown origins get no CORS headers at all.
 */
export function corsHeaders(
  request: FastifyRequest,
  policy: OriginPolicy,
): Record<string, string> {
  const origin = header(request, 'origin');
  // Vary even when refusing: the answer depends on Origin either way.
  return isAllowedOrigin(origin, policy)
    ? { 'access-control-allow-origin': origin, vary: 'Origin' }
    : { vary: 'Origin' };
}

/**
 * The answers of a POST-only browser endpoint to every other method: a CORS
 * preflight from an allowed origin gets 204 with what a POST may carry,
 * anything else (a foreign preflight, GET, PUT…) gets the endpoint's own
 * 405 problem. The token endpoint and proxy mode's `/graphql` share it.
 */
export function postOnlyRoutes(
  fastify: FastifyInstance,
  url: string,
  policy: OriginPolicy,
  methodNotAllowed: () => Error,
): void {
  fastify.options(url, async (request, reply) => {
    const preflight =
      isAllowedOrigin(request.headers.origin, policy) &&
      request.headers['access-control-request-method'] === 'POST';
    if (!preflight) throw methodNotAllowed();
    request.audit.decision = 'preflight';
    await reply
      .code(204)
      .headers({
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers':
          'authorization, content-type, x-requested-with',
        'access-control-max-age': '600',
      })
      .send();
  });
  fastify.route({
    method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH'],
    url,
    exposeHeadRoute: false,
    handler: () => {
      throw methodNotAllowed();
    },
  });
}
