import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { moduleCompletions, reviewItems } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { getModuleProgress } from '../../../src/lib/progress/module-progress.ts';
import { recordLessonCompleted } from '../../../src/lib/progress/record-lesson.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { drawCheckin, getCheckinResults, getCheckins, startCheckin, testOutLesson } from '../../../src/lib/review/checkin.ts';
import { dailyGoal, getDueOverview } from '../../../src/lib/review/review-store.ts';
import { compareVersions, getRevisedQuestionsDue } from '../../../src/lib/review/revised-questions.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);
const lessonIds = source.lessons.map((l) => l.id);
const allIds = source.questions.map((q) => q.id);
const DAY = 24 * 60 * 60 * 1000;
let n = 0;

describe('drawing a check-in', () => {
  const questions = [
    { id: 'a1', lesson: 'a' },
    { id: 'a2', lesson: 'a' },
    { id: 'b1', lesson: 'b' },
    { id: 'x', lesson: undefined },
  ];
  test('one question per lesson, none for lessons without questions', () => {
    assert.deepEqual(
      drawCheckin(['a', 'b', 'c'], questions, new Set(), new Set(), () => 0),
      ['a1', 'b1'],
    );
  });
  test('never a question whose answer was shown: a lesson without a fresh one is left out', () => {
    for (let i = 0; i < 20; i++) assert.deepEqual(drawCheckin(['a', 'b'], questions, new Set(['a1', 'b1']), new Set(), Math.random), ['a2']);
    assert.deepEqual(
      drawCheckin(['a', 'b'], questions, new Set(), new Set(['a']), () => 0),
      ['b1'],
      'a skipped lesson is not asked',
    );
  });
});

describe('check-in, test-out and review against a real database', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  async function newUser() {
    const created = await createUser(t.db, { email: `r${++n}@gemeente.nl`, name: 'R', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    return created.userId;
  }
  const checkinModule = { moduleId: 'voorbeeld', lessonIds, questions: source.questions, retakeAfterHours: 24 };
  const start = async (userId: string, now: number, completed: Set<string> = new Set()) => {
    const started = await startCheckin(t.db, userId, checkinModule, completed, now, () => 0);
    const all = await getCheckins(t.db, userId, 'voorbeeld');
    return { started, all, checkin: all.at(-1)! };
  };
  const answer = (userId: string, questionId: string, a: Answer, now: number) =>
    submitAnswer(t.db, find, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey: `k-${++n}-${'x'.repeat(16)}`, answer: a }, { now });

  test('a lesson answered right in the check-in may be skipped; a wrong one may not', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    const { checkin, all } = await start(userId, now);
    assert.deepEqual(checkin.questionIds, ['vb-enkel', 'vb-meer']);
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + 1000);
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a'] }, now + 2000);
    // A retry after the feedback, right this time, changes nothing: the first answer counts.
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a', 'b'] }, now + 2500);
    const results = await getCheckinResults(t.db, userId, 'voorbeeld', all, source.questions);
    assert.deepEqual(Object.fromEntries(results), { eerste: 'bekend', tweede: 'niet-bekend' });
    assert.deepEqual(await testOutLesson(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'tweede', questions: source.questions }, now + 3000), {
      ok: false,
      reason: 'not-passed',
    });
    assert.deepEqual(await testOutLesson(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'eerste', questions: source.questions }, now + 3000), { ok: true });
    const progress = await getModuleProgress(t.db, userId, mod.outline);
    assert.ok(progress.lessonsTestedOut.has('eerste'));
    assert.ok(progress.lessonsCompleted.has('eerste'));
    assert.deepEqual(progress.resume, { kind: 'lesson', lessonId: 'tweede' });
  });

  test('a new check-in: only after the waiting time, never a question already shown, a failed lesson not again, a known one still markable', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    const first = await start(userId, now);
    assert.ok(first.started.ok);
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + 1000);
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a'] }, now + 2000);
    const tooSoon = await start(userId, now + 60 * 60 * 1000);
    assert.deepEqual(tooSoon.started, { ok: false, availability: { kind: 'wachten', until: now + DAY } });
    // A day later: lesson eerste is known (still markable), tweede failed (must be read), and
    // their only questions were shown: nothing is left to ask.
    const later = await start(userId, now + DAY);
    assert.deepEqual(later.started, { ok: false, availability: { kind: 'niets-te-toetsen' } });
    assert.deepEqual(await testOutLesson(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'eerste', questions: source.questions }, now + DAY), { ok: true });
    assert.deepEqual(await testOutLesson(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'tweede', questions: source.questions }, now + DAY), {
      ok: false,
      reason: 'not-passed',
    });
  });

  test('two check-ins started at once give one', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await Promise.all(Array.from({ length: 6 }, () => startCheckin(t.db, userId, checkinModule, new Set(), now)));
    assert.equal((await getCheckins(t.db, userId, 'voorbeeld')).length, 1);
  });

  test('testing out every lesson does not complete a module: the toets is still needed', async () => {
    const userId = await newUser();
    const now = Date.now();
    const { checkin } = await start(userId, now);
    await answer(userId, checkin.questionIds[0], { type: 'single', choice: 'luisteren' }, now + 1);
    await answer(userId, checkin.questionIds[1], { type: 'multiple', choices: ['a', 'b'] }, now + 2);
    for (const lessonId of lessonIds) await testOutLesson(t.db, { userId, moduleId: 'voorbeeld', lessonId, questions: source.questions }, now + 3);
    const progress = await getModuleProgress(t.db, userId, mod.outline);
    assert.equal(progress.lessonsCompleted.size, 2);
    assert.equal(progress.practiceScore, 0.5);
    assert.equal(progress.score, 0, 'check-in answers are practice, not the toets');
    assert.equal(progress.completedAt, null);
    assert.deepEqual(progress.resume, { kind: 'toets' });
  });

  test('wrong answers are due tomorrow, right ones in three days; the overview counts them', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, now);
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a', 'b'] }, now);
    const today = await getDueOverview(t.db, userId, now + 1000, allIds);
    assert.equal(today.dueNow.length, 0);
    assert.equal(today.dueLaterThisWeek, 2);
    assert.equal(today.reviewedToday, 0, 'first answers are not reviews');
    const tomorrow = await getDueOverview(t.db, userId, now + DAY, allIds);
    assert.deepEqual(
      tomorrow.dueNow.map((d) => d.questionId),
      ['vb-enkel'],
    );
    const inThreeDays = await getDueOverview(t.db, userId, now + 3 * DAY, allIds);
    assert.deepEqual(inThreeDays.dueNow.map((d) => d.questionId).sort(), ['vb-enkel', 'vb-meer']);
    // Answering it right moves it out again, and that answer is a review.
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + 3 * DAY);
    const after = await getDueOverview(t.db, userId, now + 3 * DAY + 1000, allIds);
    assert.deepEqual(
      after.dueNow.map((d) => d.questionId),
      ['vb-meer'],
    );
    assert.equal(after.reviewedToday, 1);
  });

  test('wrong means tomorrow: a retry after the feedback, right this time, does not change it', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, now);
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + 60_000);
    const [item] = (await t.db.select().from(reviewItems)).filter((r) => r.userId === userId);
    assert.equal(item.step, 0);
    assert.equal(item.lastCorrect, false);
    assert.deepEqual(
      (await getDueOverview(t.db, userId, now + DAY, allIds)).dueNow.map((d) => d.questionId),
      ['vb-enkel'],
    );
    // Due tomorrow: the first answer then decides, a retry again does not.
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, now + DAY + 1000);
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + DAY + 2000);
    const [again] = (await t.db.select().from(reviewItems)).filter((r) => r.userId === userId);
    assert.deepEqual([again.step, again.lastCorrect, again.reviewCount], [0, false, 2]);
  });

  test('two tabs answering the same due review at once move it up one rung, not two', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now);
    const due = now + 3 * DAY;
    await Promise.all(Array.from({ length: 6 }, (_, i) => answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, due + i)));
    // The other tab, still showing the question, is submitted a minute later.
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, due + 60_000);
    const [item] = (await t.db.select().from(reviewItems)).filter((r) => r.userId === userId);
    assert.equal(item.step, 2, 'step 1 (first answer) + one review');
    assert.equal(item.reviewCount, 2);
    assert.equal((await getDueOverview(t.db, userId, due + 10, allIds)).reviewedToday, 1);
  });

  test('the daily goal counts reviews only, and never asks for more than is due', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, now);
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a', 'b'] }, now);
    const firstDay = await getDueOverview(t.db, userId, now + 1000, allIds);
    assert.deepEqual(dailyGoal(5, firstDay), { target: 0, done: 0, reached: false }, 'answers without anything due: no goal, not reached');
    const nextDay = await getDueOverview(t.db, userId, now + DAY, allIds);
    assert.deepEqual(dailyGoal(5, nextDay), { target: 1, done: 0, reached: false }, 'one due: the goal is one');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, now + DAY);
    assert.deepEqual(dailyGoal(5, await getDueOverview(t.db, userId, now + DAY + 1, allIds)), { target: 1, done: 1, reached: true });
  });

  test('a question removed from the course is neither shown nor counted', async () => {
    const userId = await newUser();
    const now = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, now);
    await answer(userId, 'vb-meer', { type: 'multiple', choices: ['a'] }, now);
    const withoutMeer = source.questions.map((q) => q.id).filter((id) => id !== 'vb-meer');
    const overview = await getDueOverview(t.db, userId, now + DAY, withoutMeer);
    assert.deepEqual(
      overview.dueNow.map((d) => d.questionId),
      ['vb-enkel'],
    );
    const { getOverdueReviewsPerPerson } = await import('../../../src/lib/reports/review-health.ts');
    assert.equal((await getOverdueReviewsPerPerson(t.db, now + 5 * DAY, [userId], withoutMeer)).get(userId), 1);
    assert.equal((await getOverdueReviewsPerPerson(t.db, now + 5 * DAY, [userId])).get(userId), 2);
  });

  test('a revised question comes back for those who completed an older version', async () => {
    const userId = await newUser();
    await t.db.insert(moduleCompletions).values({ userId, moduleId: 'voorbeeld', completedAt: 1, score: 1, contentVersion: '1' });
    const modules = [{ id: 'voorbeeld', version: '2', questions: [{ id: 'vb-enkel', revisedIn: '2' }, { id: 'vb-meer' }] }];
    assert.deepEqual(await getRevisedQuestionsDue(t.db, userId, modules), [{ moduleId: 'voorbeeld', questionId: 'vb-enkel' }]);
    // Answering the new version takes it off the list.
    const v2: ModuleForScoring = { outline: { ...mod.outline, version: '2' }, questions: mod.questions };
    await submitAnswer(t.db, async () => v2, userId, {
      moduleId: 'voorbeeld',
      questionId: 'vb-enkel',
      idempotencyKey: `k-${++n}-${'y'.repeat(16)}`,
      answer: { type: 'single', choice: 'luisteren' },
    });
    assert.deepEqual(await getRevisedQuestionsDue(t.db, userId, modules), []);
    assert.ok(compareVersions('2026.10', '2026.9') > 0);
  });

  test('lessons completed by reading still count', async () => {
    const userId = await newUser();
    await recordLessonCompleted(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'eerste', contentVersion: '1' });
    const progress = await getModuleProgress(t.db, userId, mod.outline);
    assert.ok(progress.lessonsCompleted.has('eerste'));
    assert.equal(progress.lessonsTestedOut.size, 0);
  });
});

describe('review health for trainers', () => {
  test('counts overdue reviews per person and the most forgotten questions', async () => {
    const t = await createTempDb();
    try {
      const { getMostForgottenQuestions, getOverdueReviewsPerPerson } = await import('../../../src/lib/reports/review-health.ts');
      const a = await createUser(t.db, { email: 'a@gemeente.nl', name: 'A', password: 'lang-genoeg-1', role: 'learner' });
      const b = await createUser(t.db, { email: 'b@gemeente.nl', name: 'B', password: 'lang-genoeg-1', role: 'learner' });
      assert.ok(a.ok && b.ok);
      const day0 = Date.parse('2026-11-02T09:00:00Z');
      const ans = (userId: string, questionId: string, a: Answer, now: number) =>
        submitAnswer(t.db, find, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey: `h-${++n}-${'z'.repeat(16)}`, answer: a }, { now });
      // A: right, then wrong three days later (a lapse). B: right once.
      await ans(a.userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, day0);
      await ans(a.userId, 'vb-enkel', { type: 'single', choice: 'verwijzen' }, day0 + 3 * DAY);
      await ans(b.userId, 'vb-enkel', { type: 'single', choice: 'luisteren' }, day0);
      const overdue = await getOverdueReviewsPerPerson(t.db, day0 + 10 * DAY);
      assert.equal(overdue.get(a.userId), 1);
      assert.equal(overdue.get(b.userId), 1);
      assert.equal((await getOverdueReviewsPerPerson(t.db, day0 + 2 * DAY)).size, 0, 'nothing overdue before its day');
      const forgotten = await getMostForgottenQuestions(t.db);
      assert.deepEqual(forgotten, [{ questionId: 'vb-enkel', moduleId: 'voorbeeld', lapses: 1, people: 1 }]);
    } finally {
      t.cleanup();
    }
  });
});
