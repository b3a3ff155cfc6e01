// Which address a request comes from, for the per-address login limit. Pure: the socket's peer
// and the X-Forwarded-For header go in, so spoofed chains can be tested without a server.
import { normalizeAddress } from '../settings/ip-address.ts';
import type { TrustedProxies } from '../settings/trusted-proxies.ts';

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
