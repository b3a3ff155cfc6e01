// The guard in front of the adapter's handler, on a real Node HTTP server with a stand-in handler:
// what passes reaches the handler with the security headers already set; TRACE and friends, an
// undecodable URL and requests Node's parser refuses get a Dutch 4xx with the same headers.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { guardRequests, guardServer } from '../../../src/lib/http/node-server-guard.ts';
import { STRICT_TRANSPORT_SECURITY } from '../../../src/lib/http/security-headers.ts';
import { t } from '../../../src/lib/i18n/nl.ts';

/** Sends `request` as written and returns the raw answer. */
function send(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

const request = (method: string, target: string, extra = '') => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;

describe('node server guard', () => {
  let server: Server;
  let port: number;
  const reached: string[] = [];

  before(async () => {
    server = createServer(
      guardRequests((req, res) => {
        reached.push(`${req.method} ${req.url}`);
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('handler');
      }),
    );
    guardServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('GET, HEAD and POST reach the handler, with the security headers set', async () => {
    for (const method of ['GET', 'HEAD', 'POST']) {
      const answer = await send(port, request(method, '/favicon.svg', method === 'POST' ? 'Content-Length: 0\r\n' : ''));
      assert.match(answer, /^HTTP\/1\.1 200 /, method);
      assert.match(answer, /Content-Security-Policy: .*frame-ancestors 'none'/i, method);
      assert.match(answer, /X-Content-Type-Options: nosniff/i, method);
      assert.doesNotMatch(answer, /Strict-Transport-Security/i, `${method} over plain http`);
    }
    assert.deepEqual(reached.splice(0), ['GET /favicon.svg', 'HEAD /favicon.svg', 'POST /favicon.svg']);
  });

  test('HSTS when the proxy says the request came in over HTTPS', async () => {
    const answer = await send(port, request('GET', '/', 'X-Forwarded-Proto: https\r\n'));
    assert.match(answer, new RegExp(`Strict-Transport-Security: ${STRICT_TRANSPORT_SECURITY}`, 'i'));
    reached.splice(0);
  });

  test('other methods get a Dutch 405 and never reach the handler', async () => {
    for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']) {
      const answer = await send(port, request(method, '/inloggen'));
      assert.match(answer, /^HTTP\/1\.1 405 /, method);
      assert.match(answer, /Allow: GET, HEAD, POST/i, method);
      assert.match(answer, /Content-Security-Policy: .*frame-ancestors 'none'/i, method);
      assert.match(answer, /Cache-Control: no-store/i, method);
      assert.ok(answer.includes(t.errors.methodNotAllowed), method);
    }
    assert.deepEqual(reached, []);
  });

  test('CONNECT, an unknown method and an undecodable URL: a Dutch 4xx with the headers', async () => {
    const cases: [string, RegExp, string][] = [
      [request('CONNECT', 'evil.example:443'), /^HTTP\/1\.1 405 /, t.errors.methodNotAllowed],
      [request('FOO', '/'), /^HTTP\/1\.1 400 /, t.errors.badRequest],
      [request('get', '/'), /^HTTP\/1\.1 400 /, t.errors.badRequest],
      [request('GET', '/%E0%A4%A'), /^HTTP\/1\.1 400 /, t.errors.badRequest],
      ['GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n', /^HTTP\/1\.1 400 /, t.errors.badRequest],
      [request('GET', '/', `X-Big: ${'a'.repeat(20_000)}\r\n`), /^HTTP\/1\.1 431 /, t.errors.tooLarge],
    ];
    for (const [raw, status, message] of cases) {
      const answer = await send(port, raw);
      const label = raw.slice(0, 30);
      assert.match(answer, status, `${label}: ${answer.slice(0, 80)}`);
      assert.match(answer, /Content-Security-Policy: .*frame-ancestors 'none'/i, label);
      assert.match(answer, /X-Content-Type-Options: nosniff/i, label);
      assert.ok(answer.includes(message), `${label}: ${answer.slice(-120)}`);
    }
    assert.deepEqual(reached, []);
  });
});
