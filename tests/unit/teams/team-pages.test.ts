// The view models behind the team and admin pages (their logic left the .astro files): what each
// form does, what it refuses, and what the page gets to show. Against a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountActionForm, applyAccountAction, changedMessage } from '../../../src/lib/views/account-page.ts';
import { applyInvitationAction } from '../../../src/lib/views/invitations-page.ts';
import { postResetLinkForm } from '../../../src/lib/views/reset-link-form.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { CourseModule } from '../../../src/lib/content/course.ts';
import type { FormRefusal } from '../../../src/lib/http/post-form.ts';
import { t } from '../../../src/lib/i18n/nl.ts';
import { inviteForm, submitInvitations } from '../../../src/lib/views/invite-colleagues.ts';
import { loadPathsPage, pathsFormFor, submitPathsForm } from '../../../src/lib/views/paths-page.ts';
import { addToTeam, createTeam } from '../../../src/lib/teams/teams.ts';
import { loadTeamsOverview, submitTeamsForm, teamsFormFor, teamsFormRefusal } from '../../../src/lib/views/teams-overview.ts';
import { submitAdminInvite } from '../../../src/lib/views/admin-invite.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const SITE = new URL('https://leergang.gemeente.nl/team');

const module = (id: string, title: string, draft = false) => ({ meta: { id, title, draft }, questions: [] }) as unknown as CourseModule;
const COURSE = [module('giz', 'Gesprekken'), module('meldcode', 'Meldcode'), module('nieuw', 'In de maak', true)];

function redirectOf(outcome: unknown): string {
  assert.ok(outcome instanceof Response, `expected a redirect, got ${JSON.stringify(outcome)}`);
  assert.equal(outcome.status, 303);
  return outcome.headers.get('location') ?? '';
}

describe('team and admin pages', () => {
  let t0: TempDb;
  const user = async (email: string, role: 'learner' | 'trainer' | 'admin' | 'teamleader' = 'learner') => {
    const r = await createUser(t0.db, { email, name: email.split('@')[0], password: 'lang-genoeg-1', role });
    assert.ok(r.ok);
    return { id: r.userId, role, email };
  };
  before(async () => {
    t0 = await createTempDb();
  });
  after(() => t0.cleanup());

  test('/team: teams with their size; a new team opens; the invitation (on /team/beheer) is for admins only', async () => {
    const trainer = await user('opleider@gemeente.nl', 'trainer');
    const admin = await user('beheer@gemeente.nl', 'admin');
    const team = await createTeam(t0.db, 'Noord', trainer);
    await addToTeam(t0.db, team, (await user('anna@gemeente.nl')).id);
    const overview = await loadTeamsOverview(t0.db, trainer, COURSE);
    assert.deepEqual(overview.teams, [{ id: team, name: 'Noord', members: 1 }]);
    assert.equal(overview.isAdmin, false);
    assert.deepEqual(overview.forgotten, []);

    assert.equal(teamsFormFor()({ action: 'invite' }), undefined);
    assert.equal(teamsFormRefusal(trainer), undefined);
    const made = redirectOf(await submitTeamsForm(t0.db, trainer, { action: 'team', name: 'Zuid' }));
    assert.match(made, /^\/team\/[a-z2-7]{24}$/);
    const invite = { action: 'invite' as const, email: 'nieuw@gemeente.nl', role: 'learner' as const };
    assert.equal(((await submitAdminInvite(t0.db, trainer, invite, SITE)) as FormRefusal).status, 403);
    const invited = await submitAdminInvite(t0.db, admin, invite, SITE);
    assert.ok('invited' in invited);
    assert.match(invited.invited.link, /^https:\/\/leergang\.gemeente\.nl\/uitnodiging\/[a-z2-7]{32}$/);
    assert.deepEqual(await submitAdminInvite(t0.db, admin, { ...invite, email: 'anna@gemeente.nl' }, SITE), {
      status: 409,
      message: t.team.inviteExists,
    });
    // A teamleader sees the teams they lead and may make none.
    const leader = await user('leider@gemeente.nl', 'teamleader');
    assert.deepEqual((await loadTeamsOverview(t0.db, leader, COURSE)).teams, []);
    await addToTeam(t0.db, team, leader.id, 'leader');
    const led = await loadTeamsOverview(t0.db, leader, COURSE);
    assert.deepEqual(led.teams, [{ id: team, name: 'Noord', members: 1 }]);
    assert.equal(led.mayManage, false);
    assert.deepEqual(led.course, []);
    assert.equal(teamsFormRefusal(leader)?.status, 403);
    assert.equal(((await submitTeamsForm(t0.db, leader, { action: 'team', name: 'Stiekem' })) as FormRefusal).status, 403);
  });

  test('/team/[team]/leerpaden: published modules only, a path in order, an assignment inside the team only', async () => {
    const trainer = await user('paden@gemeente.nl', 'trainer');
    const teamId = await createTeam(t0.db, 'Paden', trainer);
    const team = { id: teamId, name: 'Paden' };
    const member = await user('bram@gemeente.nl');
    await addToTeam(t0.db, teamId, member.id);
    const outsider = await user('buiten@gemeente.nl');
    let page = await loadPathsPage(t0.db, trainer, team, COURSE, undefined, Date.parse('2026-03-01T12:00:00Z'));
    assert.deepEqual(
      page.course.map((m) => m.meta.id),
      ['giz', 'meldcode'],
    );
    assert.equal(page.today, '2026-03-01');

    const newPath = pathsFormFor(page)({ action: 'pad' })!.safeParse({ action: 'pad', name: 'Start', module: ['meldcode', 'giz'] });
    assert.ok(newPath.success);
    assert.match(
      redirectOf(await submitPathsForm(t0.db, trainer, team, page, newPath.data)),
      new RegExp(`^/team/${teamId}/leerpaden\\?klaar=pad#pad-[a-z2-7]{24}$`),
    );
    assert.equal(pathsFormFor(page)({ action: 'pad' })!.safeParse({ name: 'Leeg' }).success, false);
    assert.equal(pathsFormFor(page)({ action: 'pad' })!.safeParse({ name: 'Concept', module: 'nieuw' }).success, false, 'a draft module is refused');
    assert.equal(pathsFormFor(page)({ action: 'iets' }), undefined);
    assert.equal(pathsFormFor(page)({ action: 'toString' }), undefined);

    page = await loadPathsPage(t0.db, trainer, team, COURSE);
    const path = page.paths.find((p) => p.name === 'Start')!;
    assert.equal(path.modules, 'Gesprekken → Meldcode', 'ticked modules start in the course order');
    const move = pathsFormFor(page)({ action: 'omlaag' })!.safeParse({ action: 'omlaag', pad: path.id, module: 'giz' });
    assert.ok(move.success);
    assert.equal(redirectOf(await submitPathsForm(t0.db, trainer, team, page, move.data)), `/team/${teamId}/leerpaden?klaar=verplaatst#m-${path.id}-giz`);
    assert.deepEqual(await submitPathsForm(t0.db, trainer, team, page, { action: 'omlaag', pad: path.id, module: 'giz' }), {
      status: 409,
      message: t.paths.alreadyLast,
    });
    page = await loadPathsPage(t0.db, trainer, team, COURSE);
    assert.equal(page.paths.find((p) => p.id === path.id)!.modules, 'Meldcode → Gesprekken');
    const assign = { action: 'toewijzen' as const, pathId: path.id, dueDate: '2099-01-01' };
    assert.deepEqual(await submitPathsForm(t0.db, trainer, team, page, { ...assign, to: outsider.id }), { status: 404, message: t.errors.notFoundBody });
    assert.equal(
      redirectOf(await submitPathsForm(t0.db, trainer, team, page, { ...assign, to: member.id })),
      `/team/${teamId}/leerpaden?klaar=toegewezen#pad-${path.id}`,
    );
    assert.equal(
      redirectOf(await submitPathsForm(t0.db, trainer, team, page, { ...assign, to: 'team' })),
      `/team/${teamId}/leerpaden?klaar=toegewezen#pad-${path.id}`,
    );
    page = await loadPathsPage(t0.db, trainer, team, COURSE, new URLSearchParams({ verwijder: path.id }));
    const shown = page.paths.find((p) => p.id === path.id)!;
    assert.deepEqual(
      shown.holders.map((h) => [h.name, h.dueDate, h.via, h.done, h.total]),
      [['bram', '2099-01-01', 'team', 0, 2]],
      'the member has it once (personal and team on the same date)',
    );
    assert.equal(shown.assignments.length, 2);
    assert.deepEqual({ people: page.deleting?.people, teams: page.deleting?.teams }, { people: 1, teams: 1 });
    // An assignment of another team cannot be re-dated from here.
    const other = { id: await createTeam(t0.db, 'Ander', trainer), name: 'Ander' };
    const otherPage = await loadPathsPage(t0.db, trainer, other, COURSE);
    assert.deepEqual(await submitPathsForm(t0.db, trainer, other, otherPage, { action: 'datum', toewijzing: shown.assignments[0].id, dueDate: '2099-02-02' }), {
      status: 404,
      message: t.errors.notFoundBody,
    });
  });

  test('/team/[team]/uitnodigen: a preview first, invitations only when confirmed, trainer rights from an admin only', async () => {
    const trainer = await user('nodig@gemeente.nl', 'trainer');
    const team = { id: await createTeam(t0.db, 'Oost', trainer), name: 'Oost' };
    const form = (fields: Record<string, string>) => inviteForm.parse(fields);
    const list = 'Cas,cas@gemeente.nl\nGeen,geen-adres';

    const refused = await submitInvitations(t0.db, trainer, team, form({ action: 'preview', lijst: list, rol: 'trainer' }), { site: SITE });
    assert.deepEqual(refused.refusal, { status: 403, message: t.invite.trainerRoleAdminOnly });
    assert.equal(refused.view.role, 'learner');
    assert.equal((await submitInvitations(t0.db, trainer, team, form({ action: 'preview' }), { site: SITE })).refusal?.status, 400);

    const preview = await submitInvitations(t0.db, trainer, team, form({ action: 'preview', lijst: list }), { site: SITE });
    assert.equal(preview.refusal, undefined);
    assert.equal(preview.view.made, undefined);
    assert.deepEqual({ valid: preview.view.preview?.valid, invalid: preview.view.preview?.invalid }, { valid: 1, invalid: 1 });

    const confirmed = await submitInvitations(t0.db, trainer, team, form({ action: 'confirm', lijst: list, rol: 'learner' }), { site: SITE });
    assert.equal(confirmed.view.preview, undefined);
    assert.equal(confirmed.view.made?.mailed, false);
    assert.deepEqual(
      confirmed.view.made?.rows.map((r) => [r.name, r.email, r.mail]),
      [['Cas', 'cas@gemeente.nl', undefined]],
    );
    assert.match(confirmed.view.made!.rows[0].link, /^https:\/\/leergang\.gemeente\.nl\/uitnodiging\/[a-z2-7]{32}$/);
  });

  test('/team/beheer/[user]: a change redirects with what was done; a refusal says why', async () => {
    const admin = await user('admin2@gemeente.nl', 'admin');
    const person = await user('dirk@gemeente.nl');
    assert.equal(accountActionForm.safeParse({ action: 'rol', role: 'keizer' }).success, false);
    assert.equal(
      redirectOf(await applyAccountAction(t0.db, admin.id, person.id, { action: 'rol', role: 'trainer' })),
      `/team/beheer/${person.id}?gewijzigd=rol#melding`,
    );
    assert.deepEqual(await applyAccountAction(t0.db, admin.id, admin.id, { action: 'blokkeren' }), { status: 403, message: t.accounts.refused.self });
    assert.deepEqual(await applyAccountAction(t0.db, admin.id, person.id, { action: 'deblokkeren' }), { status: 409, message: t.accounts.refused.unchanged });
    assert.equal(changedMessage('rol', { role: 'trainer' }), t.accounts.roleChanged(t.roles.trainer));
    assert.equal(changedMessage('blokkeren', { role: 'learner' }), t.accounts.blocked);
    assert.equal(changedMessage('iets', { role: 'learner' }), undefined);
  });

  test('a reset link (admin page and trainer page alike): made when allowed, 403 when not, 400 for another form', async () => {
    const admin = await user('admin4@gemeente.nl', 'admin');
    const person = await user('eva@gemeente.nl');
    const page = (body?: string) => ({
      url: new URL('https://leergang.gemeente.nl/team/beheer/x/herstellink'),
      request: new Request('https://leergang.gemeente.nl/team/beheer/x/herstellink', {
        method: body === undefined ? 'GET' : 'POST',
        body,
        headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      response: { status: 200, headers: new Headers() },
    });
    const input = { userId: person.id, createdBy: admin.id, mayReset: true };

    const shown = page();
    const nothing = await postResetLinkForm(shown, t0.db, input);
    assert.ok(!(nothing instanceof Response));
    assert.equal(nothing.reset, undefined);
    assert.equal(nothing.message, undefined);

    const made = page('action=herstellink');
    const done = await postResetLinkForm(made, t0.db, input);
    assert.ok(!(done instanceof Response));
    assert.equal(made.response.status, 200);
    assert.match(done.reset!.link, /^https:\/\/leergang\.gemeente\.nl\/wachtwoord-herstellen\/[a-z2-7]{32}$/);
    assert.equal(done.message, undefined);

    const refused = page('action=herstellink');
    const notAllowed = await postResetLinkForm(refused, t0.db, { ...input, mayReset: false });
    assert.ok(!(notAllowed instanceof Response));
    assert.equal(refused.response.status, 403);
    assert.equal(notAllowed.message, t.reset.notAllowed);
    assert.equal(notAllowed.reset, undefined);

    const other = page('action=iets-anders');
    const foreign = await postResetLinkForm(other, t0.db, input);
    assert.ok(!(foreign instanceof Response));
    assert.equal(other.response.status, 400);
    assert.equal(foreign.message, t.errors.badForm);
    assert.equal(foreign.reset, undefined);
  });

  test('/team/beheer/uitnodigingen: an invitation that is gone cannot be renewed or revoked', async () => {
    const admin = await user('admin3@gemeente.nl', 'admin');
    for (const action of ['vernieuwen', 'intrekken'] as const) {
      const outcome = (await applyInvitationAction(t0.db, admin.id, { action, uitnodiging: '0'.repeat(64) }, { site: SITE })) as FormRefusal;
      assert.deepEqual(outcome, { status: 409, message: t.invitationsAdmin.gone });
    }
  });
});
