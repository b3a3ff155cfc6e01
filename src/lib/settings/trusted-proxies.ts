// The TRUSTED_PROXIES setting: the reverse proxies whose X-Forwarded-For we believe. Anyone else
// can write whatever they like in that header, so only these peers may speak for a client.
import { BlockList, isIP } from 'node:net';
import { normalizeAddress } from './ip-address.ts';

export interface TrustedProxies {
  /** The entries as configured, for messages and docs. */
  readonly entries: readonly string[];
  /** Whether this (normalized) address is one of the proxies. */
  contains(address: string): boolean;
}

/**
 * Reads a comma-separated list of IP addresses and CIDR ranges, e.g. `127.0.0.1,::1,10.0.0.0/8`.
 * An empty value trusts no one. Throws with a Dutch message naming the first entry it cannot read,
 * because a typo here would silently make every user share the proxy's address (or worse, let
 * clients pick their own).
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const list = new BlockList();
  for (const entry of entries) {
    const [raw, prefixText, extra] = entry.split('/');
    const address = normalizeAddress(raw);
    const family = address?.includes(':') ? 'ipv6' : 'ipv4';
    const maxPrefix = family === 'ipv6' ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    // A bare address only (no port, brackets or zone): normalizeAddress is lenient for headers.
    if (!address || isIP(raw) === 0 || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(`"${entry}" is geen IP-adres of adresbereik. Gebruik bijvoorbeeld 127.0.0.1,::1,10.0.0.0/8 (gescheiden door komma's).`);
    }
    list.addSubnet(address, prefix, family);
  }
  return {
    entries,
    contains: (address) => list.check(address, address.includes(':') ? 'ipv6' : 'ipv4'),
  };
}
