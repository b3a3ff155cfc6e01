// Personal data that is kept by e-mail address rather than by account (invitations, the login
// throttle) and data that has outlived its use (expired sessions, passed counters, old
// invitations): gone after an account deletion or after pruning, from the queries and from the
// bytes of the database file and its WAL.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { auditLog, invitations, passwordResets, rateLimits, sessions, users, ssoLogins } from '../../../db/schema.ts';
import { createInvitation } from '../../../src/lib/auth/invitation.ts';
import { acceptInvitation } from '../../../src/lib/teams/accept-invitation.ts';
import { attemptLogin } from '../../../src/lib/auth/login.ts';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP } from '../../../src/lib/auth/rate-limit.ts';
import { createSession, generateSessionToken } from '../../../src/lib/auth/session.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { deleteAccount } from '../../../src/lib/privacy/delete-account.ts';
import { createPruneSchedule, PRUNE_EVERY_MS, PRUNE_RETRY_MS } from '../../../src/lib/privacy/retention-schedule.ts';
import { INVITATION_KEPT_DAYS, pruneExpiredData } from '../../../src/lib/privacy/retention.ts';
import { saveReflection } from '../../../src/lib/progress/reflections.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Where the raw bytes of the database live: the file and its write-ahead log. */
function rawBytes(t: TempDb): { db: Buffer; wal: Buffer } {
  const file = t.url.slice('file:'.length);
  return { db: readFileSync(file), wal: existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0) };
}

function filesHolding(t: TempDb, text: string): string[] {
  const { db, wal } = rawBytes(t);
  const needle = Buffer.from(text, 'utf8');
  return [db.includes(needle) ? '.db' : '', wal.includes(needle) ? '-wal' : ''].filter(Boolean);
}

describe('deleting an account also removes what is kept by e-mail address', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  test('invitations (address and name) and the login counter for the address go with the account; others stay', async () => {
    const invited = await createInvitation(t.db, { email: 'Ilse.Uitgenodigd@Gemeente.nl', name: 'Ilse Uitgenodigd', role: 'learner' });
    assert.ok(invited.ok);
    const accepted = await acceptInvitation(t.db, { token: invited.token, name: 'Ilse Uitgenodigd', password: 'lang-genoeg-1' });
    assert.ok(accepted.ok);
    // A team invitation still waiting for her (same table, by address).
    await t.db.insert(invitations).values({ id: 'open-team-invitation', email: 'ilse.uitgenodigd@gemeente.nl', role: 'learner', expiresAt: Date.now() + DAY });
    // Someone else's invitation and counters must survive.
    const other = await createInvitation(t.db, { email: 'ander@gemeente.nl', name: 'Ander', role: 'learner' });
    assert.ok(other.ok);
    assert.deepEqual(await attemptLogin(t.db, { email: ' ILSE.uitgenodigd@gemeente.nl', password: 'fout-wachtwoord', ip: '192.0.2.7' }), {
      ok: false,
      reason: 'invalid-credentials',
    });
    await attemptLogin(t.db, { email: 'ander@gemeente.nl', password: 'fout-wachtwoord', ip: '192.0.2.8' });
    assert.equal(
      (await t.db.select().from(invitations)).filter((i) => i.email === 'ilse.uitgenodigd@gemeente.nl').length,
      2,
      'set-up: two invitations for Ilse',
    );
    assert.ok(
      (await t.db.select().from(rateLimits)).some((r) => r.key === 'login:account:ilse.uitgenodigd@gemeente.nl'),
      'set-up: a counter for her address',
    );

    assert.equal(await deleteAccount(t.db, { userId: accepted.userId, actorId: accepted.userId }), true);

    const leftInvitations = await t.db.select().from(invitations);
    assert.deepEqual(
      leftInvitations.map((i) => i.email),
      ['ander@gemeente.nl'],
    );
    const leftCounters = (await t.db.select().from(rateLimits)).map((r) => r.key).sort();
    assert.deepEqual(
      leftCounters,
      ['login:account:ander@gemeente.nl', 'login:ip:192.0.2.7', 'login:ip:192.0.2.8'],
      'IP counters have no owner: pruning removes them',
    );
    const log = await t.db.select().from(auditLog);
    assert.equal(log.length, 1);
    assert.equal(log[0].action, 'account-verwijderd');
    assert.ok(!/ilse|uitgenodigd/i.test(JSON.stringify(log)), 'the audit log keeps the fact, not the address or the name');
  });

  test('the address, the name and a reflection are gone from the bytes of the .db and -wal files', async () => {
    const email = 'wis-mij-k7q2zx@gemeente.nl';
    const name = 'Naam-Om-Te-Wissen-J4R8';
    const reflection = 'Reflectie-die-weg-moet-P9W3V-'.repeat(3);
    const created = await createUser(t.db, { email, name, password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    await t.db.insert(invitations).values({ id: 'bytes-invitation', email, name, role: 'learner', expiresAt: Date.now() + DAY, usedAt: Date.now() });
    await attemptLogin(t.db, { email, password: 'fout-wachtwoord', ip: '198.51.100.9' });
    await saveReflection(t.db, { userId: created.userId, moduleId: 'voorbeeld', reflectionId: 'r1', body: `eerste versie ${reflection}` });
    await saveReflection(t.db, { userId: created.userId, moduleId: 'voorbeeld', reflectionId: 'r1', body: reflection });
    await createSession(t.db, generateSessionToken(), created.userId);
    // Some of it in the file itself, as after a checkpoint, and the rest only in the WAL.
    await t.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    await saveReflection(t.db, { userId: created.userId, moduleId: 'voorbeeld', reflectionId: 'r2', body: `tweede ${reflection}` });
    for (const text of [email, name, reflection]) assert.notDeepEqual(filesHolding(t, text), [], `set-up: "${text}" is in the files before deletion`);

    assert.equal(await deleteAccount(t.db, { userId: created.userId, actorId: 'beheerder' }), true);

    for (const text of [email, name, reflection]) assert.deepEqual(filesHolding(t, text), [], `"${text}" is still readable in the database files`);
    assert.equal(
      (await t.db.select().from(users)).some((u) => u.email === email),
      false,
    );
  });
});

describe('pruning on a schedule', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  test('removes expired sessions, passed login counters and invitations used or expired longer than the stated period ago', async () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const user = await createUser(t.db, { email: 'blijft@gemeente.nl', name: 'Blijft', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(user.ok);
    await t.db.insert(sessions).values([
      { id: 'verlopen', userId: user.userId, expiresAt: now - 1 },
      { id: 'precies-verlopen', userId: user.userId, expiresAt: now },
      { id: 'geldig', userId: user.userId, expiresAt: now + 1 },
    ]);
    // An address counts within its window; an account's delay is remembered until forgotten.
    const addressWindow = LOGIN_PER_IP.windowMs;
    const accountMemory = LOGIN_PER_ACCOUNT.forgetAfterMs;
    await t.db.insert(rateLimits).values([
      { key: 'login:account:geprobeerd-zonder-account@gemeente.nl', count: 3, windowStart: now - accountMemory },
      { key: 'login:account:nog-onthouden@gemeente.nl', count: 5, windowStart: now - accountMemory + 1 },
      { key: 'login:ip:203.0.113.5', count: 1, windowStart: now - addressWindow },
      { key: 'login:ip:203.0.113.6', count: 2, windowStart: now - addressWindow + 1 },
    ]);
    const kept = INVITATION_KEPT_DAYS * DAY;
    const invitation = (id: string, fields: { expiresAt: number; usedAt?: number }) => ({
      id,
      email: `${id}@gemeente.nl`,
      name: `Naam ${id}`,
      role: 'learner' as const,
      ...fields,
    });
    await t.db
      .insert(invitations)
      .values([
        invitation('open', { expiresAt: now + DAY }),
        invitation('net-verlopen', { expiresAt: now - kept + 1 }),
        invitation('lang-verlopen', { expiresAt: now - kept }),
        invitation('net-gebruikt', { expiresAt: now + DAY, usedAt: now - kept + 1 }),
        invitation('lang-gebruikt', { expiresAt: now - kept + DAY, usedAt: now - kept }),
      ]);

    await t.db.insert(passwordResets).values([
      { id: 'herstel-open', userId: user.userId, expiresAt: now + 1, createdAt: now - 1 },
      { id: 'herstel-net-verlopen', userId: user.userId, expiresAt: now - DAY + 1, createdAt: now - DAY - 1 },
      { id: 'herstel-oud', userId: user.userId, expiresAt: now - DAY, usedAt: now - DAY - 5, createdAt: now - DAY - 10 },
    ]);

    await t.db.insert(ssoLogins).values([
      { id: 'sso-verlopen', nonce: 'n1', codeVerifier: 'v1', expiresAt: now, createdAt: now - 600_000 },
      { id: 'sso-loopt', nonce: 'n2', codeVerifier: 'v2', expiresAt: now + 1, createdAt: now - 599_999 },
    ]);

    assert.deepEqual(await pruneExpiredData(t.db, now), { sessions: 2, rateLimits: 2, invitations: 2, passwordResets: 1, ssoLogins: 1 });
    assert.deepEqual(
      (await t.db.select().from(ssoLogins)).map((r) => r.id),
      ['sso-loopt'],
    );
    assert.deepEqual((await t.db.select().from(passwordResets)).map((r) => r.id).sort(), ['herstel-net-verlopen', 'herstel-open']);

    assert.deepEqual(
      (await t.db.select().from(sessions)).map((s) => s.id),
      ['geldig'],
    );
    assert.deepEqual((await t.db.select().from(rateLimits)).map((r) => r.key).sort(), ['login:account:nog-onthouden@gemeente.nl', 'login:ip:203.0.113.6']);
    assert.deepEqual((await t.db.select().from(invitations)).map((i) => i.id).sort(), ['net-gebruikt', 'net-verlopen', 'open']);
    for (const gone of ['geprobeerd-zonder-account@gemeente.nl', '203.0.113.5', 'lang-verlopen@gemeente.nl', 'Naam lang-gebruikt']) {
      assert.deepEqual(filesHolding(t, gone), [], `"${gone}" is still readable in the database files after pruning`);
    }
    assert.deepEqual(
      await pruneExpiredData(t.db, now),
      { sessions: 0, rateLimits: 0, invitations: 0, passwordResets: 0, ssoLogins: 0 },
      'a second run finds nothing',
    );
  });

  test('runs on the first request, then at most once a day; after a failure again an hour later', async () => {
    const runs: number[] = [];
    let fail = false;
    const logged: string[] = [];
    const pruneWhenDue = createPruneSchedule(
      async (now) => {
        runs.push(now);
        if (fail) throw new Error('database is locked');
      },
      (m) => logged.push(m),
    );
    const start = 1_000_000;

    await pruneWhenDue(start);
    assert.equal(pruneWhenDue(start + 1), undefined);
    assert.equal(pruneWhenDue(start + PRUNE_EVERY_MS - 1), undefined);
    await pruneWhenDue(start + PRUNE_EVERY_MS);
    assert.deepEqual(runs, [start, start + PRUNE_EVERY_MS]);

    fail = true;
    const failedAt = start + 2 * PRUNE_EVERY_MS;
    await pruneWhenDue(failedAt);
    assert.match(logged[0], /Opschonen .* mislukt.*database is locked/);
    assert.equal(pruneWhenDue(failedAt + PRUNE_RETRY_MS - 1), undefined, 'not again on every request');
    fail = false;
    await pruneWhenDue(failedAt + PRUNE_RETRY_MS);
    assert.equal(runs.length, 4);
  });

  test('requests that arrive while a run is busy do not start another', async () => {
    let release = () => {};
    let runs = 0;
    const pruneWhenDue = createPruneSchedule(() => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const first = pruneWhenDue(0);
    assert.ok(first);
    assert.equal(pruneWhenDue(PRUNE_EVERY_MS * 5), undefined);
    release();
    await first;
    assert.equal(runs, 1);
  });
});
