// Which requests are for a file of the build's client folder (dist/client: built CSS,
// enhance.js, the favicon, prerendered pages), decided from a list made once at start.
//
// The adapter's standalone server looks every request up on disk first (an lstat, then `send`'s
// stat, which for a page fails with an ENOENT error and its stack trace) and only then hands it to
// Astro: 5–8 % of the server's CPU on a signed-in page (npm run bench with BENCH_CPU_PROF,
// issue 20). The folder is part of a release and does not change while the server runs, so a
// path that is not in it goes to Astro directly. The adapter still serves the files themselves.
import { readdirSync, type Dirent } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Every request path that names a file in `clientDir`: the file's own path, and for a folder
 * with an index.html (a prerendered page) the folder with and without its trailing slash.
 */
export function staticPathsOf(clientDir: string): Set<string> {
  const paths = new Set<string>();
  let entries: Dirent[];
  try {
    entries = readdirSync(clientDir, { recursive: true, withFileTypes: true });
  } catch {
    return paths; // no client folder: every request is Astro's
  }
  for (const entry of entries) {
    const urlPath = `/${relative(clientDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    paths.add(urlPath);
    // A folder (with or without an index.html) is the adapter's to answer, with or without slash.
    if (entry.isDirectory()) paths.add(`${urlPath}/`);
  }
  if (paths.has('/index.html')) paths.add('/');
  return paths;
}

/** The request's path as the adapter would look it up on disk: without query or fragment, decoded. */
export function pathOfRequest(url: string | undefined): string {
  const raw = (url ?? '/').split(/[?#]/, 1)[0];
  try {
    return decodeURI(raw);
  } catch {
    return raw;
  }
}

/**
 * The adapter's handler for paths of files in the client folder (so they are served exactly as
 * before) and Astro's own for everything else.
 */
export function routeStaticFiles(staticPaths: ReadonlySet<string>, staticAndApp: NodeHandler, appOnly: NodeHandler): NodeHandler {
  return (req, res) => (staticPaths.has(pathOfRequest(req.url)) ? staticAndApp(req, res) : appOnly(req, res));
}
