/**
 * Which reverse proxies may tell us the client's address (H62).
 * `X-Forwarded-For` is a list every hop appends to, so only its right end is
 * written by proxies we run; the left end is whatever the client sent. A
 * plain "trust the header" (`true`) would let anyone pick a fresh address per
 * request and walk past the sign-in throttle, so it is refused.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

export type TrustedProxies =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; list: string[]; blocks: BlockList };

/** Parses IDENTITY_TRUST_PROXY: false, a number of hops, or proxy addresses/CIDRs. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0')
    return { kind: 'none' };
  if (value === 'true') {
    throw new Error(
      'true would trust any X-Forwarded-For entry, which the client writes itself; set the number of proxies in front of the provider (e.g. 1) or their addresses',
    );
  }
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const blocks = new BlockList();
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of list) {
    const [address = '', prefix] = item.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      (bits !== undefined &&
        (!Number.isInteger(bits) || bits < 0 || bits > maxBits))
    ) {
      throw new Error(
        `"${item}" is not false, a number of proxy hops or an IP address/CIDR`,
      );
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, bits, type);
  }
  return { kind: 'addresses', list, blocks };
}

export function trustsAnyProxy(trusted: TrustedProxies): boolean {
  return trusted.kind !== 'none';
}

const unmapped = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;

function isTrusted(address: string, blocks: BlockList): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family === 0) return false;
  return blocks.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket peer, or, behind trusted proxies, the
 * entry of `X-Forwarded-For` that the outermost trusted proxy saw, read from
 * the right.
 */
export function clientAddress(
  req: IncomingMessage,
  trusted: TrustedProxies,
): string {
  const peer = unmapped(req.socket.remoteAddress ?? 'unknown');
  if (trusted.kind === 'none') return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  // Nearest hop last: the peer, then what each proxy appended.
  const chain = [...forwarded, peer];
  if (trusted.kind === 'hops') {
    return chain[Math.max(0, chain.length - 1 - trusted.hops)] ?? peer;
  }
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const address = chain[i] ?? '';
    if (!isTrusted(address, trusted.blocks)) return unmapped(address);
  }
  return unmapped(chain[0] ?? peer);
}
