import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema.ts';
import {
  createSession,
  generateSessionToken,
  hashToken,
  invalidateSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from '../../../src/lib/auth/session.ts';
import { changePassword, createUser, findUserByEmail } from '../../../src/lib/auth/user.ts';
import { deactivateAccount } from '../../../src/lib/auth/manage-account.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('sessions', () => {
  let t: TempDb;
  let userId: string;
  before(async () => {
    t = await createTempDb();
    const created = await createUser(t.db, { email: 'Anna@Gemeente.nl', name: 'Anna', password: 'een-lang-wachtwoord', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
  });
  after(() => t.cleanup());

  test('stores only the hash of the token', async () => {
    const token = generateSessionToken();
    const session = await createSession(t.db, token, userId);
    assert.equal(session.id, hashToken(token));
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, userId));
    assert.ok(rows.every((r) => r.id !== token));
  });

  test('validates a fresh token and returns the user', async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, userId);
    const result = await validateSessionToken(t.db, token);
    assert.equal(result.user?.email, 'anna@gemeente.nl');
    assert.equal(result.renewed, false);
  });

  test('refuses forged and malformed tokens', async () => {
    assert.equal((await validateSessionToken(t.db, generateSessionToken())).session, null);
    assert.equal((await validateSessionToken(t.db, 'x'.repeat(500))).session, null);
    assert.equal((await validateSessionToken(t.db, "' or 1=1 --")).session, null);
  });

  test('expires after its lifetime and deletes the row', async () => {
    const token = generateSessionToken();
    const now = Date.now();
    await createSession(t.db, token, userId, now);
    const result = await validateSessionToken(t.db, token, now + SESSION_LIFETIME_MS + 1);
    assert.equal(result.session, null);
    const rows = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(token)));
    assert.equal(rows.length, 0);
  });

  test('slides: a session used in its second half is extended', async () => {
    const token = generateSessionToken();
    const now = Date.now();
    await createSession(t.db, token, userId, now);
    const later = now + SESSION_LIFETIME_MS - 60_000;
    const result = await validateSessionToken(t.db, token, later);
    assert.equal(result.renewed, true);
    assert.equal(result.session?.expiresAt, later + SESSION_LIFETIME_MS);
  });

  test('logout ends one session, password change ends all', async () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    const sa = await createSession(t.db, a, userId);
    await createSession(t.db, b, userId);
    await invalidateSession(t.db, sa.id);
    assert.equal((await validateSessionToken(t.db, a)).session, null);
    assert.ok((await validateSessionToken(t.db, b)).session);
    await changePassword(t.db, userId, 'nog-een-lang-wachtwoord');
    assert.equal((await validateSessionToken(t.db, b)).session, null);
  });

  test('a deactivated user has no valid session', async () => {
    const created = await createUser(t.db, { email: 'weg@gemeente.nl', name: 'Weg', password: 'een-lang-wachtwoord', role: 'learner' });
    assert.ok(created.ok);
    const token = generateSessionToken();
    await createSession(t.db, token, created.userId);
    assert.ok((await deactivateAccount(t.db, { actorId: null, userId: (await findUserByEmail(t.db, 'weg@gemeente.nl'))!.id })).ok);
    assert.equal((await validateSessionToken(t.db, token)).session, null);
    await invalidateUserSessions(t.db, created.userId);
  });
});
