import type { FastifyInstance } from 'fastify';
import type { BffConfig } from '../config';
import { API_CSP, spaCsp } from '../csp';

/**
 * The page the identity provider sends a popup sign-in back to (issue 13).
 * It must not be served from dist under another name; the SPA's auth code
 * uses the same path as its `popup_redirect_uri`.
 */
export const POPUP_CALLBACK_PATH = '/auth/popup-callback.html';

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
      reply.header('cross-origin-opener-policy', openerPolicy(request.url));
      // For browsers without frame-ancestors; it cannot express an allowlist.
      if (framingDenied) reply.header('x-frame-options', 'DENY');
    } else {
      reply.header('content-security-policy', API_CSP);
    }
    return payload;
  });
}

/**
 * COOP, chosen for popup sign-in (issue 13). The app keeps
 * `same-origin-allow-popups`: it isolates the app from pages that open it,
 * yet a popup it opens keeps `window.opener`. The popup's last page, the
 * callback, must be `unsafe-none`: it follows the identity provider's page
 * (another origin) in the popup, and any stricter value would switch
 * browsing context groups there, cut `window.opener`, and leave the framed
 * app waiting for a sign-in that never arrives. (BroadcastChannel, the
 * library's fallback, cannot help: a framed app's storage partition differs
 * from the popup's.)
 */
function openerPolicy(url: string): string {
  const pathName = url.split('?')[0];
  return pathName === POPUP_CALLBACK_PATH
    ? 'unsafe-none'
    : 'same-origin-allow-popups';
}
