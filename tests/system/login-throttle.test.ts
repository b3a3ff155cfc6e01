// The login throttle over HTTP against the built server: parallel bursts of guesses get no more
// password checks than the policy allows, the owner gets in after the delay, a client that is not
// a trusted proxy cannot pick its own address with X-Forwarded-For (also in a build with
// PUBLIC_URL, where Astro itself believes the header), and the current-password checks of
// /account/wachtwoord and /account/gegevens are throttled the same way.
//
// Every response that is not a 429 went through argon2; that is what is counted. The server uses
// its own clock, so a burst that takes longer than a second may see the next attempt of the
// schedule: the bound is what the schedule allows within the burst's duration.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';

const [admin, trainer, learner] = (['admin', 'trainer', 'learner'] as const).map((role) => DEMO_ACCOUNTS.find((a) => a.role === role)!);

// The policy as docs/deploy.md states it (tests/unit/auth/login-throttle.test.ts holds the code to it):
// per address 30 attempts per 15 minutes; per account waits of 0, 0, 0, 1 s, 2 s, 4 s … before each attempt.
const ADDRESS_LIMIT = 30;
const accountDelayMs = (attempts: number) => (attempts < 3 ? 0 : Math.min(1000 * 2 ** (attempts - 3), 5 * 60 * 1000));

/** How many attempts at one account the schedule lets through within `ms`. */
function accountAttemptsWithin(ms: number): number {
  let at = 0;
  let attempts = 0;
  while (attempts < 100 && at + accountDelayMs(attempts) <= ms) at += accountDelayMs(attempts++);
  return attempts;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

function post(origin: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

const login = (origin: string, email: string, password: string, headers?: Record<string, string>) => post(origin, '/inloggen', { email, password }, headers);

/** Starts the server with extra settings (and optionally another build) for the duration of the call. */
async function startWith(url: string, settings: Record<string, string>): Promise<RunningServer> {
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  try {
    return await startServer(url);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('login throttle over HTTP', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-throttle-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const freshDatabase = (name: string) => {
    const url = `file:${join(dir, `${name}.db`)}`;
    prepareDatabase(url);
    return url;
  };

  describe('behind a trusted proxy (loopback, the default)', () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(freshDatabase('proxied'));
    });
    after(() => server.stop());

    test(
      '40 parallel guesses at one account from 40 addresses: only the allowed ones are checked; the owner gets in after the delay',
      { timeout: 60_000 },
      async () => {
        const { result: responses, ms } = await timed(() =>
          Promise.all(Array.from({ length: 40 }, (_, i) => login(server.origin, learner.email, `gok-${i}`, { 'x-forwarded-for': `198.51.100.${i}` }))),
        );
        const statuses = responses.map((r) => r.status);
        const checked = statuses.filter((s) => s !== 429).length;
        assert.ok(checked <= accountAttemptsWithin(ms), `${checked} passwords checked in ${Math.round(ms)} ms: ${statuses.join(',')}`);
        assert.ok(checked >= 1, 'the free attempts are not refused');
        assert.ok(
          statuses.every((s) => s === 401 || s === 429),
          statuses.join(','),
        );
        const refused = responses.find((r) => r.status === 429)!;
        assert.match(await refused.text(), /Te veel mislukte pogingen\. Probeer het over \d+ seconden? opnieuw\./);

        // The owner, from elsewhere, right password: a few seconds, not 15 minutes.
        const early = await login(server.origin, learner.email, learner.password, { 'x-forwarded-for': '192.0.2.10' });
        assert.equal(early.status, 429);
        const wait = Number(early.headers.get('retry-after'));
        assert.ok(wait >= 1 && wait <= 5, `Retry-After ${wait}`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        const owner = await login(server.origin, learner.email, learner.password, { 'x-forwarded-for': '192.0.2.10' });
        assert.equal(owner.status, 303);
      },
    );

    test('150 parallel guesses from one address at 150 accounts: at most 30 checked', { timeout: 60_000 }, async () => {
      const responses = await Promise.all(
        Array.from({ length: 150 }, (_, i) => login(server.origin, `onbekend-${i}@gemeente.nl`, 'gok', { 'x-forwarded-for': '203.0.113.7' })),
      );
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s !== 429).length, ADDRESS_LIMIT, statuses.join(','));
      // Another address is not affected.
      assert.equal((await login(server.origin, 'onbekend@gemeente.nl', 'gok', { 'x-forwarded-for': '203.0.113.8' })).status, 401);
    });

    test(
      '/account/wachtwoord: a burst of wrong current passwords gets 429 with a Dutch message; the right one works after the delay',
      { timeout: 60_000 },
      async () => {
        const cookie = await logIn(server.origin, trainer.email, trainer.password);
        const change = (current: string) =>
          post(
            server.origin,
            '/account/wachtwoord',
            { current, password: 'een-nieuw-wachtwoord-2026', passwordRepeat: 'een-nieuw-wachtwoord-2026' },
            { cookie },
          );
        const { result: responses, ms } = await timed(() => Promise.all(Array.from({ length: 40 }, (_, i) => change(`gok-${i}`))));
        const statuses = responses.map((r) => r.status);
        const checked = statuses.filter((s) => s !== 429).length;
        assert.ok(checked <= accountAttemptsWithin(ms), `${checked} checked in ${Math.round(ms)} ms: ${statuses.join(',')}`);
        assert.ok(
          statuses.every((s) => s === 400 || s === 429),
          statuses.join(','),
        );
        const refused = responses.find((r) => r.status === 429)!;
        assert.ok(Number(refused.headers.get('retry-after')) >= 1);
        assert.match(await refused.text(), /Te vaak een verkeerd wachtwoord\. Probeer het over \d+ seconden? opnieuw\./);
        // The same counter guards the login of this account.
        assert.equal((await login(server.origin, trainer.email, trainer.password, { 'x-forwarded-for': '192.0.2.11' })).status, 429);

        const early = await change(trainer.password);
        assert.equal(early.status, 429);
        await new Promise((resolve) => setTimeout(resolve, Number(early.headers.get('retry-after')) * 1000));
        assert.equal((await change(trainer.password)).status, 303);
      },
    );

    test('/account/gegevens: a burst of wrong passwords for deleting the account gets 429 and deletes nothing', { timeout: 60_000 }, async () => {
      const cookie = await logIn(server.origin, admin.email, admin.password);
      const { result: responses, ms } = await timed(() =>
        Promise.all(Array.from({ length: 40 }, (_, i) => post(server.origin, '/account/gegevens', { email: admin.email, password: `gok-${i}` }, { cookie }))),
      );
      const statuses = responses.map((r) => r.status);
      const checked = statuses.filter((s) => s !== 429).length;
      assert.ok(checked <= accountAttemptsWithin(ms), `${checked} checked in ${Math.round(ms)} ms: ${statuses.join(',')}`);
      assert.ok(
        statuses.every((s) => s === 400 || s === 429),
        statuses.join(','),
      );
      const refused = responses.find((r) => r.status === 429)!;
      assert.match(await refused.text(), /Te vaak een verkeerd wachtwoord\. Je account is niet verwijderd\. Probeer het over \d+ seconden? opnieuw\./);
      const page = await fetch(`${server.origin}/account/gegevens`, { headers: { cookie }, redirect: 'manual' });
      assert.equal(page.status, 200, 'still signed in: the account exists');
    });

    test('X-Forwarded-For names the client only because loopback is a trusted proxy here', { timeout: 60_000 }, async () => {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(server.origin, `ander-${i}@gemeente.nl`, 'gok', { 'x-forwarded-for': `6.6.6.6, 198.51.102.${i}` })),
      );
      assert.equal(responses.filter((r) => r.status === 429).length, 0, 'forty different clients, each in their own bucket');
    });
  });

  test('a client that is not a trusted proxy stays in one bucket, whatever X-Forwarded-For it sends, also with PUBLIC_URL', { timeout: 180_000 }, async () => {
    // With PUBLIC_URL, Astro itself takes the first X-Forwarded-For entry as the client address
    // from anyone who names the public host; the app must not. Inside the project: the server
    // bundle imports packages from node_modules.
    const outDir = join(process.cwd(), 'test-results', 'login-throttle-dist');
    rmSync(outDir, { recursive: true, force: true });
    const build = spawnSync('npx', ['astro', 'build', '--silent', '--outDir', outDir], {
      env: { ...process.env, PUBLIC_URL: 'https://leergang.example.nl' },
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
    const server = await startWith(freshDatabase('public-url'), { TRUSTED_PROXIES: '192.0.2.1', LEERGANG_DIST: outDir });
    try {
      const viaPublicHost = { origin: 'https://leergang.example.nl', 'x-forwarded-host': 'leergang.example.nl', 'x-forwarded-proto': 'https' };
      // These headers pass Astro's checks (so the requests below are not refused for another reason).
      assert.equal((await login(server.origin, learner.email, learner.password, viaPublicHost)).status, 303);
      // Forty guesses at forty accounts, each naming another client; half of them via the public host.
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(server.origin, `ander-${i}@gemeente.nl`, 'gok', { ...(i % 2 === 0 ? viaPublicHost : {}), 'x-forwarded-for': `198.51.100.${i}` }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s !== 429).length, ADDRESS_LIMIT, statuses.join(','));
    } finally {
      await server.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
