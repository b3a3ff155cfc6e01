import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attemptLogin } from '../../../src/lib/auth/login.ts';
import { hashPassword, verifyPassword } from '../../../src/lib/auth/password.ts';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, takeAddressAttempt } from '../../../src/lib/auth/rate-limit.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('password hashing', () => {
  test('argon2id hash verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
    assert.equal(await verifyPassword(hash, 'correct horse batterY'), false);
    assert.equal(await verifyPassword('geen-hash', 'x'), false);
  });
});

describe('login and rate limiting', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
    await createUser(t.db, { email: 'bram@gemeente.nl', name: 'Bram', password: 'goed-wachtwoord-1', role: 'learner' });
  });
  after(() => t.cleanup());

  test('right password logs in, case-insensitive e-mail', async () => {
    const result = await attemptLogin(t.db, { email: ' BRAM@gemeente.nl', password: 'goed-wachtwoord-1', ip: '10.0.0.1' });
    assert.equal(result.ok, true);
  });

  test('unknown account and wrong password give the same answer', async () => {
    const wrong = await attemptLogin(t.db, { email: 'bram@gemeente.nl', password: 'fout', ip: '10.0.0.2' });
    const unknown = await attemptLogin(t.db, { email: 'niemand@gemeente.nl', password: 'fout', ip: '10.0.0.2' });
    assert.deepEqual(wrong, { ok: false, reason: 'invalid-credentials' });
    assert.deepEqual(unknown, { ok: false, reason: 'invalid-credentials' });
  });

  test('an account waits after its free attempts, even with the right password, but only for the delay', async () => {
    const now = Date.now();
    for (let i = 0; i < LOGIN_PER_ACCOUNT.freeAttempts; i++) {
      await attemptLogin(t.db, { email: 'doel@gemeente.nl', password: 'fout', ip: `10.1.0.${i}` }, now);
    }
    await createUser(t.db, { email: 'doel@gemeente.nl', name: 'Doel', password: 'goed-wachtwoord-2', role: 'learner' });
    const blocked = await attemptLogin(t.db, { email: 'doel@gemeente.nl', password: 'goed-wachtwoord-2', ip: '10.1.1.1' }, now + 500);
    assert.equal(blocked.ok, false);
    assert.equal(!blocked.ok && blocked.reason, 'throttled');
    const afterDelay = await attemptLogin(t.db, { email: 'doel@gemeente.nl', password: 'goed-wachtwoord-2', ip: '10.1.1.1' }, now + 1000);
    assert.equal(afterDelay.ok, true);
  });

  test('an IP is throttled across accounts', async () => {
    const now = Date.now();
    for (let i = 0; i < LOGIN_PER_IP.limit; i++) {
      assert.equal((await takeAddressAttempt(t.db, 'login:ip:10.9.9.9', LOGIN_PER_IP, now)).allowed, true);
    }
    const limit = await takeAddressAttempt(t.db, 'login:ip:10.9.9.9', LOGIN_PER_IP, now + 1);
    assert.equal(limit.allowed, false);
    const result = await attemptLogin(t.db, { email: 'bram@gemeente.nl', password: 'goed-wachtwoord-1', ip: '10.9.9.9' }, now + 1);
    assert.equal(!result.ok && result.reason, 'throttled');
  });

  test('concurrent attempts are all counted (atomic upsert)', async () => {
    const now = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => takeAddressAttempt(t.db, 'teller', { limit: 100, windowMs: 60_000 }, now)));
    const row = await t.client.execute("select count from rate_limits where key = 'teller'");
    assert.equal(row.rows[0].count, 20);
  });
});
