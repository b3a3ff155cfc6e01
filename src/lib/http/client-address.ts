// Which address a request comes from, for the per-address login limit. Pure: the socket's peer
// and the X-Forwarded-For header go in, so spoofed chains can be tested without a server.
import { isIP } from 'node:net';
import type { TrustedProxies } from './trusted-proxies.ts';

/**
 * The client behind a chain of proxies. X-Forwarded-For is a list that every proxy appends its
 * peer to, so only the right end is written by proxies we run; everything to the left of the
 * first hop we do not trust was written by the client and is worthless. So: start at the socket's
 * peer, and while that is a trusted proxy, step one hop to the left. The first untrusted address
 * is the client. If every hop is trusted (a request from inside), the left-most one is.
 *
 * A hop that is not an address stops the walk at the last trusted one: a proxy we run never
 * writes such a thing, so it came from the client, and the client does not get to choose.
 * Undefined only when the peer itself is unknown.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string | undefined {
  let address = peer === undefined ? undefined : normalizeAddress(peer);
  if (!address) return undefined;
  const hops = (forwardedFor ?? '').split(',');
  while (trusted.contains(address) && hops.length > 0) {
    const hop = hops.pop()!.trim();
    if (hop === '') continue; // "a, , b" or a trailing comma: nothing to step to
    const next = normalizeAddress(hop);
    if (!next) break;
    address = next;
  }
  return address;
}

/**
 * One spelling per address, so that a client cannot get a fresh bucket by writing the same address
 * differently: IPv6 in its canonical lower-case short form, IPv4-mapped IPv6 as plain IPv4, zone
 * ids and ports (`1.2.3.4:5678`, `[::1]:80`, as some proxies write them) removed. Undefined for
 * anything that is not an IP address.
 */
export function normalizeAddress(raw: string): string | undefined {
  let text = raw.trim();
  const withPort = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text) ?? /^([\d.]+):(\d{1,5})$/.exec(text);
  if (withPort) {
    if (withPort[2] !== undefined && Number(withPort[2]) > 65535) return undefined;
    text = withPort[1];
  }
  text = text.replace(/%.*$/, ''); // fe80::1%eth0: the zone says which interface, not who
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return undefined;
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * The unit a per-address limit counts: an IPv4 address, or an IPv6 /64. One IPv6 subscriber gets
 * a whole /64 (2^64 addresses) from their provider, so counting single IPv6 addresses would give
 * one attacker an endless supply of fresh buckets.
 */
export function addressBucket(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
