// Herhalen said "Dagdoel gehaald. Goed bezig!" when that was not true (issue 18): the goal counts
// what is waiting on the page (revised questions included) and only reviews of questions the
// course still has, so it is reached only once today's reviews are done and nothing is left of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { moduleCompletions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { dailyGoal, getDueOverview } from '../../../src/lib/review/review-store.ts';
import { getRevisedQuestionsDue } from '../../../src/lib/review/revised-questions.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const allIds = source.questions.map((q) => q.id);
const DAY = 24 * 60 * 60 * 1000;
const WRONG: Answer = { type: 'single', choice: 'verwijzen' };
const RIGHT: Answer = { type: 'single', choice: 'luisteren' };
let n = 0;

describe('the daily goal on Herhalen', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  const newUser = async () => {
    const created = await createUser(t.db, { email: `doel${++n}@gemeente.nl`, name: 'D', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    return created.userId;
  };
  const answer = (userId: string, questionId: string, a: Answer, now: number) =>
    submitAnswer(t.db, async () => mod, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey: `doel-${++n}-${'x'.repeat(16)}`, answer: a }, { now });

  /** Yesterday a wrong answer, so due today; today the review is done (in a module, say). */
  async function reviewedOnce(): Promise<{ userId: string; today: number }> {
    const userId = await newUser();
    const yesterday = Date.parse('2026-11-22T09:00:00Z');
    await answer(userId, 'vb-enkel', WRONG, yesterday);
    await answer(userId, 'vb-enkel', RIGHT, yesterday + DAY);
    return { userId, today: yesterday + DAY + 60_000 };
  }

  test('nothing reviewed and nothing waiting: no goal, not reached', async () => {
    const userId = await newUser();
    const overview = await getDueOverview(t.db, userId, Date.parse('2026-11-22T09:00:00Z'), allIds);
    assert.deepEqual(dailyGoal(5, overview, 0), { target: 0, done: 0, reached: false });
  });

  test('a review done, but revised questions still waiting on the page: not reached yet', async () => {
    const { userId, today } = await reviewedOnce();
    await t.db.insert(moduleCompletions).values({ userId, moduleId: 'voorbeeld', completedAt: 1, score: 1, contentVersion: '1' });
    const modules = [{ id: 'voorbeeld', version: '2', questions: [{ id: 'vb-enkel' }, { id: 'vb-meer', revisedIn: '2' }] }];
    const revised = await getRevisedQuestionsDue(t.db, userId, modules);
    assert.deepEqual(
      revised.map((r) => r.questionId),
      ['vb-meer'],
    );
    const overview = await getDueOverview(t.db, userId, today, allIds);
    assert.deepEqual([overview.reviewedToday, overview.dueNow.length], [1, 0]);
    assert.deepEqual(dailyGoal(5, overview, revised.length), { target: 2, done: 1, reached: false });
    // Without anything else waiting, the one review was the day's work.
    assert.deepEqual(dailyGoal(5, overview, 0), { target: 1, done: 1, reached: true });
  });

  test('a review of a question the course no longer has does not count', async () => {
    const { userId, today } = await reviewedOnce();
    const overview = await getDueOverview(
      t.db,
      userId,
      today,
      allIds.filter((id) => id !== 'vb-enkel'),
    );
    assert.equal(overview.reviewedToday, 0);
    assert.deepEqual(dailyGoal(5, overview, 0), { target: 0, done: 0, reached: false });
  });

  test('the configured goal done is reached, even with more waiting', async () => {
    const { userId, today } = await reviewedOnce();
    const overview = await getDueOverview(t.db, userId, today, allIds);
    assert.deepEqual(dailyGoal(1, overview, 3), { target: 1, done: 1, reached: true });
  });
});
