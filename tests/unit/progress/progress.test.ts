import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { attempts, moduleCompletions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { getModuleProgress } from '../../../src/lib/progress/module-progress.ts';
import { recordLessonCompleted, recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { completeModuleIfDone } from '../../../src/lib/learning/complete-module.ts';
import { toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { answerKey } from '../../../src/lib/quiz/answer-key.ts';
import { scoreAnswer } from '../../../src/lib/quiz/score-answer.ts';
import { handInToets, recordToetsAnswer, startToets } from '../../../src/lib/toets/toets-store.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);
const lesson = (lessonId: string) => ({ moduleId: 'voorbeeld', lessonId, contentVersion: '1' });

let keyCounter = 0;
const key = () => `sleutel-${String(++keyCounter).padStart(12, '0')}`;

describe('progress', () => {
  let t: TempDb;
  let userId: string;
  before(async () => {
    t = await createTempDb();
  });
  beforeEach(async () => {
    const created = await createUser(t.db, { email: `p${keyCounter}-${Date.now()}@gemeente.nl`, name: 'P', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
  });
  after(() => t.cleanup());

  const answer = (questionId: string, a: Answer, k = key(), now?: number) =>
    submitAnswer(t.db, find, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey: k, answer: a }, { now });
  const allRight = async () => {
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' });
    await answer('vb-meer', { type: 'multiple', choices: ['a', 'b'] });
    await answer('vb-volgorde', { type: 'order', order: ['een', 'twee', 'drie'] });
    return answer('vb-tak', { type: 'branching', path: ['goed1', 'goed2', 'goed3'] });
  };

  test('a new learner has not started and resumes at the first lesson', async () => {
    const p = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p.status, 'niet-begonnen');
    assert.equal(p.percent, 0);
    assert.deepEqual(p.resume, { kind: 'lesson', lessonId: 'eerste' });
  });

  test('resume goes to the lesson last opened and not finished', async () => {
    await recordLessonOpened(t.db, { userId, ...lesson('eerste') }, 1000);
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') }, 2000);
    await recordLessonOpened(t.db, { userId, ...lesson('tweede') }, 3000);
    const p = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p.status, 'bezig');
    assert.deepEqual(p.resume, { kind: 'lesson', lessonId: 'tweede' });
    assert.equal(p.percent, Math.floor((1 / 3) * 100), 'steps: two lessons and the toets; practice is optional');
  });

  test('best and latest are both kept; score uses the best', async () => {
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' });
    await answer('vb-enkel', { type: 'single', choice: 'verwijzen' });
    const p = await getModuleProgress(t.db, userId, mod.outline);
    const standing = p.questions.get('vb-enkel')!;
    assert.equal(standing.attempts, 2);
    assert.equal(standing.bestScore, 1);
    assert.equal(standing.latestScore, 0);
    assert.equal(p.practiceScore, 0.25);
    assert.equal(p.score, 0, 'practice does not count for the certificate');
  });

  /** Takes the toets: every drawn question answered right, or wrong where `wrong` says so. */
  const takeToets = async (now: number, wrong: (questionId: string) => boolean = () => false) => {
    const started = await startToets(t.db, userId, toetsModuleOf({ ...source, outline: mod.outline }), true, now);
    assert.ok(started.ok, 'toets starts');
    for (const questionId of started.attempt.questionIds) {
      const question = source.questions.find((q) => q.id === questionId)!;
      const answer = wrong(questionId) ? wrongAnswer(question.id) : answerKey(question);
      const scored = scoreAnswer(question, answer);
      assert.ok(scored.ok);
      await recordToetsAnswer(t.db, { toetsId: started.attempt.id, userId, questionId, idempotencyKey: key(), answer, scored: scored.result }, now + 1);
    }
    const handedIn = await handInToets(t.db, userId, started.attempt.moduleId, started.attempt.id, now + 2);
    assert.ok(handedIn.ok);
    return handedIn.attempt;
  };
  const wrongAnswer = (questionId: string): Answer =>
    ({
      'vb-enkel': { type: 'single', choice: 'verwijzen' },
      'vb-meer': { type: 'multiple', choices: ['a'] },
      'vb-volgorde': { type: 'order', order: ['twee', 'een', 'drie'] },
      'vb-tak': { type: 'branching', path: ['goed1', 'gevaar'] },
    })[questionId] as Answer;

  test('the module completes only with all lessons done and a passed toets; practice alone is not enough', async () => {
    await allRight();
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline), false, 'practice and no lessons');
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline), false, 'lessons and perfect practice, but no toets');
    const p1 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p1.completedAt, null);
    assert.deepEqual(p1.resume, { kind: 'toets' });
    const attempt = await takeToets(Date.now());
    assert.equal(attempt.passed, true);
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline), true);
    const p2 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p2.status, 'afgerond');
    assert.equal(p2.percent, 100);
    assert.equal(p2.score, 1);
    assert.equal(p2.completedBeforeToets, false);
    assert.deepEqual(p2.toets, { attempts: 1, bestPassedScore: 1, bestScore: 1, open: false });
    assert.deepEqual(p2.resume, { kind: 'done' });
  });

  test('a failed toets keeps the module open and shows in progress', async () => {
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    const attempt = await takeToets(Date.now(), (id) => id !== 'vb-enkel');
    assert.equal(attempt.passed, false);
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline), false);
    const p = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p.completedAt, null);
    assert.equal(p.status, 'bezig');
    assert.deepEqual(p.toets, { attempts: 1, bestPassedScore: null, bestScore: attempt.score, open: false });
    assert.deepEqual(p.resume, { kind: 'toets' });
  });

  test('a module completed before the toets existed stays completed and is marked so; a passed toets later replaces the mark', async () => {
    await t.db.insert(moduleCompletions).values({ userId, moduleId: 'voorbeeld', completedAt: 5000, score: 0.8, contentVersion: '1' });
    const p1 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p1.status, 'afgerond');
    assert.equal(p1.completedAt, 5000);
    assert.equal(p1.completedBeforeToets, true);
    assert.equal(p1.score, 0.8);
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    await takeToets(Date.now());
    await completeModuleIfDone(t.db, userId, mod.outline);
    const p2 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p2.completedAt, 5000, 'the first completion date stays');
    assert.equal(p2.completedBeforeToets, false);
    assert.equal(p2.score, 1);
  });

  test('a double submit with the same key is stored once', async () => {
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => answer('vb-enkel', { type: 'single', choice: 'luisteren' }, k)));
    assert.equal(results.filter((r) => r.ok && r.kind === 'scored' && !r.duplicate).length, 1);
    const rows = (await t.db.select().from(attempts)).filter((a) => a.userId === userId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].contentVersion, '1');
  });

  test('an unfinished branching case stores nothing; unknown questions are a 404', async () => {
    const step = await answer('vb-tak', { type: 'branching', path: ['goed1'] });
    assert.deepEqual(step, { ok: true, kind: 'next-decision', path: ['goed1'] });
    const unknown = await answer('bestaat-niet', { type: 'single', choice: 'a' });
    assert.ok(!unknown.ok && unknown.status === 404);
    const rows = (await t.db.select().from(attempts)).filter((a) => a.userId === userId);
    assert.equal(rows.length, 0);
  });

  test('study time sums activity, with long breaks capped', async () => {
    const min = 60_000;
    await recordLessonOpened(t.db, { userId, ...lesson('eerste') }, 0);
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') }, 6 * min);
    await recordLessonOpened(t.db, { userId, ...lesson('tweede') }, 6 * min + 1000);
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') }, 5 * 60 * min); // left the tab open for hours
    const p = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p.studyTimeMs, 6 * min + 1000 + 20 * min);
  });

  test('completion keeps the first date; a better toets later raises the score', async () => {
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    const first = await takeToets(1000, (id) => id === 'vb-volgorde');
    assert.equal(first.passed, true);
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline, 5000), true);
    const second = await takeToets(6000);
    assert.equal(second.score, 1);
    assert.equal(await completeModuleIfDone(t.db, userId, mod.outline, 9000), false, 'already completed');
    const [row] = (await t.db.select().from(moduleCompletions)).filter((c) => c.userId === userId);
    assert.equal(row.completedAt, 5000);
    assert.equal(row.score, 1);
    assert.equal(row.toetsAttemptId, second.id);
  });
});
