// What a per-address login limit counts (login.ts). Pure, on an address already read from the
// request (http/client-address.ts); here in auth/, which uses it, rather than in http/ above it.

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
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
