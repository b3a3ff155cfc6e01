// The teamleader role: read-only on the teams they lead. The permission function on its own
// (every role and link, unknown ones refused), and the team lookups on a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import { setLeaderTeams } from '../../../src/lib/admin/team-leaders.ts';
import { decideAccess } from '../../../src/lib/auth/roles.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { mayCreateResetFor } from '../../../src/lib/auth/password-reset.ts';
import { mayManageTeams, mayOnTeam } from '../../../src/lib/teams/team-access.ts';
import { loadManagedTeam, loadViewableTeam } from '../../../src/lib/teams/load-team.ts';
import { addToTeam, canSeeProfessional, createTeam, listManagedTeams, listViewableTeams } from '../../../src/lib/teams/teams.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('teamleader permissions', () => {
  test('mayOnTeam: admin everything, trainer their teams, teamleader only viewing their teams, anyone else nothing', () => {
    for (const action of ['view', 'manage'] as const) {
      assert.equal(mayOnTeam('admin', [], action), true);
      assert.equal(mayOnTeam('trainer', ['trainer'], action), true);
      assert.equal(mayOnTeam('trainer', ['member', 'leader'], action), false);
      assert.equal(mayOnTeam('learner', ['member', 'trainer', 'leader'], action), false);
      assert.equal(mayOnTeam('teamleader', [], action), false);
      assert.equal(mayOnTeam('teamleader', ['trainer', 'member'], action), false);
    }
    assert.equal(mayOnTeam('teamleader', ['leader'], 'view'), true);
    assert.equal(mayOnTeam('teamleader', ['leader'], 'manage'), false);
    // Fail closed on roles and actions it does not know.
    assert.equal(mayOnTeam('Admin', ['trainer', 'leader'], 'view'), false);
    assert.equal(mayOnTeam('', ['leader'], 'view'), false);
    assert.equal(mayOnTeam('teamleider', ['leader'], 'view'), false);
    assert.equal(mayOnTeam('teamleader', ['leader'], 'delete' as 'view'), false);
    assert.equal(mayManageTeams('teamleader'), false);
    assert.equal(mayManageTeams('onbekend'), false);
    assert.equal(mayManageTeams('trainer'), true);
    assert.equal(mayCreateResetFor({ id: 'a', role: 'teamleader' }, { id: 'b', role: 'learner' }, true), false);
  });

  test('route rules: a teamleader reads the team list, a dashboard, its export and a professional; nothing else under /team', () => {
    const readable = ['/team', '/team/[team]', '/team/[team]/export.csv', '/team/[team]/professional/[user]'];
    for (const route of readable) assert.equal(decideAccess(route, 'teamleader'), 'allow', route);
    for (const route of [
      '/team/[team]/leerpaden',
      '/team/[team]/uitnodigen',
      '/team/analyse/[module]',
      '/team/voorbeeld/[module]',
      '/team/beheer',
      '/team/beheer/[user]',
      '/team/beheer/[user]/herstellink',
      '/team/beheer/[user]/verwijderen',
      '/team/beheer/[user]/gegevens.json',
      '/team/beheer/uitnodigingen',
    ])
      assert.equal(decideAccess(route, 'teamleader'), 'forbidden', route);
    assert.equal(decideAccess('/modules', 'teamleader'), 'allow');
  });
});

describe('teamleader on a real database', () => {
  let t0: TempDb;
  before(async () => {
    t0 = await createTempDb();
  });
  after(() => t0.cleanup());
  const user = async (email: string, role: 'learner' | 'trainer' | 'admin' | 'teamleader' = 'learner') => {
    const r = await createUser(t0.db, { email, name: email.split('@')[0], password: 'lang-genoeg-1', role });
    assert.ok(r.ok);
    return { id: r.userId, role };
  };

  test('sees the teams they lead, only to view; an admin links them, and only a teamleader account', async () => {
    const admin = await user('beheer@gemeente.nl', 'admin');
    const trainer = await user('opleider@gemeente.nl', 'trainer');
    const leader = await user('leider@gemeente.nl', 'teamleader');
    const learner = await user('anna@gemeente.nl');
    const stranger = await user('vreemd@gemeente.nl');
    const noord = await createTeam(t0.db, 'Noord', trainer);
    const zuid = await createTeam(t0.db, 'Zuid', trainer);
    await addToTeam(t0.db, noord, learner.id);
    await addToTeam(t0.db, zuid, stranger.id);

    assert.deepEqual(await listViewableTeams(t0.db, leader), []);
    assert.equal(await loadViewableTeam(t0.db, leader, noord), undefined);
    assert.deepEqual(await setLeaderTeams(t0.db, { actorId: admin.id, userId: leader.id, teamIds: [noord] }), { ok: true, teams: 1 });
    assert.deepEqual(
      (await listViewableTeams(t0.db, leader)).map((x) => x.name),
      ['Noord'],
    );
    assert.deepEqual(await listManagedTeams(t0.db, leader), [], 'manages none');
    assert.equal((await loadViewableTeam(t0.db, leader, noord))?.name, 'Noord');
    assert.equal(await loadManagedTeam(t0.db, leader, noord), undefined, 'may not manage the team they lead');
    assert.equal(await loadViewableTeam(t0.db, leader, zuid), undefined, 'another team: nothing');
    assert.equal(await canSeeProfessional(t0.db, leader, learner.id), true);
    assert.equal(await canSeeProfessional(t0.db, leader, stranger.id), false);

    // A leader link on a trainer or learner account counts for nothing, and setLeaderTeams refuses them.
    await addToTeam(t0.db, zuid, learner.id, 'leader');
    assert.equal(await loadViewableTeam(t0.db, learner, zuid), undefined);
    assert.deepEqual(await setLeaderTeams(t0.db, { actorId: admin.id, userId: learner.id, teamIds: [zuid] }), { ok: false, reason: 'not-leader' });
    assert.deepEqual(await setLeaderTeams(t0.db, { actorId: admin.id, userId: leader.id, teamIds: ['bestaatnietbestaatniet22'] }), {
      ok: false,
      reason: 'unknown-team',
    });
    assert.deepEqual(await setLeaderTeams(t0.db, { actorId: admin.id, userId: 'niemand', teamIds: [] }), { ok: false, reason: 'unknown' });
    // Replacing: now Zuid only.
    assert.deepEqual(await setLeaderTeams(t0.db, { actorId: admin.id, userId: leader.id, teamIds: [zuid, zuid] }), { ok: true, teams: 1 });
    assert.deepEqual(
      (await listViewableTeams(t0.db, leader)).map((x) => x.name),
      ['Zuid'],
    );
    const audit = await t0.db.select().from(auditLog).where(eq(auditLog.subjectId, leader.id));
    assert.deepEqual(
      audit.map((a) => [a.action, a.detail]),
      [
        ['teams-teamleider-gewijzigd', '1 team'],
        ['teams-teamleider-gewijzigd', '1 team'],
      ],
    );
  });
});
