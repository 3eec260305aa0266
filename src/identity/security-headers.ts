/**
 * Response headers for everything the provider serves. The CSP allows only
 * same-origin scripts and styles, so no inline code runs on our pages.
 */

/**
 * `form-action` lists the app origins because the sign-in form's POST ends in
 * a redirect to the app's callback, and browsers check redirects of a form
 * submission against `form-action` too.
 */
export function contentSecurityPolicy(appOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${appOrigins.join(' ')}`,
  ].join('; ');
}

/** Headers set on every response. */
export function securityHeaders(appOrigins: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(appOrigins),
    'X-Content-Type-Options': 'nosniff',
    // The callback URL carries the authorization code: never leak it onward.
    'Referrer-Policy': 'no-referrer',
  };
}
