// Headers on every response: pages, redirects, refusals, error pages and the static files in
// dist/client alike. The middleware sets them on what Astro renders; the server entry
// (src/server-entry.ts) sets them on everything else the Node server answers, which the
// middleware never sees (static files, prerendered pages, methods Astro cannot represent).
//
// The CSP allows only our own scripts, styles and images: the site needs nothing else.
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

// The content editor (Keystatic, on the development server only, for trainers and admins; see
// docs/decisions/0010-keystatic-als-inhoudseditor.md) cannot run under the site's CSP: its page is
// an Astro island started by an inline script, and its interface sets inline styles. Its own CSP
// allows exactly that and nothing from elsewhere (its request for a web font stays blocked).
export const EDITOR_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

// One year, subdomains included: once a browser has seen the site over HTTPS it never tries
// plain http again, so a network in between cannot strip TLS. Only sent over HTTPS; browsers
// ignore it over http, and on http://localhost it would only confuse.
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

// Cache rule: whatever the server renders per request is never stored, by the browser or by a
// proxy in between. Those are personal pages, pages with a one-time token (/uitnodiging/…) or
// pages that look different signed in and signed out; a shared computer or a caching proxy must
// not show them to the next person. What is the same for everyone is a file in dist/client
// (built assets, public/, prerendered pages) and keeps the static server's caching.
export const NO_STORE = 'no-store';

/** The headers every response carries; HSTS only when the request came in over HTTPS. */
export function securityHeadersFor(secure: boolean): Record<string, string> {
  return secure ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : SECURITY_HEADERS;
}

/**
 * A rendered response with the security headers (kept where a route set its own) and no-store.
 * `editor`: the response is the content editor's, which gets EDITOR_CSP instead of the site's.
 */
export function withSecurityHeaders(response: Response, secure: boolean, editor = false): Response {
  const wanted = { ...securityHeadersFor(secure), ...(editor ? { 'Content-Security-Policy': EDITOR_CSP } : {}) };
  const forced = { 'Cache-Control': NO_STORE };
  try {
    applyHeaders(response.headers, wanted, forced);
    return response;
  } catch {
    // Immutable headers (e.g. Response.redirect or a fetched response): copy into a new response.
    const copy = new Response(response.body, response);
    applyHeaders(copy.headers, wanted, forced);
    return copy;
  }
}

function applyHeaders(headers: Headers, defaults: Record<string, string>, forced: Record<string, string>): void {
  for (const [name, value] of Object.entries(defaults)) if (!headers.has(name)) headers.set(name, value);
  for (const [name, value] of Object.entries(forced)) headers.set(name, value);
}
