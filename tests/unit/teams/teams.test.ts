import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { acceptInvitation } from '../../../src/lib/teams/accept-invitation.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { toAmsterdamIso as localIsoDateTime } from '../../../src/lib/privacy/readable-times.ts';
import { safeCell, toCsv } from '../../../src/lib/reports/progress-csv.ts';
import { getTeamProgress } from '../../../src/lib/reports/team-progress.ts';
import { checkImportRows, parseImportText } from '../../../src/lib/teams/invitation-import.ts';
import { inviteRows } from '../../../src/lib/teams/invite-team.ts';
import { chosenModules } from '../../../src/lib/views/path-forms.ts';
import { assignPath, createPath, getPathsForUser, resolvePaths } from '../../../src/lib/teams/paths.ts';
import { addToTeam, canSeeProfessional, createTeam, findManagedTeam, listManagedTeams, listTeamMembers } from '../../../src/lib/teams/teams.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { handInToets, startToets } from '../../../src/lib/toets/toets-store.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('invitation import', () => {
  test('reads comma, semicolon and tab lists, with or without a header', () => {
    assert.deepEqual(parseImportText('naam;e-mail;team\nAnna de Vries;anna@gemeente.nl;Noord\n').rows, [
      { line: 2, name: 'Anna de Vries', email: 'anna@gemeente.nl', team: 'Noord' },
    ]);
    assert.deepEqual(parseImportText('Bob, bob@gemeente.nl').rows[0], { line: 1, name: 'Bob', email: 'bob@gemeente.nl', team: '' });
    assert.deepEqual(parseImportText('Cas\tcas@gemeente.nl\tZuid').rows[0].team, 'Zuid');
    assert.deepEqual(parseImportText('"de Wit, Daan",daan@gemeente.nl').rows[0].name, 'de Wit, Daan');
    assert.deepEqual(parseImportText('only@gemeente.nl').rows[0], { line: 1, name: '', email: 'only@gemeente.nl', team: '' });
  });
  test('bad rows say why; good rows get a team', () => {
    const { rows } = parseImportText(
      [
        'Anna,anna@gemeente.nl',
        'Bob,geen-adres',
        'X,x@gemeente.nl',
        'Anna twee,ANNA@gemeente.nl',
        'Eva,eva@gemeente.nl,Onbekend',
        'Gijs,',
        'Finn,finn@gemeente.nl,noord',
      ].join('\n'),
    );
    const checked = checkImportRows(rows, { defaultTeamId: 'T1', managedTeams: [{ id: 'T2', name: 'Noord' }] });
    const problems = checked.map((r) => (r.ok ? 'ok' : r.problems.join(' | ')));
    assert.equal(problems[0], 'ok');
    assert.match(problems[1], /geen geldig e-mailadres/);
    assert.match(problems[2], /naam moet 2 tot 100 tekens/);
    assert.match(problems[3], /staat al op regel 1/);
    assert.match(problems[4], /team "Onbekend" bestaat niet/);
    assert.match(problems[5], /e-mailadres ontbreekt/);
    assert.ok(checked[6].ok && checked[6].teamId === 'T2');
  });
});

describe('CSV export', () => {
  test('neutralises formulas and uses semicolons with a BOM', () => {
    assert.equal(safeCell('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(safeCell('+31 6'), `'+31 6`);
    assert.equal(safeCell('@SUM'), `'@SUM`);
    assert.equal(safeCell('Anna'), 'Anna');
    const csv = toCsv(['Naam', 'Score (%)'], [['=1+1', 80]]);
    assert.ok(csv.startsWith('\uFEFF"Naam";"Score (%)"'));
    assert.ok(csv.includes(`"'=1+1";"80"`));
  });
  test('last activity is an ISO date-time in Dutch time, winter and summer', () => {
    assert.equal(localIsoDateTime(Date.parse('2026-03-10T07:00:00Z')), '2026-03-10T08:00:00+01:00');
    assert.equal(localIsoDateTime(Date.parse('2026-07-01T22:30:05Z')), '2026-07-02T00:30:05+02:00');
  });
});

describe('paths', () => {
  test('resolving: next, overdue, done; a path given twice counts once', () => {
    const [path] = resolvePaths(
      [
        { pathId: 'p', dueDate: '2026-12-01', teamId: 't', name: 'Start', moduleIds: ['a', 'b', 'c'] },
        { pathId: 'p', dueDate: '2026-11-01', teamId: null, name: 'Start', moduleIds: ['a', 'b', 'c'] },
      ],
      new Map([['a', 1]]),
      '2026-11-22',
    );
    assert.equal(path.dueDate, '2026-11-01');
    assert.equal(path.via, 'persoonlijk');
    assert.equal(path.next, 'b');
    assert.equal(path.overdue, true);
    assert.deepEqual(
      path.modules.map((m) => m.status),
      ['afgerond', 'te-laat', 'te-laat'],
    );
    const [onTime] = resolvePaths([{ pathId: 'p', dueDate: '2026-12-01', teamId: 't', name: 'S', moduleIds: ['a'] }], new Map(), '2026-11-22');
    assert.equal(onTime.overdue, false);
    assert.deepEqual(
      onTime.modules.map((m) => m.status),
      ['open'],
    );
  });
  test('the path form takes the ticked modules in the course’s order; none or an unknown one is refused', () => {
    assert.deepEqual(chosenModules({ name: 'Inwerken', module: ['c', 'a'] }, ['a', 'b', 'c']), { ok: true, moduleIds: ['a', 'c'] });
    assert.deepEqual(chosenModules({ module: 'b' }, ['a', 'b', 'c']), { ok: true, moduleIds: ['b'] });
    assert.equal(chosenModules({ name: 'Leeg' }, ['a']).ok, false);
    assert.equal(chosenModules({ module: ['a', 'x'] }, ['a']).ok, false);
  });
});

describe('teams against a real database', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());
  const user = async (email: string, role: 'learner' | 'trainer' | 'admin' = 'learner') => {
    const r = await createUser(t.db, { email, name: email.split('@')[0], password: 'lang-genoeg-1', role });
    assert.ok(r.ok);
    return { id: r.userId, role };
  };

  test('a trainer manages only their own teams; an admin all', async () => {
    const trainerA = await user('ta@gemeente.nl', 'trainer');
    const trainerB = await user('tb@gemeente.nl', 'trainer');
    const admin = await user('adm@gemeente.nl', 'admin');
    const learner = await user('l@gemeente.nl');
    const teamA = await createTeam(t.db, 'Team A', trainerA);
    const teamB = await createTeam(t.db, 'Team B', trainerB);
    await addToTeam(t.db, teamA, learner.id);
    assert.ok(await findManagedTeam(t.db, trainerA, teamA));
    assert.equal(await findManagedTeam(t.db, trainerA, teamB), undefined);
    assert.equal(await findManagedTeam(t.db, learner, teamA), undefined);
    assert.ok(await findManagedTeam(t.db, admin, teamB));
    assert.deepEqual(
      (await listManagedTeams(t.db, trainerA)).map((x) => x.name),
      ['Team A'],
    );
    assert.equal((await listManagedTeams(t.db, admin)).length, 2);
    assert.equal(await canSeeProfessional(t.db, trainerA, learner.id), true);
    assert.equal(await canSeeProfessional(t.db, trainerB, learner.id), false);
  });

  test('an invited colleague joins the team; a team path reaches people who join later', async () => {
    const trainer = await user('tc@gemeente.nl', 'trainer');
    const team = await createTeam(t.db, 'Team C', trainer);
    const pathId = await createPath(t.db, { name: 'Inwerken', moduleIds: ['voorbeeld'], createdBy: trainer.id });
    await assignPath(t.db, { pathId, teamId: team, dueDate: '2099-01-01', assignedBy: trainer.id });
    const checked = checkImportRows(parseImportText('Nina,nina@gemeente.nl').rows, { defaultTeamId: team, managedTeams: [] });
    const made = await inviteRows(t.db, checked, { role: 'learner', actor: trainer });
    assert.ok(made.ok);
    const [outcome] = made.outcomes;
    const accepted = await acceptInvitation(t.db, { token: outcome.token, name: 'Nina', password: 'lang-genoeg-1' });
    assert.ok(accepted.ok);
    assert.deepEqual(
      (await listTeamMembers(t.db, team)).map((m) => m.email),
      ['nina@gemeente.nl'],
    );
    const [path] = await getPathsForUser(t.db, accepted.userId);
    assert.equal(path.name, 'Inwerken');
    assert.equal(path.next, 'voorbeeld');
  });

  test('the team table shows progress as it happens', async () => {
    const source = loadFixtureModule();
    const outline = outlineOf(source);
    const trainer = await user('td@gemeente.nl', 'trainer');
    const team = await createTeam(t.db, 'Team D', trainer);
    const learner = await user('m@gemeente.nl');
    await addToTeam(t.db, team, learner.id);
    const members = await listTeamMembers(t.db, team);
    const before = await getTeamProgress(t.db, members, [outline]);
    assert.equal(before[0].cells.get('voorbeeld')!.status, 'niet-begonnen');
    await submitAnswer(t.db, async () => ({ outline, questions: source.questions }), learner.id, {
      moduleId: 'voorbeeld',
      questionId: 'vb-enkel',
      idempotencyKey: 'sleutel-voor-team-d-1',
      answer: { type: 'single', choice: 'luisteren' },
    });
    const after = await getTeamProgress(t.db, members, [outline]);
    assert.equal(after[0].cells.get('voorbeeld')!.status, 'bezig');
    assert.equal(after[0].cells.get('voorbeeld')!.score, 0, 'practice does not count');
    assert.equal(after[0].cells.get('voorbeeld')!.toetsAttempts, 0);
    // A toets handed in empty: one attempt, not passed.
    const started = await startToets(t.db, learner.id, toetsModuleOf({ ...source, outline }), true, Date.now());
    assert.ok(started.ok);
    await handInToets(t.db, learner.id, started.attempt.moduleId, started.attempt.id, Date.now());
    const failed = (await getTeamProgress(t.db, members, [outline]))[0].cells.get('voorbeeld')!;
    assert.deepEqual([failed.status, failed.toetsAttempts, failed.bestPassedToets, failed.score], ['bezig', 1, null, 0]);
    const pathId = await createPath(t.db, { name: 'Snel', moduleIds: ['voorbeeld'], createdBy: trainer.id });
    await assignPath(t.db, { pathId, userId: learner.id, dueDate: '2020-01-01', assignedBy: trainer.id });
    const late = await getTeamProgress(t.db, members, [outline]);
    assert.equal(late[0].cells.get('voorbeeld')!.status, 'te-laat');
  });
});
