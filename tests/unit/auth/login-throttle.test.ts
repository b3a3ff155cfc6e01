// The login throttle under parallel bursts, against a real libSQL file: at most as many passwords
// are verified as the policy allows, however many guesses arrive at once, and the owner of an
// attacked account gets in after the delay instead of being locked out.
//
// Verifications are counted twice: the argon2 runs themselves (password.ts announces each one on a
// diagnostics channel), and the results that are not `throttled`. Both must stay within the policy:
// a guess that was checked and only refused afterwards would pass the second count, not the first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connectDatabase, openDatabase } from '../../../db/client.ts';
import { applyMigrations } from '../../../db/migrate.ts';
import { startSqld, type SqldServer } from '../../../scripts/scale/processes.ts';
import { sqldForTests } from '../../../scripts/scale/sqld-binary.ts';
import { confirmPassword } from '../../../src/lib/auth/confirm-password.ts';
import { attemptLogin, type LoginResult } from '../../../src/lib/auth/login.ts';
import { passwordVerifications } from '../../../src/lib/auth/password.ts';
import { accountDelayMs, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, takeAccountAttempt, takeAddressAttempt } from '../../../src/lib/auth/rate-limit.ts';
import { createUser, findUserByEmail } from '../../../src/lib/auth/user.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const PASSWORD = 'het-juiste-wachtwoord-1';
const verified = (results: { ok: boolean; reason?: string }[]) => results.filter((r) => r.ok || r.reason !== 'throttled').length;

/** All of `attempts` at once; the results, and how many argon2 verifications they caused. */
async function burst<T extends { ok: boolean; reason?: string }>(attempts: (() => Promise<T>)[]): Promise<{ results: T[]; argon2: number }> {
  let argon2 = 0;
  const count = () => argon2++;
  passwordVerifications.subscribe(count);
  try {
    const results = await Promise.all(attempts.map((attempt) => attempt()));
    assert.equal(verified(results), argon2, 'every verified guess got an answer, every other one was refused unverified');
    return { results, argon2 };
  } finally {
    passwordVerifications.unsubscribe(count);
  }
}
const throttled = (result: LoginResult) =>
  !result.ok && result.reason === 'throttled' ? result : assert.fail(`expected throttled, got ${JSON.stringify(result)}`);

describe('login throttle under parallel bursts', () => {
  let t: TempDb;
  let account = 0;
  /** A fresh account per test, so that tests do not share a counter. */
  const newAccount = async () => {
    const email = `doelwit-${++account}@gemeente.nl`;
    await createUser(t.db, { email, name: 'Doelwit', password: PASSWORD, role: 'learner' });
    return email;
  };
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  test('the policy: 0, 0, 0, 1 s, 2 s, 4 s … before each attempt, at most 5 minutes', () => {
    const waits = Array.from({ length: 14 }, (_, n) => accountDelayMs(LOGIN_PER_ACCOUNT, n));
    assert.deepEqual(waits.slice(0, 6), [0, 0, 0, 1000, 2000, 4000]);
    assert.equal(Math.max(...waits), 5 * 60 * 1000);
    assert.deepEqual(LOGIN_PER_IP, { limit: 30, windowMs: 15 * 60 * 1000 });
  });

  test('40 parallel guesses at one account from 40 addresses: 3 verified, the right password among the rest does not get in', async () => {
    const email = await newAccount();
    const now = Date.now();
    const { results, argon2 } = await burst(
      Array.from({ length: 40 }, (_, i) => () => attemptLogin(t.db, { email, password: i === 39 ? PASSWORD : `gok-${i}`, ip: `198.51.100.${i}` }, now)),
    );
    assert.equal(argon2, LOGIN_PER_ACCOUNT.freeAttempts);
    assert.equal(results.filter((r) => r.ok).length, 0, 'the 40th guess (the right one) must have been refused unverified');
  });

  test('150 parallel guesses from one address at 150 accounts: at most 30 verified', async () => {
    const now = Date.now();
    const { results, argon2 } = await burst(
      Array.from({ length: 150 }, (_, i) => () => attemptLogin(t.db, { email: `onbekend-${i}@gemeente.nl`, password: 'gok', ip: '203.0.113.7' }, now)),
    );
    assert.equal(argon2, LOGIN_PER_IP.limit);
    assert.ok(
      results.every((r) => r.ok || r.reason !== 'throttled' || r.retryAfterMs > 14 * 60 * 1000),
      'the address waits out its window',
    );
  });

  test('150 parallel guesses from one address at one account: 3 verified', async () => {
    const email = await newAccount();
    const now = Date.now();
    const { argon2 } = await burst(Array.from({ length: 150 }, (_, i) => () => attemptLogin(t.db, { email, password: `gok-${i}`, ip: '203.0.113.8' }, now)));
    assert.equal(argon2, LOGIN_PER_ACCOUNT.freeAttempts);
  });

  test('after an attack the owner gets in once the delay has passed, not after 15 minutes', async () => {
    const email = await newAccount();
    const now = Date.now();
    assert.equal(
      (await burst(Array.from({ length: 40 }, (_, i) => () => attemptLogin(t.db, { email, password: `gok-${i}`, ip: `198.51.100.${i}` }, now)))).argon2,
      3,
    );
    const early = throttled(await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.10' }, now + 10));
    assert.equal(early.retryAfterMs, 990, 'one second after the last counted guess');
    assert.deepEqual(await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.10' }, now + 1000), {
      ok: true,
      userId: (await findUserByEmail(t.db, email))!.id,
    });
    // A success starts the account afresh: a typo right after costs nothing.
    const typo = await attemptLogin(t.db, { email, password: 'tikfout', ip: '192.0.2.10' }, now + 1001);
    assert.deepEqual(typo, { ok: false, reason: 'invalid-credentials' });
  });

  test('refused guesses do not make the delay grow; counted ones double it up to 5 minutes', async () => {
    const email = await newAccount();
    let now = Date.now();
    for (let i = 0; i < 3; i++) await attemptLogin(t.db, { email, password: 'gok', ip: '198.51.100.1' }, now);
    const waits: number[] = [];
    for (let round = 0; round < 12; round++) {
      // Twenty refused guesses in between: the wait stays what it was.
      const { results: refused, argon2 } = await burst(
        Array.from({ length: 20 }, (_, i) => () => attemptLogin(t.db, { email, password: 'gok', ip: `198.51.101.${i}` }, now)),
      );
      assert.equal(argon2, 0);
      const waitsNow = new Set(refused.map((r) => throttled(r).retryAfterMs));
      assert.equal(waitsNow.size, 1);
      const [wait] = waitsNow;
      waits.push(wait);
      now += wait;
      assert.deepEqual(await attemptLogin(t.db, { email, password: 'gok', ip: '198.51.100.1' }, now), { ok: false, reason: 'invalid-credentials' });
    }
    assert.deepEqual(
      waits.map((w) => w / 1000),
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300],
    );
    // The owner, at the end of that: in after at most 5 minutes.
    assert.equal(throttled(await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.11' }, now)).retryAfterMs, 5 * 60 * 1000);
    assert.equal((await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.11' }, now + 5 * 60 * 1000)).ok, true);
  });

  test('a day without attempts and the account starts from zero', async () => {
    const email = await newAccount();
    const now = Date.now();
    for (let i = 0; i < 4; i++) await attemptLogin(t.db, { email, password: 'gok', ip: '198.51.100.2' }, now + i * 1000);
    const dayLater = now + 24 * 60 * 60 * 1000 + 10_000;
    assert.equal((await burst(Array.from({ length: 10 }, () => () => attemptLogin(t.db, { email, password: 'gok', ip: '198.51.100.3' }, dayLater)))).argon2, 3);
  });

  test('an address over its limit does not move an account on', async () => {
    const email = await newAccount();
    const now = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => attemptLogin(t.db, { email: `vul-${i}@gemeente.nl`, password: 'gok', ip: '203.0.113.9' }, now)));
    assert.equal((await burst(Array.from({ length: 10 }, () => () => attemptLogin(t.db, { email, password: 'gok', ip: '203.0.113.9' }, now)))).argon2, 0);
    assert.equal((await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.12' }, now)).ok, true, 'the owner has all free attempts left');
  });

  test('successful logins do not use up the address: 40 colleagues behind one office address, ten at a time', async () => {
    const emails = await Promise.all(Array.from({ length: 40 }, () => newAccount()));
    const now = Date.now();
    let inside = 0;
    for (let group = 0; group < 4; group++) {
      const results = await Promise.all(
        emails.slice(group * 10, group * 10 + 10).map((email) => attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.50' }, now)),
      );
      inside += results.filter((r) => r.ok).length;
    }
    assert.equal(inside, 40);
  });

  test('IPv6: one /64 is one address', async () => {
    const now = Date.now();
    const { argon2 } = await burst(
      Array.from(
        { length: 40 },
        (_, i) => () => attemptLogin(t.db, { email: `v6-${i}@gemeente.nl`, password: 'gok', ip: `2001:db8:1:2::${(i + 1).toString(16)}` }, now),
      ),
    );
    assert.equal(argon2, LOGIN_PER_IP.limit);
  });

  test('the current-password check shares the account counter and holds under a burst', async () => {
    const email = await newAccount();
    const user = (await findUserByEmail(t.db, email))!;
    const now = Date.now();
    const { results: checks, argon2 } = await burst(
      Array.from({ length: 40 }, (_, i) => () => confirmPassword(t.db, user, i === 39 ? PASSWORD : `gok-${i}`, now)),
    );
    assert.equal(argon2, LOGIN_PER_ACCOUNT.freeAttempts);
    assert.equal(checks.filter((c) => c.ok).length, 0);
    // The same account's login waits too: one counter for guessing this password.
    throttled(await attemptLogin(t.db, { email, password: PASSWORD, ip: '192.0.2.13' }, now));
    const late = await confirmPassword(t.db, user, PASSWORD, now + 1000);
    assert.deepEqual(late, { ok: true });
  });

  test('the SQL schedule is the one accountDelayMs describes', async () => {
    const key = 'schema-controle';
    let now = 1_000_000;
    for (let attempts = 0; attempts < 14; attempts++) {
      const wait = accountDelayMs(LOGIN_PER_ACCOUNT, attempts);
      if (wait > 0) assert.equal((await takeAccountAttempt(t.db, key, LOGIN_PER_ACCOUNT, now + wait - 1)).allowed, false, `attempt ${attempts + 1} 1 ms early`);
      now += wait;
      assert.equal((await takeAccountAttempt(t.db, key, LOGIN_PER_ACCOUNT, now)).allowed, true, `attempt ${attempts + 1} on time`);
    }
  });
});

// Several app instances on one libSQL server: the counting statement runs on the server, so a
// burst spread over the instances (over http://, ws:// and an embedded replica) is counted once.
const { path: sqld, skip: withoutSqld } = sqldForTests();

describe('the same counters on a libSQL server, shared by instances', { skip: withoutSqld }, () => {
  let dir: string;
  let server: SqldServer;
  let instances: Awaited<ReturnType<typeof connectDatabase>>[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-throttle-sqld-'));
    server = await startSqld(sqld!, join(dir, 'sqld'));
    const setup = openDatabase({ url: server.url });
    await applyMigrations(setup.db);
    setup.client.close();
    instances = [
      openDatabase({ url: server.url }),
      openDatabase({ url: server.url.replace(/^http/, 'ws') }),
      await connectDatabase({ url: server.url, replicaPath: join(dir, 'replica.db'), syncIntervalSeconds: 600 }),
    ];
  });
  after(async () => {
    for (const instance of instances ?? []) instance.client.close();
    await server?.child.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('40 parallel attempts at one account over three instances: 3 go ahead', async () => {
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => takeAccountAttempt(instances[i % 3].db, 'login:account:gedeeld@gemeente.nl', LOGIN_PER_ACCOUNT, now)),
    );
    assert.equal(results.filter((r) => r.allowed).length, LOGIN_PER_ACCOUNT.freeAttempts);
    assert.ok(
      results.every((r) => r.allowed || r.retryAfterMs === 1000),
      'the refused ones wait for the 4th attempt',
    );
  });

  test('150 parallel attempts from one address over three instances: 30 go ahead', async () => {
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => takeAddressAttempt(instances[i % 3].db, 'login:ip:203.0.113.7', LOGIN_PER_IP, now)),
    );
    assert.equal(results.filter((r) => r.allowed).length, LOGIN_PER_IP.limit);
  });
});
