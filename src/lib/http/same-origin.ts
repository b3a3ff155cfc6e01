// Refuses state-changing requests from other sites. Astro's checkOrigin covers form posts only;
// this covers every method and content type (JSON included).
export function isCrossSiteRequest(request: Request, url: URL): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin !== url.origin;
  const fetchSite = request.headers.get('sec-fetch-site');
  return fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none';
}
