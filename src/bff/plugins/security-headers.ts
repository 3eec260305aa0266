import type { FastifyInstance } from 'fastify';
import type { BffConfig } from '../config';
import { API_CSP, spaCsp } from '../csp';

/**
 * Headers on every response: nosniff, no referrer, HSTS over https. HTML (the
 * SPA shell) gets the strict CSP; everything else a deny-all CSP, which
 * costs nothing for JSON and scripts and stops a response being framed.
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  config: BffConfig,
): void {
  const htmlCsp = spaCsp(config);
  const framingDenied = config.frameAncestors.length === 0;
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // Only over https: over plain http the header is ignored anyway, and on a
    // development origin it would pin browsers to https for a year.
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000');
    }
    // A 304 updates the browser's cached response with the headers it
    // carries, and has no content type to tell HTML from JSON. Sending the
    // API's deny-all policy here blanked the SPA on reload, so a 304 keeps
    // the policy the full response was cached with.
    if (reply.statusCode === 304) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      reply.header('content-security-policy', htmlCsp);
      // Popup sign-in (portal embedding) needs window.opener to survive.
      reply.header('cross-origin-opener-policy', 'same-origin-allow-popups');
      // For browsers without frame-ancestors; it cannot express an allowlist.
      if (framingDenied) reply.header('x-frame-options', 'DENY');
    } else {
      reply.header('content-security-policy', API_CSP);
    }
    return payload;
  });
}
