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
