import { isIP } from 'node:net';
import { z } from 'zod';

/** fastify's `trustProxy`: off, a hop-count function, or the proxies' addresses. */
export type TrustProxy =
  false | string | ((address: string, hop: number) => boolean);

/** A comma-separated list; blanks around items and empty items are dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A zod schema for a comma list whose items each satisfy `item`. */
export const listOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.string().transform(splitList).pipe(z.array(item));

/**
 * True when `value` is exactly a web origin (scheme, host, optional port), the
 * form browsers send in `Origin`. Paths and trailing slashes are refused so a
 * configured value can never silently fail to match.
 */
export function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  // WHATWG URLs accept `*` in host names; an allowlist must not.
  const plainHost = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(
    url.hostname,
  );
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    plainHost &&
    url.origin === value
  );
}

export const originList = listOf(
  z.string().refine(isOrigin, {
    error: (issue) =>
      `"${String(issue.input)}" is not an origin like https://inbox.example.com (scheme, host, optional port; no path, no trailing slash)`,
  }),
).refine((list) => list.length > 0, { error: 'needs at least one origin' });

/**
 * Parses BFF_TRUST_PROXY: false, a hop count, or comma-listed IPs/CIDRs. In
 * both cases fastify reads X-Forwarded-For from the right, where only our
 * proxies write. `true` is refused (H62): it takes the leftmost entry, which
 * the client wrote, so anyone could pick a fresh address per request.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') {
    return false;
  }
  if (raw === 'true') {
    throw new Error(
      'true would trust any X-Forwarded-For entry, which the client writes itself; set the number of proxies in front of the BFF (e.g. 1) or their addresses',
    );
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  const items = splitList(raw);
  for (const item of items) {
    const [address, prefix] = item.split('/');
    const ok =
      address !== undefined &&
      isIP(address) !== 0 &&
      (prefix === undefined || /^\d{1,3}$/.test(prefix));
    if (!ok) {
      throw new Error(
        `"${item}" is not true, false, a hop count or an IP address/CIDR`,
      );
    }
  }
  return items.join(',');
}

/**
 * Parses BFF_FEATURES, e.g. `bulk-claim,live-refresh=false`, into the flags
 * object `/api/config` hands to the SPA.
 */
export function parseFeatures(
  raw: string | undefined,
): Record<string, boolean> {
  const features: Record<string, boolean> = {};
  for (const item of splitList(raw ?? '')) {
    const match = /^([A-Za-z][\w-]*)(?:=(true|false))?$/.exec(item);
    if (!match?.[1]) {
      throw new Error(
        `"${item}" is not a flag name (letters, digits, - and _) with an optional =true or =false`,
      );
    }
    features[match[1]] = match[2] !== 'false';
  }
  return features;
}

/**
 * Parses FRAME_ANCESTORS: exact origins (or 'self') allowed to frame the app,
 * separated by spaces or commas. Empty or `'none'` means nobody may.
 */
export function parseFrameAncestors(raw: string | undefined): string[] {
  const items = (raw ?? '').split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 1 && items[0] === "'none'") return [];
  for (const item of items) {
    if (item !== "'self'" && !isOrigin(item)) {
      throw new Error(
        `"${item}" is not an exact origin, 'self' or 'none' (wildcards are not accepted)`,
      );
    }
  }
  return items;
}

/** True for http(s) URLs whose host is this machine, where plain http is harmless. */
export function isLoopbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const host = new URL(value).hostname;
  return (
    host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** The brand tokens a portal deployment may set (issue 13), all optional. */
export interface Brand {
  accentColor?: string;
  fontFamily?: string;
  logoUrl?: string;
}

/**
 * BRAND_ACCENT_COLOR: `#rgb` or `#rrggbb` only. The value ends up in a CSS
 * custom property, so anything richer (functions, keywords) is refused
 * rather than parsed.
 */
export function parseAccentColor(raw: string): string {
  if (!/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(raw)) {
    throw new Error(`"${raw}" is not a hex colour like #0f62fe or #06c`);
  }
  return raw.toLowerCase();
}

const FONT_NAME =
  /^(?:"[A-Za-z0-9 _-]+"|'[A-Za-z0-9 _-]+'|[A-Za-z][A-Za-z0-9 _-]*)$/;

/**
 * BRAND_FONT_FAMILY: a CSS font-family list of quoted or plain names
 * (letters, digits, blanks, - and _). No functions, semicolons or braces,
 * so the value can never break out of the custom property it is put in.
 */
export function parseFontFamily(raw: string): string {
  const names = raw.split(',').map((name) => name.trim());
  // The limit applies to the list the SPA receives (names joined by ", "),
  // which can be longer than what was written.
  if (
    names.join(', ').length > 200 ||
    names.some((name) => !FONT_NAME.test(name) || name.trim() !== name)
  ) {
    throw new Error(
      `"${raw}" is not a font-family list like "Source Sans 3", Arial, sans-serif (quoted or plain names of letters, digits, blanks, - and _; at most 200 characters)`,
    );
  }
  return names.join(', ');
}

/**
 * BRAND_LOGO_URL: an https URL, or a path on the app's own origin. Plain
 * http would be mixed content on an https deployment, and data: or other
 * schemes are refused outright; the URL's origin is added to the CSP's
 * img-src, so it must be exactly one origin.
 */
export function parseLogoUrl(raw: string): string {
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\')) {
    if (!/^\/[^\s#]*$/.test(raw)) {
      throw new Error(`"${raw}" is not a path without blanks or fragment`);
    }
    return raw;
  }
  if (!URL.canParse(raw)) {
    throw new Error(
      `"${raw}" is neither an https URL nor a path on the app's origin (/logo.svg)`,
    );
  }
  const url = new URL(raw);
  if (url.protocol !== 'https:') {
    throw new Error(
      `"${raw}" must be an https URL or a path on the app's origin (/logo.svg)`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    throw new Error(
      `"${raw}" must not contain a user name, password or fragment`,
    );
  }
  // Its origin goes into the CSP verbatim: only a plain host may get there.
  if (!isOrigin(url.origin)) {
    throw new Error(`"${raw}" does not have a plain host name`);
  }
  return url.href;
}
