// Password login next to single sign-on: an admin can close it for accounts linked to an
// organisation account; accounts without a link keep it; an account made by SSO has no password
// at all and fails like a wrong one; and a fresh login stands in for retyping a password.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ssoIdentities, users } from '../../../db/schema.ts';
import { attemptLogin } from '../../../src/lib/auth/login.ts';
import { RECENT_LOGIN_MS, signedInRecently } from '../../../src/lib/auth/recent-login.ts';
import { createSession, generateSessionToken, hashToken } from '../../../src/lib/auth/session.ts';
import { mayUsePassword, passwordLoginForSsoAccounts, setPasswordLoginForSsoAccounts } from '../../../src/lib/auth/sso/password-login.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('password login for accounts with an organisation account', () => {
  let t: TempDb;
  let linked: string;
  let unlinked: string;
  before(async () => {
    t = await createTempDb();
    const a = await createUser(t.db, { email: 'gekoppeld@utrecht.nl', name: 'Gekoppeld', password: 'lang-genoeg-wachtwoord', role: 'learner' });
    const b = await createUser(t.db, { email: 'extern@trainer.nl', name: 'Extern', password: 'lang-genoeg-wachtwoord', role: 'trainer' });
    assert.ok(a.ok && b.ok);
    [linked, unlinked] = [a.userId, b.userId];
    await t.db.insert(ssoIdentities).values({ issuer: 'https://login.utrecht.nl', subject: 'sub-1', userId: linked, linkedAt: 1 });
    await t.db.insert(users).values({ id: 'sso-only', email: 'alleen-sso@utrecht.nl', name: 'Alleen SSO', passwordHash: 'sso:abcdefghijklmnop' });
  });
  after(() => t.cleanup());

  const login = (email: string, password = 'lang-genoeg-wachtwoord', ip = '198.51.100.7') => attemptLogin(t.db, { email, password, ip });

  test('on by default; off refuses only linked accounts, and only once the password is right; audited', async () => {
    assert.equal(await passwordLoginForSsoAccounts(t.db), true);
    assert.equal((await login('gekoppeld@utrecht.nl')).ok, true);
    await setPasswordLoginForSsoAccounts(t.db, { actorId: unlinked, allowed: false });
    assert.equal(await mayUsePassword(t.db, linked), false);
    assert.equal(await mayUsePassword(t.db, unlinked), true);
    assert.deepEqual(await login('gekoppeld@utrecht.nl'), { ok: false, reason: 'use-sso' });
    assert.deepEqual(await login('gekoppeld@utrecht.nl', 'fout-wachtwoord'), { ok: false, reason: 'invalid-credentials' }, 'a wrong password learns nothing');
    assert.equal((await login('extern@trainer.nl')).ok, true);
    await setPasswordLoginForSsoAccounts(t.db, { actorId: unlinked, allowed: true });
    assert.equal((await login('gekoppeld@utrecht.nl')).ok, true);
    const audit = await t.client.execute("select actor_id, detail from audit_log where action = 'instelling-gewijzigd' order by id");
    assert.deepEqual(
      audit.rows.map((r) => [r.actor_id, r.detail]),
      [
        [unlinked, 'wachtwoord-voor-sso-accounts: uit'],
        [unlinked, 'wachtwoord-voor-sso-accounts: aan'],
      ],
    );
  });

  test('an account without a password fails like a wrong password, whatever is typed', async () => {
    for (const password of ['', 'sso:abcdefghijklmnop', 'abcdefghijklmnop']) {
      assert.deepEqual(await login('alleen-sso@utrecht.nl', password, '198.51.100.8'), { ok: false, reason: 'invalid-credentials' });
    }
  });

  test('a session counts as a recent login for ten minutes', async () => {
    const now = Date.now();
    const token = generateSessionToken();
    await createSession(t.db, token, linked, now);
    assert.equal(await signedInRecently(t.db, hashToken(token), now + RECENT_LOGIN_MS - 1), true);
    assert.equal(await signedInRecently(t.db, hashToken(token), now + RECENT_LOGIN_MS), false);
    assert.equal(await signedInRecently(t.db, 'bestaat-niet', now), false);
  });
});
