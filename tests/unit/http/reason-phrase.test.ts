// A refused login answered "HTTP/1.1 401 OK" (issue 18): Astro hands a page's status to Node with
// the statusText "OK" the page started with, and Node writes that as the reason phrase. Behind the
// guard every status carries its own phrase. A real Node server, with Astro's own writeResponse
// (what @astrojs/node calls) as the handler.
import assert from 'node:assert/strict';
import { createServer, get, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { writeResponse } from 'astro/app/node';
import { guardRequests } from '../../../src/lib/http/node-server-guard.ts';

/** What a path answers: Astro's page response (statusText "OK"), the adapter's own, or Node's defaults. */
const answers: Record<string, (res: ServerResponse) => unknown> = {
  '/pagina-401': (res) => writeResponse(new Response('Onjuist wachtwoord', { status: 401, statusText: 'OK' }), res),
  '/pagina-400': (res) => writeResponse(new Response('Formulier', { status: 400, statusText: 'OK' }), res),
  '/pagina-409': (res) => writeResponse(new Response('Al bezig', { status: 409, statusText: 'OK' }), res),
  '/pagina-500': (res) => writeResponse(new Response('Fout', { status: 500, statusText: 'OK' }), res),
  '/zonder-tekst-404': (res) => writeResponse(new Response('Niet gevonden', { status: 404 }), res),
  '/adapter-500': (res) => {
    res.writeHead(500, 'Server error');
    res.end();
  },
  '/impliciet-403': (res) => {
    res.statusCode = 403;
    res.end('Geen toegang');
  },
  '/gewoon-200': (res) => writeResponse(new Response('Goed', { status: 200, statusText: 'OK' }), res),
  '/redirect-303': (res) => writeResponse(new Response(null, { status: 303, headers: { location: '/' } }), res),
};

function statusLine(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(`${res.statusCode} ${res.statusMessage}`));
    }).on('error', reject);
  });
}

describe('reason phrases behind the guard', () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = createServer(
      guardRequests(async (req, res) => {
        await answers[req.url ?? '']?.(res);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('every status line carries the phrase of its own status', async () => {
    for (const path of Object.keys(answers)) {
      const status = Number(/\d{3}/.exec(path)![0]);
      assert.equal(await statusLine(port, path), `${status} ${STATUS_CODES[status]}`, path);
    }
  });
});
