// Responses that are not pages: JSON for the API and downloads, plain text for refusals, the
// redirect after a post. One place for the content types, so no route spells its own headers (or
// forgets the charset).
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

export function text(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': TEXT_TYPE, ...headers } });
}

/** A JSON document to save (someone's data): indented for a human reader, never stored on the way. */
export function jsonDownload(data: unknown, filename: string): Response {
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'content-type': JSON_TYPE, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}

/** A CSV file to save (a team's progress): never stored on the way. */
export function csvDownload(body: string, filename: string): Response {
  return new Response(body, {
    headers: { 'content-type': CSV_TYPE, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}

/** The redirect after a post (303: the browser fetches the target with GET), as Astro's redirect makes it. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path } });
}
