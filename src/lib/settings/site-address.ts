// The site's address for links made outside a request: `npm run admin -- invite` prints a link to
// send, and it must be the address people open, not always http://localhost:4321. A page knows
// its own address from the request; the command line only has the settings.

/** The settings the address comes from (PUBLIC_URL checked in env.ts; HOST and PORT as astro.config.mjs reads them). */
export interface AddressSettings {
  PUBLIC_URL?: string;
  HOST?: string;
  PORT?: string;
}

/** Listening on every address is no address to open: this machine, then. */
const EVERY_ADDRESS = new Set(['', '0.0.0.0', '::', '[::]']);

/** `baseUrl` (--base-url) first, then PUBLIC_URL, then the address and port the server listens on. */
export function siteAddress(settings: AddressSettings, baseUrl?: string): string {
  if (baseUrl) return baseUrl;
  if (settings.PUBLIC_URL) return settings.PUBLIC_URL;
  const host = settings.HOST?.trim() ?? 'localhost';
  const name = EVERY_ADDRESS.has(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return new URL(`http://${name}:${settings.PORT?.trim() || '4321'}`).origin;
}

/** A link to `path` on the site, e.g. siteLink('/uitnodiging/…', settings). */
export function siteLink(path: string, settings: AddressSettings, baseUrl?: string): string {
  return new URL(path, siteAddress(settings, baseUrl)).href;
}
