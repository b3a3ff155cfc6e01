// One person, modules in every state, and the four places that name a module's status: the
// learner's "Mijn voortgang" rows, the trainer's page for that professional, the team dashboard
// and the CSV export. Each read through the function its page calls; all must say the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { CourseModule } from '../../../src/lib/content/course.ts';
import { t } from '../../../src/lib/i18n/nl.ts';
import { handInModuleToets, startModuleToets, toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { MODULE_STATUSES, type ModuleStatus } from '../../../src/lib/progress/module-status.ts';
import { getProgressRows } from '../../../src/lib/progress/progress-rows.ts';
import { recordLessonCompleted, recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import { answerKey } from '../../../src/lib/quiz/answer-key.ts';
import { scoreAnswer } from '../../../src/lib/quiz/score-answer.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { teamExportCsv } from '../../../src/lib/reports/team-export.ts';
import { getProfessionalProgress } from '../../../src/lib/reports/professional-progress.ts';
import { getTeamDashboard } from '../../../src/lib/reports/team-dashboard.ts';
import { getCheckins, startCheckin, testOutLesson } from '../../../src/lib/review/checkin.ts';
import { assignPath, createPath } from '../../../src/lib/teams/paths.ts';
import { addToTeam, createTeam } from '../../../src/lib/teams/teams.ts';
import { recordToetsAnswer, startToets } from '../../../src/lib/toets/toets-store.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
/** The fixture module under another id: one per state, so one person can be in all of them. */
const moduleAs = (id: string): CourseModule => ({
  folder: source.folder,
  meta: { ...source.meta, id, title: `Module ${id}` },
  lessons: source.lessons,
  questions: source.questions,
  reflectionIds: [],
  outline: { ...outlineOf(source), id },
});

// "Today" is 10 March 2026 in the Netherlands; one path was due on 15 January, one is due in 2099.
const NOW = Date.parse('2026-03-10T10:00:00Z');
const HOUR = 60 * 60 * 1000;

/** What each module should say, and why. */
const EXPECTED: Record<string, ModuleStatus> = {
  nieuw: 'niet-begonnen', // nothing done, on a path that is not yet due
  bezig: 'bezig', // a lesson opened, on the same path
  klaar: 'afgerond', // both lessons read and the toets passed
  getoetst: 'afgerond', // both lessons tested out in the check-in, then the toets passed
  'toets-open': 'bezig', // nothing but a toets begun and not handed in
  'oude-les': 'niet-begonnen', // only a lesson that is no longer in the module
  laat: 'te-laat', // a practice question answered, on the personal path that is overdue
  'laat-nieuw': 'te-laat', // nothing done, on the overdue path
  'laat-klaar': 'afgerond', // on the overdue path, but completed
  'laat-via-ander-team': 'te-laat', // overdue through a path given to the person's other team
};

describe('a module status is the same for the learner, the trainer, the dashboard and the CSV', () => {
  let db: TempDb;
  const course = Object.keys(EXPECTED).map(moduleAs);
  const byId = (id: string) => course.find((m) => m.meta.id === id)!;
  let learnerId: string;
  let team: { id: string; name: string };

  before(async () => {
    db = await createTempDb();
    const made = async (email: string, role: 'learner' | 'trainer') => {
      const r = await createUser(db.db, { email, name: email.split('@')[0], password: 'lang-genoeg-1', role });
      assert.ok(r.ok);
      return { id: r.userId, role };
    };
    const trainer = await made('opleider@gemeente.nl', 'trainer');
    const learner = await made('anna@gemeente.nl', 'learner');
    learnerId = learner.id;
    team = { id: await createTeam(db.db, 'Team Noord', trainer), name: 'Team Noord' };
    const otherTeam = await createTeam(db.db, 'Team Zuid', trainer);
    await addToTeam(db.db, team.id, learnerId);
    await addToTeam(db.db, otherTeam, learnerId);

    const lesson = (moduleId: string, lessonId: string) => ({ userId: learnerId, moduleId, lessonId, contentVersion: source.meta.version });
    let keys = 0;
    const answer = (moduleId: string, questionId: string, at: number) =>
      submitAnswer(
        db.db,
        async (id) => byId(id),
        learnerId,
        {
          moduleId,
          questionId,
          idempotencyKey: `status-${String(++keys).padStart(12, '0')}`,
          answer: answerKey(source.questions.find((q) => q.id === questionId)!),
        },
        { now: at },
      );
    const passToets = async (moduleId: string, at: number) => {
      const mod = byId(moduleId);
      const started = await startModuleToets(db.db, learnerId, mod, at);
      assert.ok(started.ok, `toets of ${moduleId} starts`);
      for (const questionId of started.attempt.questionIds) {
        const given = answerKey(source.questions.find((q) => q.id === questionId)!);
        const scored = scoreAnswer(
          source.questions.find((q) => q.id === questionId)!,
          given,
        );
        assert.ok(scored.ok);
        await recordToetsAnswer(
          db.db,
          {
            toetsId: started.attempt.id,
            userId: learnerId,
            questionId,
            idempotencyKey: `toets-${String(++keys).padStart(12, '0')}`,
            answer: given,
            scored: scored.result,
          },
          at + 1,
        );
      }
      const handedIn = await handInModuleToets(db.db, learnerId, mod, started.attempt.id, at + 2);
      assert.ok(handedIn.ok && handedIn.moduleCompleted, `${moduleId} completed`);
    };
    const readAndPass = async (moduleId: string, at: number) => {
      for (const l of source.lessons) await recordLessonCompleted(db.db, lesson(moduleId, l.id), at);
      await passToets(moduleId, at + 1000);
    };

    await recordLessonOpened(db.db, lesson('bezig', source.lessons[0].id), NOW - 5 * HOUR);
    await readAndPass('klaar', NOW - 10 * HOUR);
    await readAndPass('laat-klaar', NOW - 20 * HOUR);
    // Tested out: a check-in answered right, every lesson skipped, then the toets.
    const checkinModule = { moduleId: 'getoetst', lessonIds: source.lessons.map((l) => l.id), questions: source.questions, retakeAfterHours: 24 };
    assert.ok((await startCheckin(db.db, learnerId, checkinModule, new Set(), NOW - 30 * HOUR, () => 0)).ok);
    const [checkin] = await getCheckins(db.db, learnerId, 'getoetst');
    for (const questionId of checkin.questionIds) await answer('getoetst', questionId, NOW - 29 * HOUR);
    for (const l of source.lessons)
      assert.deepEqual(await testOutLesson(db.db, { userId: learnerId, moduleId: 'getoetst', lessonId: l.id, questions: source.questions }, NOW - 28 * HOUR), {
        ok: true,
      });
    await passToets('getoetst', NOW - 27 * HOUR);
    // Only a toets begun and left open (started as if the lessons were done, to keep it the only trace).
    assert.ok((await startToets(db.db, learnerId, toetsModuleOf(byId('toets-open')), true, NOW - 40 * HOUR)).ok);
    await answer('laat', source.questions[0].id, NOW - 3 * HOUR);
    // A lesson row for a lesson since removed from the module's content.
    await recordLessonOpened(db.db, lesson('oude-les', 'verdwenen-les'), NOW - 50 * HOUR);

    const overdue = await createPath(db.db, { name: 'Inwerken', moduleIds: ['laat', 'laat-nieuw', 'laat-klaar'], createdBy: trainer.id }, NOW - 100 * HOUR);
    await assignPath(db.db, { pathId: overdue, userId: learnerId, dueDate: '2026-01-15', assignedBy: trainer.id }, NOW - 100 * HOUR);
    const onTime = await createPath(db.db, { name: 'Later', moduleIds: ['bezig', 'nieuw'], createdBy: trainer.id }, NOW - 100 * HOUR);
    await assignPath(db.db, { pathId: onTime, teamId: team.id, dueDate: '2099-12-31', assignedBy: trainer.id }, NOW - 100 * HOUR);
    const zuid = await createPath(db.db, { name: 'Zuid', moduleIds: ['laat-via-ander-team'], createdBy: trainer.id }, NOW - 100 * HOUR);
    await assignPath(db.db, { pathId: zuid, teamId: otherTeam, dueDate: '2026-02-01', assignedBy: trainer.id }, NOW - 100 * HOUR);
  });
  after(() => db.cleanup());

  test('every view gives each module the expected status, in the same words', async () => {
    // The learner: "Mijn voortgang" (and the catalogue) read getProgressRows.
    const learnerView = await getProgressRows(db.db, learnerId, course, { now: NOW });
    // The trainer's page for this professional.
    const professionalView = (await getProfessionalProgress(db.db, learnerId, course, NOW)).rows;
    // The team dashboard.
    const dashboard = await getTeamDashboard(db.db, team, course, new URLSearchParams(), NOW);
    const dashboardRow = dashboard.rows.find((r) => r.userId === learnerId)!;
    // The CSV export, as export.csv.ts writes it.
    const csv = await teamExportCsv(db.db, team, course, NOW);
    const [header, ...lines] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
    const statusColumn = header.indexOf('Status');

    const seen = course.map((mod) => {
      const id = mod.meta.id;
      const learner = learnerView.find((r) => r.mod.meta.id === id)!.progress.status;
      const csvLine = lines.find((l) => l[0] === 'anna' && l[3] === mod.meta.title)!;
      return {
        id,
        learner: t.status[learner],
        professional: t.status[professionalView.find((r) => r.mod.meta.id === id)!.progress.status],
        dashboard: t.status[dashboardRow.cells.get(id)!.status],
        csv: csvLine[statusColumn],
      };
    });
    const expected = course.map((mod) => {
      const label = t.status[EXPECTED[mod.meta.id]];
      return { id: mod.meta.id, learner: label, professional: label, dashboard: label, csv: label };
    });
    assert.deepEqual(seen, expected);
    // Every status of the vocabulary occurs, so none of them is left untested.
    assert.deepEqual(new Set(Object.values(EXPECTED)), new Set(MODULE_STATUSES));
  });

  test('the dashboard and the CSV name the paths, the due dates and "te laat" as the statuses say', async () => {
    // Ten minutes of study in "bezig": the lesson opened five hours ago, an answer ten minutes later.
    await submitAnswer(
      db.db,
      async (id) => byId(id),
      learnerId,
      { moduleId: 'bezig', questionId: source.questions[0].id, idempotencyKey: 'studietijd-000001', answer: answerKey(source.questions[0]) },
      { now: NOW - 5 * HOUR + 10 * 60 * 1000 },
    );
    const dashboard = await getTeamDashboard(db.db, team, course, new URLSearchParams(), NOW);
    const row = dashboard.shownRows.find((r) => r.userId === learnerId)!;
    // Earliest due first; the next due date is that of the earliest module not completed, overdue here.
    assert.deepEqual(row.path, { names: ['Inwerken', 'Zuid', 'Later'], nextDue: '2026-01-15', late: true });

    const csv = await teamExportCsv(db.db, team, course, NOW);
    const [header, ...lines] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
    const column = (name: string) => {
      const i = header.indexOf(name);
      assert.ok(i >= 0, `column ${name} in ${header.join(';')}`);
      return i;
    };
    const columns = ['Leerpad', 'Af op (JJJJ-MM-DD)', 'Te laat', 'Studietijd (minuten)', 'Laatste activiteit'].map(column);
    const line = (id: string) => columns.map((i) => lines.find((l) => l[0] === 'anna' && l[3] === `Module ${id}`)![i]);
    assert.deepEqual(line('laat'), ['Inwerken', '2026-01-15', 'ja', '0', '2026-03-10T08:00:00+01:00']);
    assert.deepEqual(line('laat-klaar'), ['Inwerken', '2026-01-15', 'nee', '0', '2026-03-09T15:00:01+01:00']);
    assert.deepEqual(line('laat-via-ander-team'), ['Zuid', '2026-02-01', 'ja', '0', '']);
    assert.deepEqual(line('bezig'), ['Later', '2099-12-31', 'nee', '10', '2026-03-10T06:10:00+01:00']);
    // The toets counts as activity: handed in a second after the lessons were read.
    assert.deepEqual(line('klaar'), ['', '', 'nee', '0', '2026-03-10T01:00:01+01:00']);
  });

  test('the dashboard filter finds the person by the status the learner sees; a late module not begun still says "Beginnen"', async () => {
    const late = await getTeamDashboard(db.db, team, course, new URLSearchParams({ status: 'te-laat', module: 'laat-nieuw' }), NOW);
    assert.deepEqual(
      late.shownRows.map((r) => r.userId),
      [learnerId],
    );
    const progress = (await getProgressRows(db.db, learnerId, course, { now: NOW })).find((r) => r.mod.meta.id === 'laat-nieuw')!.progress;
    assert.equal(progress.status, 'te-laat');
    assert.equal(progress.started, false);
  });
});
