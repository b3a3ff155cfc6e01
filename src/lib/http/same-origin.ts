// Refuses state-changing requests from other sites: every method other than GET, HEAD and
// OPTIONS, whatever the content type (form posts and JSON alike). This is the only origin check:
// Astro's own (`security.checkOrigin`) is off, because it covers form content types only and
// refuses in English.
//
// A request must show it comes from our own pages. Browsers send `Origin` on every POST; where
// it is missing, `Sec-Fetch-Site` says the same thing. A request with neither cannot show where it
// comes from and is refused as well (our own scripts and tests send `Origin`). `Origin: null`
// (sandboxed frames, some redirects, file: pages) is not our origin either.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteRequest(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin !== url.origin;
  const fetchSite = request.headers.get('sec-fetch-site');
  // "none": the user started the request themselves (address bar, bookmark), not another site.
  return fetchSite !== 'same-origin' && fetchSite !== 'none';
}
