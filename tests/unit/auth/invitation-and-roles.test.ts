import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createInvitation, findInvitation, INVITATION_LIFETIME_MS } from '../../../src/lib/auth/invitation.ts';
import { acceptInvitation } from '../../../src/lib/teams/accept-invitation.ts';
import { findUserByEmail } from '../../../src/lib/auth/user.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('invitations', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  test('an invitation creates an account with its role, once', async () => {
    const inv = await createInvitation(t.db, { email: 'Nieuw@Gemeente.nl', role: 'trainer' });
    assert.ok(inv.ok);
    const accepted = await acceptInvitation(t.db, { token: inv.token, name: 'Nieuwe Opleider', password: 'lang-genoeg-1' });
    assert.equal(accepted.ok, true);
    const user = await findUserByEmail(t.db, 'nieuw@gemeente.nl');
    assert.equal(user?.role, 'trainer');
    const again = await acceptInvitation(t.db, { token: inv.token, name: 'Iemand anders', password: 'lang-genoeg-2' });
    assert.deepEqual(again, { ok: false, reason: 'used' });
  });

  test('two simultaneous accepts make one account', async () => {
    const inv = await createInvitation(t.db, { email: 'tegelijk@gemeente.nl', role: 'learner' });
    assert.ok(inv.ok);
    const results = await Promise.all([
      acceptInvitation(t.db, { token: inv.token, name: 'Een', password: 'lang-genoeg-1' }),
      acceptInvitation(t.db, { token: inv.token, name: 'Twee', password: 'lang-genoeg-2' }),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  test('expires after its lifetime', async () => {
    const now = Date.now();
    const inv = await createInvitation(t.db, { email: 'laat@gemeente.nl', role: 'learner' }, now);
    assert.ok(inv.ok);
    assert.deepEqual(await findInvitation(t.db, inv.token, now + INVITATION_LIFETIME_MS + 1), { ok: false, reason: 'expired' });
    const accepted = await acceptInvitation(t.db, { token: inv.token, name: 'Laat', password: 'lang-genoeg-1' }, now + INVITATION_LIFETIME_MS + 1);
    assert.deepEqual(accepted, { ok: false, reason: 'expired' });
  });

  test('unknown and malformed tokens are refused; existing accounts cannot be invited', async () => {
    assert.deepEqual(await findInvitation(t.db, 'abc'), { ok: false, reason: 'unknown' });
    assert.deepEqual(await findInvitation(t.db, 'a'.repeat(32)), { ok: false, reason: 'unknown' });
    assert.deepEqual(await createInvitation(t.db, { email: 'nieuw@gemeente.nl', role: 'learner' }), { ok: false, reason: 'already-a-user' });
  });
});
