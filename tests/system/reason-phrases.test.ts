// Issue 18 against the built server: a refused login answered "HTTP/1.1 401 OK". Every 4xx and
// 5xx the site answers (Astro's pages, the role guard, our own refusals, Node's parser) carries the
// reason phrase of its status, read from the raw status line. Needs `astro build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, STATUS_CODES } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';

const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;

function send(origin: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; phrase: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, phrase: res.statusMessage ?? '' }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('reason phrases on the built server', () => {
  let dir: string;
  let server: RunningServer;
  let cookie: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-reason-'));
    const url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    server = await startServer(url);
    cookie = await logIn(server.origin, learner.email, learner.password);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each refusal says its own status, not "OK"', async () => {
    const { origin } = server;
    const form = { origin, 'content-type': 'application/x-www-form-urlencoded' };
    const cases: [string, number, () => ReturnType<typeof send>][] = [
      [
        'wrong password',
        401,
        () => send(origin, 'POST', '/inloggen', form, new URLSearchParams({ email: learner.email, password: 'niet-het-wachtwoord' }).toString()),
      ],
      ['invalid form', 400, () => send(origin, 'POST', '/inloggen', form, 'email=&password=')],
      ['API without a session', 401, () => send(origin, 'GET', '/api/antwoorden')],
      ['role refused', 403, () => send(origin, 'GET', '/team', { cookie })],
      ['cross-site post', 403, () => send(origin, 'POST', '/inloggen', { ...form, origin: 'https://evil.example' }, 'a=b')],
      ['unknown page', 404, () => send(origin, 'GET', '/bestaat-niet')],
      ['unknown invitation', 404, () => send(origin, 'GET', `/uitnodiging/${'a'.repeat(43)}`)],
      ['certificate not earned', 404, () => send(origin, 'GET', '/voortgang/certificaat/giz', { cookie })],
      ['TRACE', 405, () => send(origin, 'TRACE', '/inloggen')],
      ['a page', 200, () => send(origin, 'GET', '/inloggen')],
    ];
    const wrong: string[] = [];
    for (const [label, status, run] of cases) {
      const answer = await run();
      assert.equal(answer.status, status, label);
      if (answer.phrase !== STATUS_CODES[status]) wrong.push(`${label}: ${answer.status} ${answer.phrase}`);
    }
    assert.deepEqual(wrong, []);
  });
});
