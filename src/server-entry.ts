// The production server (built as dist/server/entry.mjs; astro.config.mjs points the adapter
// here). It is @astrojs/node's standalone server, unchanged, with src/lib/http/node-server-guard.ts
// in front of it: security headers on static files too, and Dutch 4xx answers for methods and
// requests that never reach Astro. `node dist/server/entry.mjs` starts it as before.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The adapter starts its server as soon as its module loads, unless told not to; we start it
// ourselves below so the guard is in place first. `astro preview` sets the same variable and uses
// the exported `handler`.
const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Records each request's socket address from the first request on (the client address for the
// login throttle; src/lib/http/request-address.ts), before the server can accept any.
await import('./lib/http/request-address.ts');
const adapter = await import('@astrojs/node/server.js');
const { guardRequests, guardServer } = await import('./lib/http/node-server-guard.ts');
const { routeStaticFiles, staticPathsOf } = await import('./lib/http/static-files.ts');

export const options = adapter.options;
// The adapter runs in 'middleware' mode (astro.config.mjs): its handler is Astro alone, and the
// standalone server below (static files, then Astro) gets only the paths of files in dist/client.
export const handler = guardRequests(adapter.handler);

if (autostart) {
  const { server } = adapter.startServer();
  // Swapped in the same tick as listen(): no request can be handled before this code has run.
  const listeners = server.server.listeners('request') as Parameters<typeof guardRequests>[0][];
  // Should a new adapter version wire its server differently, stop here rather than serve unguarded.
  if (listeners.length !== 1) throw new Error(`@astrojs/node registered ${listeners.length} request handlers; src/server-entry.ts expects one`);
  server.server.removeAllListeners('request');
  server.server.on('request', guardRequests(routeStaticFiles(staticPathsOf(clientFolder()), listeners[0], adapter.handler)));
  guardServer(server.server);
  // SIGTERM stops gracefully: `npm run publish` (scripts/publish.ts) and systemd stop an old release
  // this way after the proxy has switched to the new one. No new connections; requests in flight
  // finish (idle keep-alive connections are closed as they become idle); at most 10 s, then exit.
  process.once('SIGTERM', () => {
    server.server.close(() => process.exit(0));
    server.server.closeIdleConnections();
    setInterval(() => server.server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

/**
 * dist/client of this build, found as the adapter finds it: relative to this file (a release
 * folder may have moved since the build), at the place the build put it relative to dist/server.
 */
function clientFolder(): string {
  const built = relative(fileURLToPath(adapter.options.server), fileURLToPath(adapter.options.client));
  return resolve(dirname(fileURLToPath(import.meta.url)), built);
}
