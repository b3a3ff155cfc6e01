// A guard in front of @astrojs/node's request handler, for what the Astro middleware never sees:
//
// - Static files (dist/client: built CSS, enhance.js, the favicon) are sent by the adapter before
//   Astro runs, so they only get the security headers here.
// - TRACE, TRACK and CONNECT cannot become a fetch `Request` (undici refuses them), so the adapter
//   answered them with a 500 in English before any of our code ran. We serve GET, HEAD and POST
//   only; everything else is a Dutch 405 here, the same for every path.
// - A URL that cannot be decoded, and requests Node's HTTP parser rejects (an unknown method,
//   broken headers, headers too large), got a bare English "Bad request." or nothing at all.
// - Every status line carries the reason phrase of its own status. Astro hands a page's status to
//   Node with the statusText the page started with ("OK"), so a refused login said "401 OK".
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { t } from '../i18n/nl.ts';
import { NO_STORE, securityHeadersFor } from './security-headers.ts';

export const ALLOWED_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Same rule as isSecureRequest in session-cookie.ts, on the Node request. */
function isSecureNodeRequest(req: IncomingMessage): boolean {
  return ('encrypted' in req.socket && req.socket.encrypted === true) || req.headers['x-forwarded-proto'] === 'https';
}

function isDecodableUrl(url: string | undefined): boolean {
  try {
    // The result is used, not just the call: the bundler drops a bare decodeURI() as pure.
    return typeof decodeURI(url ?? '/') === 'string';
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE, ...extra });
  res.end(message);
}

export function guardRequests(handler: NodeHandler): NodeHandler {
  return (req, res) => {
    ownReasonPhrase(res);
    // Set before the adapter writes its own headers: Node merges them, the adapter's win.
    for (const [name, value] of Object.entries(securityHeadersFor(isSecureNodeRequest(req)))) res.setHeader(name, value);
    if (!ALLOWED_METHODS.includes(req.method ?? '')) return refuse(res, 405, t.errors.methodNotAllowed, { Allow: ALLOWED_METHODS.join(', ') });
    if (!isDecodableUrl(req.url)) return refuse(res, 400, t.errors.badRequest);
    return handler(req, res);
  };
}

/**
 * The reason phrase of the status itself (node's STATUS_CODES), whatever statusMessage or phrase
 * the handler gave: Node writes statusMessage as given, and Astro sets it to "OK" for a page whose
 * status it changed. writeHead is also what Node calls for a response without one (res.end()).
 */
function ownReasonPhrase(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const phrase = STATUS_CODES[statusCode];
    if (phrase) {
      this.statusMessage = phrase;
      if (typeof rest[0] === 'string') rest[0] = phrase;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse['writeHead'];
}

/** A complete HTTP/1.1 response written straight to the socket, for when there is no `res`. */
function rawResponse(status: number, message: string, secure: boolean, extra: Record<string, string> = {}): string {
  const body = Buffer.from(message, 'utf8');
  const headers = {
    ...securityHeadersFor(secure),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': NO_STORE,
    'Content-Length': String(body.length),
    Connection: 'close',
    ...extra,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${message}`;
}

function isEncrypted(socket: Duplex): boolean {
  return 'encrypted' in socket && socket.encrypted === true;
}

/** Dutch answers, with the security headers, for requests that never reach a request handler. */
export function guardServer(server: Server): void {
  // Node's HTTP parser refused the request (unknown method, malformed line or header, headers too
  // large, a request that took too long). Without this listener Node answers a bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(rawResponse(status, status === 431 ? t.errors.tooLarge : t.errors.badRequest, isEncrypted(socket)));
  });
  // CONNECT (a proxy tunnel) bypasses the request handler; without a listener Node just drops it.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    if (socket.writable) socket.end(rawResponse(405, t.errors.methodNotAllowed, isEncrypted(socket), { Allow: ALLOWED_METHODS.join(', ') }));
  });
}
