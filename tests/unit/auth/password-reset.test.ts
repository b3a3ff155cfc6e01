// Password reset links against a real database: one hour, one use (also in a parallel burst),
// every session ended, every other open link of the account voided, audit entries, deactivated
// accounts refused, and who may make a link for whom.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditLog, sessions } from '../../../db/schema.ts';
import { attemptLogin } from '../../../src/lib/auth/login.ts';
import { createPasswordReset, findPasswordReset, mayCreateResetFor, PASSWORD_RESET_LIFETIME_MS, resetPassword } from '../../../src/lib/auth/password-reset.ts';
import { createSession, generateSessionToken } from '../../../src/lib/auth/session.ts';
import { createUser, findUserByEmail } from '../../../src/lib/auth/user.ts';
import { deactivateAccount } from '../../../src/lib/auth/manage-account.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('password reset links', () => {
  let t: TempDb;
  let n = 0;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());
  const newUser = async () => {
    const email = `herstel-${++n}@gemeente.nl`;
    const created = await createUser(t.db, { email, name: `Persoon ${n}`, password: 'oud-wachtwoord-1', role: 'learner' });
    assert.ok(created.ok);
    return { email, userId: created.userId };
  };

  test('works within the hour, not after', async () => {
    const { userId } = await newUser();
    const now = Date.parse('2026-12-02T09:00:00Z');
    const { token, expiresAt } = await createPasswordReset(t.db, { userId }, now);
    assert.equal(expiresAt, now + PASSWORD_RESET_LIFETIME_MS);
    assert.equal((await findPasswordReset(t.db, token, expiresAt - 1)).ok, true);
    assert.deepEqual(await findPasswordReset(t.db, token, expiresAt), { ok: false, reason: 'expired' });
    assert.deepEqual(await resetPassword(t.db, { token, password: 'nieuw-wachtwoord-2' }, expiresAt + 1), { ok: false, reason: 'expired' });
    assert.deepEqual(await findPasswordReset(t.db, 'niet-een-token', now), { ok: false, reason: 'unknown' });
  });

  test('sets the password once, ends every session, voids the other links, and is audited', async () => {
    const { email, userId } = await newUser();
    const now = Date.now();
    await createSession(t.db, generateSessionToken(), userId, now);
    await createSession(t.db, generateSessionToken(), userId, now);
    const first = await createPasswordReset(t.db, { userId, createdBy: 'opleider-1' }, now);
    const second = await createPasswordReset(t.db, { userId }, now);
    assert.deepEqual(await resetPassword(t.db, { token: first.token, password: 'nieuw-wachtwoord-2' }, now + 1000), { ok: true, userId });
    assert.equal((await t.db.select().from(sessions)).filter((s) => s.userId === userId).length, 0, 'every session ended');
    assert.deepEqual(await resetPassword(t.db, { token: first.token, password: 'nog-een-wachtwoord-3' }, now + 2000), { ok: false, reason: 'used' });
    assert.deepEqual(await findPasswordReset(t.db, second.token, now + 2000), { ok: false, reason: 'used' }, 'the other open link is void');
    assert.equal((await attemptLogin(t.db, { email, password: 'nieuw-wachtwoord-2', ip: '192.0.2.1' })).ok, true);
    assert.equal((await attemptLogin(t.db, { email, password: 'oud-wachtwoord-1', ip: '192.0.2.1' })).ok, false);
    const audit = (await t.db.select().from(auditLog)).filter((a) => a.subjectId === userId).map((a) => [a.action, a.actorId]);
    assert.deepEqual(audit, [
      ['herstellink-gemaakt', 'opleider-1'],
      ['herstellink-gemaakt', null],
      ['wachtwoord-hersteld', null],
    ]);
  });

  test('ten uses of one link at once: one sets the password', async () => {
    const { email, userId } = await newUser();
    const { token } = await createPasswordReset(t.db, { userId });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => resetPassword(t.db, { token, password: `wachtwoord-nummer-${i}` })));
    const winners = results.map((r, i) => (r.ok ? i : -1)).filter((i) => i >= 0);
    assert.equal(winners.length, 1, JSON.stringify(results));
    assert.equal((await attemptLogin(t.db, { email, password: `wachtwoord-nummer-${winners[0]}`, ip: '192.0.2.2' })).ok, true);
    assert.equal((await t.db.select().from(auditLog)).filter((a) => a.subjectId === userId && a.action === 'wachtwoord-hersteld').length, 1);
  });

  test('a deactivated account cannot use a link', async () => {
    const { email, userId } = await newUser();
    const { token } = await createPasswordReset(t.db, { userId });
    assert.ok((await deactivateAccount(t.db, { actorId: null, userId: (await findUserByEmail(t.db, email))!.id })).ok);
    assert.deepEqual(await resetPassword(t.db, { token, password: 'nieuw-wachtwoord-2' }), { ok: false, reason: 'unknown' });
  });

  test('who may make a link: admins for others, trainers only for learners of their team', () => {
    const admin = { id: 'a', role: 'admin' };
    const trainer = { id: 't', role: 'trainer' };
    assert.equal(mayCreateResetFor(admin, { id: 'x', role: 'trainer' }, false), true);
    assert.equal(mayCreateResetFor(admin, admin, false), false, 'not for yourself: use the password page');
    assert.equal(mayCreateResetFor(trainer, { id: 'l', role: 'learner' }, true), true);
    assert.equal(mayCreateResetFor(trainer, { id: 'l', role: 'learner' }, false), false);
    assert.equal(mayCreateResetFor(trainer, { id: 't2', role: 'trainer' }, true), false);
    assert.equal(mayCreateResetFor(trainer, { id: 'a', role: 'admin' }, true), false);
    assert.equal(mayCreateResetFor({ id: 'l', role: 'learner' }, { id: 'l2', role: 'learner' }, true), false);
  });
});
