// The built server under odd and hostile HTTP (issue 13): `terug` never leads off the site, every
// response carries the security headers (static files and refusals included), rendered pages are
// never stored, HSTS over HTTPS, the cross-site guard is ours and Dutch, the unused image endpoint
// is gone, and no method on any route gets a 5xx. Requests go over a raw socket, so any method
// and any header can be sent exactly as written (fetch refuses TRACE and CONNECT, and adds
// headers of its own). Needs `astro build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import { openDatabase } from '../../db/client.ts';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { createUser } from '../../src/lib/auth/user.ts';
import { loadCourse } from '../../src/lib/content/load-course.ts';
import { STRICT_TRANSPORT_SECURITY } from '../../src/lib/http/security-headers.ts';
import { t } from '../../src/lib/i18n/nl.ts';
import { routePatternsOnDisk } from '../helpers/routes.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const giz = loadCourse('content').modules.find((m) => m.meta.id === 'giz')!;

// --- a raw HTTP/1.1 client ---------------------------------------------------------------------

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request on its own connection, written byte for byte as given. */
function raw(origin: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`${method} ${target}: no answer in 15 s`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    // Not socket.end(): a half-closed connection makes Node's server abort the request.
    socket.on('close', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks), method));
      } catch (error) {
        reject(new Error(`${method} ${target}: ${(error as Error).message}`));
      }
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
  });
}

function parseResponse(data: Buffer, method: string): RawResponse {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no complete response (${data.length} bytes): the connection was dropped`);
  const [statusLine, ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  let rest = data.subarray(end + 4);
  if (method === 'HEAD') rest = Buffer.alloc(0);
  else if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (!size) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    rest = Buffer.concat(parts);
  }
  return { status, headers, body: rest.toString('utf8') };
}

// --- what every answer must look like ------------------------------------------------------------

function assertSecurityHeaders(response: RawResponse, label: string): void {
  assert.match(response.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, `${label}: CSP with frame-ancestors`);
  assert.match(response.headers['content-security-policy'] ?? '', /default-src 'self'/, `${label}: CSP`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `${label}: nosniff`);
  assert.equal(response.headers['referrer-policy'], 'same-origin', `${label}: Referrer-Policy`);
  assert.equal(response.headers['x-frame-options'], 'DENY', `${label}: X-Frame-Options`);
}

/** Every string the interface can say (functions left out): the Dutch a plain-text refusal must be. */
const DUTCH_TEXTS = new Set<string>();
(function collect(node: unknown) {
  if (typeof node === 'string') DUTCH_TEXTS.add(node);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) collect(value);
})(t);

const ENGLISH = /\b(forbidden|not found|bad request|internal server|not allowed|cross-site|invalid|required|expected|error:)/i;

/** A 4xx with a body says so in Dutch: our HTML page, one of our messages, or JSON with one. */
function assertDutchRefusal(response: RawResponse, label: string): void {
  if (response.status < 400 || response.body === '') return;
  const type = response.headers['content-type'] ?? '';
  if (type.startsWith('text/html')) {
    assert.match(response.body, /<html lang="nl"/, `${label}: not our Dutch page`);
  } else if (type.startsWith('text/plain')) {
    assert.ok(DUTCH_TEXTS.has(response.body), `${label}: plain text that is not one of our Dutch messages: ${response.body.slice(0, 200)}`);
  } else if (type.startsWith('application/json')) {
    const error = (JSON.parse(response.body) as { error?: unknown }).error;
    assert.equal(typeof error, 'string', `${label}: JSON refusal without a message`);
  } else {
    assert.fail(`${label}: a ${response.status} with a body of type "${type}": ${response.body.slice(0, 200)}`);
  }
  assert.doesNotMatch(response.body.replace(/<[^>]+>/g, ' '), ENGLISH, `${label}: English in the refusal`);
  assert.doesNotMatch(response.body, /at .+\.(ts|js|mjs):\d+|node_modules|Error:/, `${label}: a stack trace`);
}

// --- the server ----------------------------------------------------------------------------------

describe('HTTP hardening', () => {
  let dir: string;
  let url: string;
  let server: RunningServer;
  let origin: string;
  let learner: string;
  let admin: string;
  let teamId: string;
  let spareUserId: string;
  let stylesheet: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-hardening-'));
    url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    // Someone the admin may delete in the method matrix without breaking the other sessions.
    const { db, client } = openDatabase({ url });
    const spare = await createUser(db, { email: 'reserve@demo.leergang.nl', name: 'Reserve Persoon', password: 'reserve-wachtwoord-2026', role: 'learner' });
    client.close();
    assert.ok(spare.ok);
    spareUserId = spare.userId;
    server = await startServer(url);
    origin = server.origin;
    learner = await logIn(origin, demo('learner').email, demo('learner').password);
    admin = await logIn(origin, demo('admin').email, demo('admin').password);
    const created = await raw(
      origin,
      'POST',
      '/team',
      { cookie: admin, origin, 'content-type': 'application/x-www-form-urlencoded' },
      'action=team&name=Hardingsteam',
    );
    assert.equal(created.status, 303, created.body.slice(0, 300));
    teamId = created.headers.location.split('/').pop()!;
    const page = await raw(origin, 'GET', '/inloggen');
    stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(page.body)![1];
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The values as they stand in the URL (percent-encoded once, as a link would carry them).
  const HOSTILE_TERUG = [
    '/%09/evil.example', // the report: a tab the browser drops, leaving //evil.example
    '/%0a/evil.example',
    '//evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%5C/evil.example',
    '/.//evil.example',
    'https://evil.example/modules',
    'https:%2F%2Fevil.example',
    'javascript:alert(1)',
    '/modules%0d%0aSet-Cookie:%20lt_sessie=gekaapt', // CR LF: a 500 before
    '/modules%0d',
    '/modules%E2%80%A8x', // U+2028: a 500 before
    '/modules%00',
    `/modules/${'a'.repeat(3000)}`,
  ];

  test('terug: a signed-in visitor is sent to /modules, never off the site (GET)', async () => {
    for (const terug of HOSTILE_TERUG) {
      const response = await raw(origin, 'GET', `/inloggen?terug=${terug}`, { cookie: learner });
      assert.equal(response.status, 302, `terug=${terug.slice(0, 60)}: ${response.status}`);
      assert.equal(response.headers.location, '/modules', `terug=${terug.slice(0, 60)}`);
      assert.equal(response.headers['set-cookie'], undefined, `terug=${terug.slice(0, 60)} set a cookie`);
    }
    // Our own paths come through, query and fragment included.
    const own = await raw(origin, 'GET', `/inloggen?terug=${encodeURIComponent('/modules/giz?x=1#les')}`, { cookie: learner });
    assert.equal(own.headers.location, '/modules/giz?x=1#les');
  });

  test('terug: after logging in (POST) the same', async () => {
    for (const terug of ['/%09/evil.example', '//evil.example', '/.//evil.example', '/modules%0d%0aX:%20y', '/modules%E2%80%A8x']) {
      const response = await raw(
        origin,
        'POST',
        `/inloggen?terug=${terug}`,
        { origin, 'content-type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ email: demo('learner').email, password: demo('learner').password }).toString(),
      );
      assert.equal(response.status, 303, `terug=${terug}: ${response.status} ${response.body.slice(0, 200)}`);
      assert.equal(response.headers.location, '/modules', `terug=${terug}`);
      assert.match(response.headers['set-cookie'] ?? '', /^lt_sessie=/, `terug=${terug}: logged in`);
    }
  });

  test('every kind of response carries CSP with frame-ancestors, nosniff and a Referrer-Policy', async () => {
    const form = { origin, 'content-type': 'application/x-www-form-urlencoded' };
    const cases: [string, number, () => Promise<RawResponse>][] = [
      ['stylesheet', 200, () => raw(origin, 'GET', stylesheet)],
      ['enhance.js', 200, () => raw(origin, 'GET', '/enhance.js')],
      ['favicon', 200, () => raw(origin, 'GET', '/favicon.svg')],
      ['favicon HEAD', 200, () => raw(origin, 'HEAD', '/favicon.svg')],
      ['/privacy', 200, () => raw(origin, 'GET', '/privacy')],
      ['/toegankelijkheid', 200, () => raw(origin, 'GET', '/toegankelijkheid')],
      ['a page', 200, () => raw(origin, 'GET', '/inloggen')],
      ['a signed-in page', 200, () => raw(origin, 'GET', '/voortgang', { cookie: learner })],
      ['redirect to sign in', 302, () => raw(origin, 'GET', '/voortgang')],
      [
        'redirect after logging in',
        303,
        () => raw(origin, 'POST', '/inloggen', form, new URLSearchParams({ email: demo('learner').email, password: demo('learner').password }).toString()),
      ],
      ['invalid form', 400, () => raw(origin, 'POST', '/inloggen', form, 'email=&password=')],
      ['undecodable URL', 400, () => raw(origin, 'GET', '/%E0%A4%A')],
      ['unknown method (Node refuses it)', 400, () => raw(origin, 'FOO', '/inloggen')],
      ['cross-site post', 403, () => raw(origin, 'POST', '/inloggen', { ...form, origin: 'https://evil.example' }, 'a=b')],
      ['role refused', 403, () => raw(origin, 'GET', '/team', { cookie: learner })],
      ['unknown page', 404, () => raw(origin, 'GET', '/bestaat-niet')],
      ['unknown static-looking file', 404, () => raw(origin, 'GET', '/_astro/bestaat-niet.css')],
      ['TRACE', 405, () => raw(origin, 'TRACE', '/inloggen')],
      ['TRACE on a static file', 405, () => raw(origin, 'TRACE', '/favicon.svg')],
      ['PUT', 405, () => raw(origin, 'PUT', '/api/antwoorden', { origin, cookie: learner, 'content-type': 'application/json' }, '{}')],
      ['CONNECT', 405, () => raw(origin, 'CONNECT', `${new URL(origin).host}`)],
    ];
    for (const [label, status, send] of cases) {
      const response = await send();
      assert.equal(response.status, status, `${label}: ${response.status} ${response.body.slice(0, 200)}`);
      assertSecurityHeaders(response, label);
      assertDutchRefusal(response, label);
    }

    // A 500: another process damages the schema under the running server (as in figures.test.ts).
    const damage = createClient({ url });
    try {
      await damage.execute('ALTER TABLE module_completions RENAME TO module_completions_weg');
      const response = await raw(origin, 'GET', '/voortgang/certificaat/giz', { cookie: learner });
      assert.equal(response.status, 500, response.body.slice(0, 300));
      assertSecurityHeaders(response, '500');
      assert.equal(response.headers['cache-control'], 'no-store', '500: no-store');
    } finally {
      await damage.execute('ALTER TABLE module_completions_weg RENAME TO module_completions');
      damage.close();
    }
  });

  test('cache: every rendered page is no-store, signed in or not; static files may be cached', async () => {
    const rendered: [string, string | undefined][] = [
      ['/inloggen', undefined],
      ['/voortgang', undefined], // the redirect to sign in
      ['/bestaat-niet', undefined],
      [`/uitnodiging/${'a'.repeat(43)}`, undefined],
      ['/team', learner], // the 403 page
    ];
    for (const route of routePatternsOnDisk()) {
      const path = samplePath(route);
      rendered.push([path, learner], [path, admin]);
    }
    for (const [path, cookie] of rendered) {
      // /privacy and /toegankelijkheid too: their header shows who is signed in (issue 18).
      const response = await raw(origin, 'GET', path, cookie ? { cookie } : {});
      assert.equal(
        response.headers['cache-control'],
        'no-store',
        `${path} ${cookie === admin ? 'as admin' : cookie ? 'as learner' : 'anonymous'}: ${response.status}, cache-control ${response.headers['cache-control']}`,
      );
    }
    assert.match((await raw(origin, 'GET', stylesheet)).headers['cache-control'] ?? '', /immutable/);
    for (const path of ['/favicon.svg', '/enhance.js']) {
      const response = await raw(origin, 'GET', path, { cookie: learner });
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(response.headers['cache-control'] ?? '', /no-store/, `${path} is the same for everyone`);
    }
  });

  test('HSTS on every response to an HTTPS request, and only then', async () => {
    const requests: [string, string, Record<string, string>][] = [
      ['GET', '/inloggen', {}],
      ['GET', '/voortgang', { cookie: learner }],
      ['GET', '/voortgang', {}],
      ['GET', '/bestaat-niet', {}],
      ['GET', '/favicon.svg', {}],
      ['GET', stylesheet, {}],
      ['GET', '/privacy', {}],
      ['TRACE', '/inloggen', {}],
      ['POST', '/inloggen', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }],
    ];
    for (const [method, path, headers] of requests) {
      const secure = await raw(origin, method, path, { ...headers, 'x-forwarded-proto': 'https' }, method === 'POST' ? 'a=b' : undefined);
      assert.equal(secure.headers['strict-transport-security'], STRICT_TRANSPORT_SECURITY, `${method} ${path} over HTTPS`);
      const plain = await raw(origin, method, path, headers, method === 'POST' ? 'a=b' : undefined);
      assert.equal(plain.headers['strict-transport-security'], undefined, `${method} ${path} over plain http`);
    }
    assert.equal(STRICT_TRANSPORT_SECURITY, 'max-age=31536000; includeSubDomains');
  });

  test('cross-site requests are refused by our guard, in Dutch: forms, JSON, no Origin, Origin null, Sec-Fetch-Site', async () => {
    const FORM = 'application/x-www-form-urlencoded';
    const JSON_TYPE = 'application/json';
    const login = new URLSearchParams({ email: demo('learner').email, password: demo('learner').password }).toString();
    const answer = JSON.stringify({
      moduleId: 'giz',
      questionId: giz.questions[0].id,
      idempotencyKey: 'kruis-aaaaaaaaaaaaaaaa',
      answer: { type: 'single', choice: 'a' },
    });
    const refused: [string, string, Record<string, string>, string][] = [
      ['form from another site', '/inloggen', { origin: 'https://evil.example', 'content-type': FORM }, login],
      ['JSON from another site', '/api/antwoorden', { origin: 'https://evil.example', 'content-type': JSON_TYPE, cookie: learner }, answer],
      ['form without Origin', '/inloggen', { 'content-type': FORM }, login],
      ['JSON without Origin', '/api/antwoorden', { 'content-type': JSON_TYPE, cookie: learner }, answer],
      ['no content type, no Origin', '/uitloggen', { cookie: learner }, ''],
      ['form with Origin: null', '/inloggen', { origin: 'null', 'content-type': FORM }, login],
      ['JSON with Origin: null', '/api/antwoorden', { origin: 'null', 'content-type': JSON_TYPE, cookie: learner }, answer],
      ['Sec-Fetch-Site cross-site', '/inloggen', { 'sec-fetch-site': 'cross-site', 'content-type': FORM }, login],
      ['Sec-Fetch-Site same-site', '/api/antwoorden', { 'sec-fetch-site': 'same-site', 'content-type': JSON_TYPE, cookie: learner }, answer],
      ['our host over https while we are http', '/inloggen', { origin: origin.replace('http:', 'https:'), 'content-type': FORM }, login],
    ];
    for (const [label, path, headers, body] of refused) {
      const response = await raw(origin, 'POST', path, headers, body);
      assert.equal(response.status, 403, `${label}: ${response.status} ${response.body.slice(0, 200)}`);
      assert.equal(response.body, t.errors.crossSite, label);
      assert.equal(response.headers['set-cookie'], undefined, `${label}: logged in anyway`);
      assertSecurityHeaders(response, label);
    }
    // The learner is still signed in: the refused logout did nothing.
    assert.equal((await raw(origin, 'GET', '/voortgang', { cookie: learner })).status, 200);
    // From our own pages it works, with Origin or (without it) Sec-Fetch-Site.
    for (const headers of [{ origin }, { 'sec-fetch-site': 'same-origin' }] as Record<string, string>[]) {
      const response = await raw(origin, 'POST', '/inloggen', { ...headers, 'content-type': FORM }, login);
      assert.equal(response.status, 303, JSON.stringify(headers));
    }
  });

  test('the image endpoint is gone: 404 for everyone', async () => {
    for (const cookie of [undefined, learner, admin]) {
      for (const path of ['/_image?href=/favicon.svg&f=png', '/_image?href=https://evil.example/x.png&w=10', '/_image']) {
        const response = await raw(origin, 'GET', path, cookie ? { cookie } : {});
        assert.equal(response.status, 404, `${path}: ${response.status}`);
        assertDutchRefusal(response, path);
      }
    }
  });

  test('every method on every route, anonymous and signed in: never a 5xx, refusals in Dutch', { timeout: 240_000 }, async () => {
    const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'TRACK', 'PROPFIND', 'MKCOL', 'FOO', 'get'];
    // The logout route last: posting to it ends the session the later requests use.
    const routes = routePatternsOnDisk().sort((a, b) => Number(a === '/uitloggen') - Number(b === '/uitloggen'));
    const failures: string[] = [];
    let sent = 0;
    const check = async (label: string, send: () => Promise<RawResponse>) => {
      sent++;
      try {
        const response = await send();
        if (!(response.status >= 200 && response.status < 500)) failures.push(`${label} → ${response.status}`);
        assertSecurityHeaders(response, label);
        assertDutchRefusal(response, label);
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
      }
    };
    for (const [who, cookie] of [
      ['anonymous', undefined],
      ['learner', learner],
      ['admin', admin],
    ] as const) {
      for (const route of routes) {
        const path = samplePath(route);
        for (const method of METHODS) {
          const headers: Record<string, string> = { origin, 'content-type': 'application/x-www-form-urlencoded' };
          if (cookie) headers.cookie = cookie;
          await check(`${method} ${path} (${who})`, () => raw(origin, method, path, headers, method === 'GET' || method === 'HEAD' ? undefined : ''));
        }
      }
      // CONNECT in both forms a client can write it.
      for (const target of [new URL(origin).host, '/inloggen']) {
        await check(`CONNECT ${target} (${who})`, () => raw(origin, 'CONNECT', target, cookie ? { cookie } : {}));
      }
    }
    console.log(`method × route requests: ${sent}`);
    assert.deepEqual(failures, []);
  });

  /** A URL for a route pattern, with parameters that exist where that matters. */
  function samplePath(route: string): string {
    const values: Record<string, string> = {
      module: 'giz',
      lesson: giz.lessons[0].id,
      question: giz.questions[0].id,
      team: teamId,
      user: spareUserId,
      token: 'a'.repeat(43),
    };
    return route.replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? 'x');
  }
});
