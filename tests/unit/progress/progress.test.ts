import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { attempts, moduleCompletions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { getModuleProgress } from '../../../src/lib/progress/module-progress.ts';
import { recordLessonCompleted, recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import { submitAnswer, type ModuleForScoring } from '../../../src/lib/quiz/submit-answer.ts';
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
    assert.equal(p.percent, Math.floor((1 / 6) * 100));
  });

  test('best and latest are both kept; score uses the best', async () => {
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' });
    await answer('vb-enkel', { type: 'single', choice: 'verwijzen' });
    const p = await getModuleProgress(t.db, userId, mod.outline);
    const standing = p.questions.get('vb-enkel')!;
    assert.equal(standing.attempts, 2);
    assert.equal(standing.bestScore, 1);
    assert.equal(standing.latestScore, 0);
    assert.equal(p.score, 0.25);
  });

  test('the module completes only with all lessons read and the pass mark reached', async () => {
    const last = await allRight();
    assert.ok(last.ok && last.kind === 'scored' && !last.moduleCompleted, 'lessons not read yet');
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    const p1 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p1.completedAt, null, 'completion is recorded by the next write, not by reading');
    const again = await answer('vb-enkel', { type: 'single', choice: 'luisteren' });
    assert.ok(again.ok && again.kind === 'scored' && again.moduleCompleted);
    const p2 = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p2.status, 'afgerond');
    assert.equal(p2.percent, 100);
    assert.deepEqual(p2.resume, { kind: 'done' });
  });

  test('below the pass mark the module stays open', async () => {
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' });
    await answer('vb-meer', { type: 'multiple', choices: ['a'] });
    await answer('vb-volgorde', { type: 'order', order: ['twee', 'een', 'drie'] });
    await answer('vb-tak', { type: 'branching', path: ['goed1', 'gevaar'] });
    const p = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(p.passed, false);
    assert.equal(p.completedAt, null);
    assert.deepEqual(p.resume, { kind: 'questions', questionId: 'vb-meer' });
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

  test('completion keeps the first date and the best score', async () => {
    await recordLessonCompleted(t.db, { userId, ...lesson('eerste') });
    await recordLessonCompleted(t.db, { userId, ...lesson('tweede') });
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' }, key(), 1000);
    await answer('vb-meer', { type: 'multiple', choices: ['a', 'b'] }, key(), 1000);
    // (1 + 1 + 0.833) / 4 = 0.71: just over the pass mark of 0.7
    await answer('vb-tak', { type: 'branching', path: ['matig1', 'goed2', 'goed3'] }, key(), 5000);
    await answer('vb-volgorde', { type: 'order', order: ['een', 'twee', 'drie'] }, key(), 9000);
    await answer('vb-tak', { type: 'branching', path: ['goed1', 'goed2', 'goed3'] }, key(), 9500);
    const [row] = (await t.db.select().from(moduleCompletions)).filter((c) => c.userId === userId);
    assert.equal(row.completedAt, 5000);
    assert.equal(row.score, 1);
  });
});
