// Behind an HTTPS reverse proxy: with PUBLIC_URL set at build time, a login through the proxy's
// forwarded headers works and gets a Secure cookie; without it Astro's origin check refuses it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { freePort, prepareDatabase } from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'leergang-proxy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function serve(entry: string, url: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/inloggen`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;
const viaProxy = (origin: string) =>
  fetch(`${origin}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://leergang.example.nl',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'leergang.example.nl',
    },
    body: new URLSearchParams({ email: learner.email, password: learner.password }),
  });

test('PUBLIC_URL makes logins through an HTTPS proxy work, with a Secure cookie', { timeout: 180_000 }, async () => {
  const url = `file:${join(dir, 'db.db')}`;
  prepareDatabase(url);
  // Inside the project: the server bundle imports packages from node_modules.
  const outDir = join(process.cwd(), 'test-results', 'proxy-dist');
  rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync('npx', ['astro', 'build', '--silent', '--outDir', outDir], {
    env: { ...process.env, PUBLIC_URL: 'https://leergang.example.nl' },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);

  const proxied = await serve(join(outDir, 'server', 'entry.mjs'), url);
  try {
    const response = await viaProxy(proxied.origin);
    assert.equal(response.status, 303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lt_sessie='))!;
    assert.match(cookie, /; Secure/i);
    assert.match(cookie, /HttpOnly/i);
  } finally {
    proxied.stop();
  }

  // The normal build (no PUBLIC_URL) refuses the same request: it does not trust the headers.
  const plain = await serve('dist/server/entry.mjs', url);
  try {
    assert.equal((await viaProxy(plain.origin)).status, 403);
  } finally {
    plain.stop();
  }
});
