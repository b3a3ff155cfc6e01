// The address a request counts against for the login limits: the socket's peer, or, when that peer
// is one of TRUSTED_PROXIES, the client the proxies name (see client-address.ts).
//
// Why not just Astro.clientAddress: in a build with PUBLIC_URL (security.allowedDomains), Astro
// takes the FIRST X-Forwarded-For entry as the client address whenever the Host header names the
// public domain, and any client can send both headers. The socket's peer is then no longer
// visible through Astro. Node announces every incoming request on the diagnostics channel
// `http.server.request.start`, with its socket, synchronously before the request handler (and so
// Astro) runs; the peer address is kept in an AsyncLocalStorage for the rest of that request.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { getSettings } from '../env.ts';
import type { TrustedProxies } from '../settings/trusted-proxies.ts';
import { resolveClientAddress } from './client-address.ts';

/** What a request is counted as when its peer is not known (see requestClientAddress). */
export const UNKNOWN_ADDRESS = 'onbekend';

const peerOfRequest = new AsyncLocalStorage<string | undefined>();

// At import: this module is first imported while the first login or password page is loaded,
// so only requests that arrived before that have no recorded peer (handled below).
subscribe('http.server.request.start', (message) => {
  peerOfRequest.enterWith((message as { socket?: Socket }).socket?.remoteAddress);
});

/**
 * The client address of the request being handled. `astroClientAddress` (Astro.clientAddress) is
 * only used when no peer was recorded (a request that came in before this module was loaded), and
 * only when the request has no X-Forwarded-For: then Astro had nothing to take it from but the
 * socket. Otherwise the request counts as UNKNOWN_ADDRESS, one shared bucket, so that not knowing
 * never gives anyone a fresh one.
 */
export function requestClientAddress(
  request: Request,
  astroClientAddress: string | undefined,
  trusted: TrustedProxies = getSettings().TRUSTED_PROXIES,
): string {
  const forwardedFor = request.headers.get('x-forwarded-for');
  const peer = peerOfRequest.getStore() ?? (forwardedFor === null ? astroClientAddress : undefined);
  return resolveClientAddress(peer, forwardedFor, trusted) ?? UNKNOWN_ADDRESS;
}
