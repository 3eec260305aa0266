import type { BffConfig } from './config';

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * The SPA's Content-Security-Policy (security.md section 6). A Vite
 * production build loads only external module scripts and stylesheets, so
 * `'self'` suffices for both; the browser talks to the issuer (sign-in) and,
 * in direct mode only, to Tasklist. Embedding follows FRAME_ANCESTORS.
 */
export function spaCsp(config: BffConfig): string {
  const connect = [
    "'self'",
    ...new Set([
      originOf(config.oidc.issuer),
      // Only direct mode calls Tasklist from the browser; proxy mode keeps
      // it off the allowlist so no script in the page can reach it.
      ...(config.mode === 'direct'
        ? [originOf(config.tasklistGraphqlUrl)]
        : []),
    ]),
  ];
  const ancestors =
    config.frameAncestors.length > 0 ? config.frameAncestors : ["'none'"];
  // A brand logo on another host (always https, parseLogoUrl) is allowed by
  // its exact origin; a path is covered by 'self'.
  const logo = config.brand.logoUrl;
  const images = ["'self'", 'data:'];
  if (logo?.startsWith('https:')) images.push(originOf(logo));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `connect-src ${connect.join(' ')}`,
    `img-src ${images.join(' ')}`,
    "style-src 'self'",
    // H67: the app frames nothing (no iframe renewal, no form-js iframes);
    // without this, frames would fall back to default-src 'self'.
    "frame-src 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
    "form-action 'self'",
  ].join('; ');
}

/** JSON, assets and errors need nothing: deny everything, framing included. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
