// The admin's account management: list with search, filters and pages; role changes, blocking and
// unblocking with their guards and audit entries; renewing and revoking pending invitations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { invitations, teamMembers, teams, users, type Role } from '../../../db/schema.ts';
import { ACCOUNT_PAGE_SIZE, getAccount, listAccounts } from '../../../src/lib/admin/account-list.ts';
import { changeRole, deactivateAccount, reactivateAccount } from '../../../src/lib/auth/manage-account.ts';
import { listPendingInvitations, renewInvitation, revokeInvitation } from '../../../src/lib/admin/pending-invitations.ts';
import { createInvitation, findInvitation } from '../../../src/lib/auth/invitation.ts';
import { acceptInvitation } from '../../../src/lib/teams/accept-invitation.ts';
import { createSession, generateSessionToken, validateSessionToken } from '../../../src/lib/auth/session.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

async function audit(t: TempDb, subjectId: string | null = null) {
  const rows = await t.client.execute({
    sql: 'select action, actor_id, subject_id, detail from audit_log where subject_id is ? order by id',
    args: [subjectId],
  });
  return rows.rows.map((r) => ({ action: r.action, actor: r.actor_id, detail: r.detail }));
}

describe('account list', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
    // 130 accounts without hashing passwords one by one: this is about the list, not about logins.
    const rows = Array.from({ length: 130 }, (_, i) => ({
      id: `u${String(i).padStart(3, '0')}`,
      email: `persoon${i}@gemeente.nl`,
      name: `Persoon ${String(i).padStart(3, '0')}`,
      role: (i % 10 === 0 ? 'trainer' : 'learner') as Role,
      active: i % 7 !== 0,
      passwordHash: 'x',
    }));
    rows.push({ id: 'jansen', email: 'j.jansen@noord.nl', name: 'Jet Jansen', role: 'learner', active: true, passwordHash: 'x' });
    rows.push({ id: 'wild', email: 'wild_100%@noord.nl', name: 'Wil de Kaart', role: 'admin', active: true, passwordHash: 'x' });
    await t.db.insert(users).values(rows);
    await t.db.insert(teams).values([
      { id: 'noord', name: 'Team Noord' },
      { id: 'zuid', name: 'Zuid' },
    ]);
    await t.db.insert(teamMembers).values([
      { teamId: 'noord', userId: 'jansen', role: 'member', joinedAt: 1 },
      { teamId: 'noord', userId: 'u010', role: 'trainer', joinedAt: 1 },
      { teamId: 'zuid', userId: 'u010', role: 'member', joinedAt: 1 },
    ]);
  });
  after(() => t.cleanup());

  test('pages of 50 in name order, the last page partly filled, a page beyond the end shows the last', async () => {
    const first = await listAccounts(t.db, {});
    assert.equal(first.total, 132);
    assert.equal(first.pages, 3);
    assert.equal(first.rows.length, ACCOUNT_PAGE_SIZE);
    assert.equal(first.rows[0].name, 'Jet Jansen');
    const last = await listAccounts(t.db, { page: 99 });
    assert.equal(last.page, 3);
    assert.equal(last.rows.length, 32);
    const all = [...first.rows, ...(await listAccounts(t.db, { page: 2 })).rows, ...last.rows].map((r) => r.id);
    assert.equal(new Set(all).size, 132, 'no one twice and no one left out over the pages');
  });

  test('search finds part of a name or address, without case, and LIKE wildcards match only themselves', async () => {
    assert.deepEqual(
      (await listAccounts(t.db, { query: 'JANSEN' })).rows.map((r) => r.id),
      ['jansen'],
    );
    assert.deepEqual((await listAccounts(t.db, { query: '@noord.nl' })).rows.map((r) => r.id).sort(), ['jansen', 'wild']);
    assert.deepEqual(
      (await listAccounts(t.db, { query: '100%' })).rows.map((r) => r.id),
      ['wild'],
    );
    assert.deepEqual(
      (await listAccounts(t.db, { query: '_' })).rows.map((r) => r.id),
      ['wild'],
    );
    assert.equal((await listAccounts(t.db, { query: '%' })).total, 1);
  });

  test('filters by role, status and team combine', async () => {
    assert.equal((await listAccounts(t.db, { role: 'trainer' })).total, 13);
    assert.equal((await listAccounts(t.db, { status: 'geblokkeerd' })).total, 19);
    assert.equal((await listAccounts(t.db, { role: 'trainer', status: 'geblokkeerd' })).total, 2); // u000, u070
    const noord = await listAccounts(t.db, { teamId: 'noord' });
    assert.deepEqual(
      noord.rows.map((r) => r.id),
      ['jansen', 'u010'],
    );
    assert.deepEqual(
      noord.rows[1].teams.map((team) => team.name),
      ['Team Noord', 'Zuid'],
    );
    assert.equal((await listAccounts(t.db, { teamId: 'bestaat-niet' })).total, 0);
  });

  test('last login is kept when a session starts', async () => {
    assert.equal((await getAccount(t.db, 'jansen'))?.lastLoginAt, null);
    await createSession(t.db, generateSessionToken(), 'jansen', 1_700_000_000_000);
    assert.equal((await getAccount(t.db, 'jansen'))?.lastLoginAt, 1_700_000_000_000);
  });
});

describe('role changes and blocking', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
    await t.db.insert(users).values([
      { id: 'admin1', email: 'a1@gemeente.nl', name: 'Admin Een', role: 'admin', passwordHash: 'x' },
      { id: 'admin2', email: 'a2@gemeente.nl', name: 'Admin Twee', role: 'admin', passwordHash: 'x' },
      { id: 'lerner', email: 'l@gemeente.nl', name: 'Lerende', role: 'learner', passwordHash: 'x' },
    ]);
  });
  after(() => t.cleanup());

  test('a role change is written with the old and new role in the audit log; the same role again changes nothing', async () => {
    assert.deepEqual(await changeRole(t.db, { actorId: 'admin1', userId: 'lerner', role: 'trainer' }), { ok: true });
    assert.equal((await getAccount(t.db, 'lerner'))?.role, 'trainer');
    assert.deepEqual(await changeRole(t.db, { actorId: 'admin1', userId: 'lerner', role: 'trainer' }), { ok: false, reason: 'unchanged' });
    assert.deepEqual(await audit(t, 'lerner'), [{ action: 'rol-gewijzigd', actor: 'admin1', detail: 'learner → trainer' }]);
    assert.deepEqual(await changeRole(t.db, { actorId: 'admin1', userId: 'niemand', role: 'trainer' }), { ok: false, reason: 'unknown' });
  });

  test('nobody changes or blocks their own account', async () => {
    assert.deepEqual(await changeRole(t.db, { actorId: 'admin1', userId: 'admin1', role: 'learner' }), { ok: false, reason: 'self' });
    assert.deepEqual(await deactivateAccount(t.db, { actorId: 'admin1', userId: 'admin1' }), { ok: false, reason: 'self' });
  });

  test('blocking ends every session, unblocking lets the person in again; both are audited', async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, 'lerner');
    assert.ok((await validateSessionToken(t.db, token)).user);
    assert.deepEqual(await deactivateAccount(t.db, { actorId: 'admin1', userId: 'lerner' }), { ok: true });
    assert.equal((await t.client.execute({ sql: 'select count(*) as n from sessions where user_id = ?', args: ['lerner'] })).rows[0].n, 0);
    assert.equal((await validateSessionToken(t.db, token)).user, null);
    assert.deepEqual(await deactivateAccount(t.db, { actorId: 'admin1', userId: 'lerner' }), { ok: false, reason: 'unchanged' });
    assert.deepEqual(await reactivateAccount(t.db, { actorId: 'admin1', userId: 'lerner' }), { ok: true });
    assert.deepEqual(await reactivateAccount(t.db, { actorId: 'admin1', userId: 'lerner' }), { ok: false, reason: 'unchanged' });
    assert.equal((await getAccount(t.db, 'lerner'))?.active, true);
    const actions = (await audit(t, 'lerner')).map((a) => a.action);
    assert.deepEqual(actions.slice(-2), ['account-geblokkeerd', 'account-gedeblokkeerd']);
  });

  test('two admins demoting each other at the same moment leave one admin; the refused one keeps their sessions', async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, 'admin2');
    const results = await Promise.all([
      changeRole(t.db, { actorId: 'admin1', userId: 'admin2', role: 'learner' }),
      changeRole(t.db, { actorId: 'admin2', userId: 'admin1', role: 'learner' }),
      deactivateAccount(t.db, { actorId: 'admin1', userId: 'admin2' }),
      deactivateAccount(t.db, { actorId: 'admin2', userId: 'admin1' }),
    ]);
    const admins = await t.client.execute("select id from users where role = 'admin' and active = 1");
    assert.equal(admins.rows.length, 1, JSON.stringify(results));
    assert.ok(results.some((r) => !r.ok && r.reason === 'last-admin'));
    // Whoever is left is the last admin: neither demoted nor blocked, by anyone, even from the CLI.
    const lastId = String(admins.rows[0].id);
    assert.deepEqual(await changeRole(t.db, { actorId: null, userId: lastId, role: 'trainer' }), { ok: false, reason: 'last-admin' });
    assert.deepEqual(await deactivateAccount(t.db, { actorId: null, userId: lastId }), { ok: false, reason: 'last-admin' });
    if (lastId === 'admin2') assert.ok((await validateSessionToken(t.db, token)).user, 'a refused block signs nobody out');
    const refusedAudits = (
      await t.client.execute({
        sql: "select count(*) as n from audit_log where subject_id = ? and action in ('rol-gewijzigd', 'account-geblokkeerd')",
        args: [lastId],
      })
    ).rows[0].n;
    assert.equal(refusedAudits, 0, 'a refused change leaves no audit entry');
  });
});

describe('pending invitations', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
    await t.db.insert(users).values({ id: 'admin1', email: 'a1@gemeente.nl', name: 'Admin Een', role: 'admin', passwordHash: 'x' });
    await t.db.insert(teams).values({ id: 'noord', name: 'Team Noord' });
  });
  after(() => t.cleanup());

  test('renewing gives a new link and a new week; the old link is dead; audited with the address', async () => {
    const now = Date.now();
    const made = await createInvitation(t.db, { email: 'nieuw@gemeente.nl', role: 'learner', createdBy: 'admin1', teamId: 'noord' }, now - 6 * 86_400_000);
    assert.ok(made.ok);
    const [pending] = (await listPendingInvitations(t.db)).rows;
    assert.equal(pending.email, 'nieuw@gemeente.nl');
    assert.equal(pending.teamName, 'Team Noord');
    assert.equal(pending.invitedBy, 'Admin Een');
    const renewed = await renewInvitation(t.db, { actorId: 'admin1', invitationId: pending.id }, now);
    assert.ok(renewed.ok);
    assert.equal(renewed.expiresAt, now + 7 * 86_400_000);
    assert.deepEqual(await findInvitation(t.db, made.token, now), { ok: false, reason: 'unknown' });
    assert.equal((await findInvitation(t.db, renewed.token, now)).ok, true);
    assert.deepEqual(await renewInvitation(t.db, { actorId: 'admin1', invitationId: pending.id }, now), { ok: false, reason: 'unknown' }, 'the old id is gone');
    assert.deepEqual(await audit(t), [{ action: 'uitnodiging-vernieuwd', actor: 'admin1', detail: pending.id.slice(0, 12) }]);
    const withAddress = await t.client.execute("select count(*) as n from audit_log where detail like '%@%'");
    assert.equal(withAddress.rows[0].n, 0, 'the log names an invitation by a code, not by its address');
    // The renewed link still brings the person into the team.
    const accepted = await acceptInvitation(t.db, { token: renewed.token, name: 'Nieuw', password: 'lang-genoeg-1' }, now);
    assert.ok(accepted.ok);
    assert.equal((await t.client.execute({ sql: 'select count(*) as n from team_members where user_id = ?', args: [accepted.userId] })).rows[0].n, 1);
    assert.equal((await listPendingInvitations(t.db)).total, 0, 'an accepted invitation is no longer pending');
  });

  test('revoking kills the link; an accepted invitation can be neither revoked nor renewed', async () => {
    const made = await createInvitation(t.db, { email: 'weg@gemeente.nl', role: 'trainer' });
    assert.ok(made.ok);
    const [row] = (await listPendingInvitations(t.db)).rows;
    assert.deepEqual(await revokeInvitation(t.db, { actorId: 'admin1', invitationId: row.id }), { ok: true, email: 'weg@gemeente.nl' });
    assert.deepEqual(await findInvitation(t.db, made.token), { ok: false, reason: 'unknown' });
    assert.deepEqual(await revokeInvitation(t.db, { actorId: 'admin1', invitationId: row.id }), { ok: false, reason: 'unknown' });

    const other = await createInvitation(t.db, { email: 'snel@gemeente.nl', role: 'learner' });
    assert.ok(other.ok);
    const [pending] = (await listPendingInvitations(t.db)).rows;
    assert.ok((await acceptInvitation(t.db, { token: other.token, name: 'Snel', password: 'lang-genoeg-1' })).ok);
    assert.deepEqual(await revokeInvitation(t.db, { actorId: 'admin1', invitationId: pending.id }), { ok: false, reason: 'unknown' });
    assert.deepEqual(await renewInvitation(t.db, { actorId: 'admin1', invitationId: pending.id }), { ok: false, reason: 'unknown' });
    assert.deepEqual(await renewInvitation(t.db, { actorId: 'admin1', invitationId: 'geen-id' }), { ok: false, reason: 'unknown' });
  });

  test('revoke and accept at the same moment: exactly one of them wins', async () => {
    for (let i = 0; i < 5; i++) {
      const made = await createInvitation(t.db, { email: `race${i}@gemeente.nl`, role: 'learner' });
      assert.ok(made.ok);
      const [row] = await t.db
        .select({ id: invitations.id })
        .from(invitations)
        .where(eq(invitations.email, `race${i}@gemeente.nl`));
      const [revoked, accepted] = await Promise.all([
        revokeInvitation(t.db, { actorId: 'admin1', invitationId: row.id }),
        acceptInvitation(t.db, { token: made.token, name: 'Race', password: 'lang-genoeg-1' }),
      ]);
      assert.equal(Number(revoked.ok) + Number(accepted.ok), 1, `round ${i}: ${JSON.stringify([revoked, accepted])}`);
    }
  });
});
