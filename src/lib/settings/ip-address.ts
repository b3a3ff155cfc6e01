// One spelling per IP address. Shared by the TRUSTED_PROXIES setting (trusted-proxies.ts) and by
// reading a request's address (http/client-address.ts); it lives down here with the settings
// because env.ts parses that setting and must not reach up into http/.
import { isIP } from 'node:net';

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
