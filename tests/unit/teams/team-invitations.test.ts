// Issue 13, items 1 and 12: nobody joins a team without saying yes, the inviting trainer cannot
// tell who has an account, and only an admin gives trainer rights.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findInvitation } from '../../../src/lib/auth/invitation.ts';
import { acceptInvitation } from '../../../src/lib/teams/accept-invitation.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { checkImportRows, parseImportText } from '../../../src/lib/teams/invitation-import.ts';
import { inviteRows } from '../../../src/lib/teams/invite-team.ts';
import { answerTeamInvitation, listPendingTeamInvitations } from '../../../src/lib/teams/team-invitation.ts';
import { addToTeam, canSeeProfessional, createTeam, listTeamMembers } from '../../../src/lib/teams/teams.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('team invitations', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());
  const person = async (email: string, role: 'learner' | 'trainer' | 'admin' = 'learner') => {
    const r = await createUser(t.db, { email, name: email.split('@')[0], password: 'lang-genoeg-1', role });
    assert.ok(r.ok);
    return { id: r.userId, role, email };
  };
  const invite = async (actor: { id: string; role: 'learner' | 'trainer' | 'admin' }, teamId: string, list: string, role: 'learner' | 'trainer' = 'learner') =>
    inviteRows(t.db, checkImportRows(parseImportText(list).rows, { defaultTeamId: teamId, managedTeams: [] }), { role, actor });

  test('an existing account is never added silently, and the trainer sees the same as for a new address', async () => {
    const trainerA = await person('trainer-a@gemeente.nl', 'trainer');
    const trainerB = await person('trainer-b@gemeente.nl', 'trainer');
    const teamA = await createTeam(t.db, 'Team A', trainerA);
    const teamB = await createTeam(t.db, 'Team B', trainerB);
    const learnerB = await person('learner-b@gemeente.nl');
    await addToTeam(t.db, teamB, learnerB.id);
    const admin = await person('beheer@gemeente.nl', 'admin');

    // The preview: the same for both addresses.
    const preview = checkImportRows(parseImportText('Bestaand,learner-b@gemeente.nl\nNieuw,nieuw-a@gemeente.nl').rows, {
      defaultTeamId: teamA,
      managedTeams: [],
    });
    assert.deepEqual(
      preview.map(({ line: _line, email: _email, name: _name, ...rest }) => rest),
      [
        { ok: true, team: '', teamId: teamA },
        { ok: true, team: '', teamId: teamA },
      ],
    );

    const made = await invite(trainerA, teamA, 'Bestaand,learner-b@gemeente.nl\nBeheer,beheer@gemeente.nl\nNieuw,nieuw-a@gemeente.nl');
    assert.ok(made.ok);
    // The same shape for the trainer: an invitation with a link for every row.
    assert.deepEqual(
      made.outcomes.map((o) => [o.kind, typeof o.token, o.token.length]),
      [
        ['invited', 'string', 32],
        ['invited', 'string', 32],
        ['invited', 'string', 32],
      ],
    );
    // Nobody joined, and trainer A cannot see the existing people.
    assert.deepEqual(await listTeamMembers(t.db, teamA), []);
    assert.equal(await canSeeProfessional(t.db, trainerA, learnerB.id), false);
    assert.equal(await canSeeProfessional(t.db, trainerA, admin.id), false);

    // The learner sees it on their next visit and declines: still not in team A.
    const [pending] = await listPendingTeamInvitations(t.db, learnerB);
    assert.equal(pending.teamName, 'Team A');
    assert.deepEqual(await answerTeamInvitation(t.db, learnerB, { invitationId: pending.id, accept: false }), { ok: true, teamId: teamA, teamName: 'Team A' });
    assert.deepEqual(await listTeamMembers(t.db, teamA), []);
    assert.deepEqual(await listPendingTeamInvitations(t.db, learnerB), []);

    // The admin accepts: joins as a member (a team invitation gives no trainer rights).
    const [forAdmin] = await listPendingTeamInvitations(t.db, admin);
    assert.ok((await answerTeamInvitation(t.db, admin, { invitationId: forAdmin.id, accept: true })).ok);
    assert.deepEqual(
      (await listTeamMembers(t.db, teamA)).map((m) => m.email),
      ['beheer@gemeente.nl'],
    );
  });

  test('only the invited person can answer, once, before it expires', async () => {
    const trainer = await person('trainer-c@gemeente.nl', 'trainer');
    const team = await createTeam(t.db, 'Team C', trainer);
    const invited = await person('invited-c@gemeente.nl');
    const other = await person('other-c@gemeente.nl');
    const now = Date.now();
    const made = await invite(trainer, team, 'invited-c@gemeente.nl');
    assert.ok(made.ok);
    const [pending] = await listPendingTeamInvitations(t.db, invited, now);
    // Someone else with the id (it is in the invitee's form) cannot use it.
    assert.deepEqual(await answerTeamInvitation(t.db, other, { invitationId: pending.id, accept: true }, now), { ok: false, reason: 'unknown' });
    // Nor the trainer through the link: an account invitation's form refuses an existing address.
    const byLink = await acceptInvitation(t.db, { token: made.outcomes[0].token, name: 'Indringer', password: 'lang-genoeg-1' });
    assert.equal(byLink.ok, false);
    // Expired.
    const later = now + 8 * 24 * 60 * 60 * 1000;
    assert.deepEqual(await answerTeamInvitation(t.db, invited, { invitationId: pending.id, accept: true }, later), { ok: false, reason: 'unknown' });
    assert.deepEqual(await listTeamMembers(t.db, team), []);
  });

  test('twenty parallel accepts of one invitation join the team once', async () => {
    const trainer = await person('trainer-d@gemeente.nl', 'trainer');
    const team = await createTeam(t.db, 'Team D', trainer);
    const invited = await person('invited-d@gemeente.nl');
    assert.ok((await invite(trainer, team, 'invited-d@gemeente.nl')).ok);
    const [pending] = await listPendingTeamInvitations(t.db, invited);
    const results = await Promise.all(Array.from({ length: 20 }, () => answerTeamInvitation(t.db, invited, { invitationId: pending.id, accept: true })));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal((await listTeamMembers(t.db, team)).length, 1);
  });

  test('only an admin invites with the trainer role', async () => {
    const trainer = await person('trainer-e@gemeente.nl', 'trainer');
    const admin = await person('beheer-e@gemeente.nl', 'admin');
    const team = await createTeam(t.db, 'Team E', trainer);
    assert.deepEqual(await invite(trainer, team, 'nieuwe-opleider@gemeente.nl', 'trainer'), { ok: false, reason: 'role-not-allowed' });
    assert.equal((await findInvitation(t.db, 'x'.repeat(32))).ok, false);
    const made = await invite(admin, team, 'nieuwe-opleider@gemeente.nl', 'trainer');
    assert.ok(made.ok);
    const lookup = await findInvitation(t.db, made.outcomes[0].token);
    assert.ok(lookup.ok && lookup.role === 'trainer');
  });
});
