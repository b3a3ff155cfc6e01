// The honest momentum counts (issue 18) on a real database with an injected clock: days in a row
// from lessons and answers, counted in Dutch calendar days, and reviews of the last seven days.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import { getStudyActivity, studyActivityPlan } from '../../../src/lib/progress/study-activity.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const DAY = 24 * 60 * 60 * 1000;
const WRONG: Answer = { type: 'single', choice: 'verwijzen' };
const RIGHT: Answer = { type: 'single', choice: 'luisteren' };
let n = 0;

describe('days in a row and reviews this week', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  const newUser = async () => {
    const created = await createUser(t.db, { email: `ritme${++n}@gemeente.nl`, name: 'R', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    return created.userId;
  };
  const open = (userId: string, at: number) => recordLessonOpened(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'eerste', contentVersion: '1' }, at);
  const answer = (userId: string, a: Answer, at: number, questionId = 'vb-enkel') =>
    submitAnswer(
      t.db,
      async () => mod,
      userId,
      { moduleId: 'voorbeeld', questionId, idempotencyKey: `ritme-${++n}-${'x'.repeat(16)}`, answer: a },
      { now: at },
    );

  test('nothing done: zero days, nothing today, no reviews', async () => {
    const userId = await newUser();
    assert.deepEqual(await getStudyActivity(t.db, userId, Date.parse('2026-12-03T10:00:00Z')), { daysInARow: 0, activeToday: false, reviewsLast7Days: 0 });
  });

  test('the database sends one row per hour with activity, not one per action', async () => {
    const userId = await newUser();
    const hour = Date.parse('2026-12-03T09:00:00Z');
    for (let i = 0; i < 5; i++) await open(userId, hour + i * 7 * 60_000 + 1234);
    await answer(userId, RIGHT, hour + 50 * 60_000);
    const plan = studyActivityPlan(userId, hour + 2 * 60 * 60_000);
    const [hours] = await t.db.$client.batch(plan.statements, 'read');
    assert.deepEqual(
      hours.rows.map((r) => Number(r.hour)),
      [hour],
    );
  });

  test('three days in a row ending today; a gap before them does not count', async () => {
    const userId = await newUser();
    const today = Date.parse('2026-12-03T10:00:00Z');
    await open(userId, today - 5 * DAY); // 28 November, then a gap on the 29th and 30th
    await open(userId, today - 2 * DAY);
    await answer(userId, WRONG, today - DAY);
    await open(userId, today - 60_000);
    assert.deepEqual(await getStudyActivity(t.db, userId, today), { daysInARow: 3, activeToday: true, reviewsLast7Days: 0 });
  });

  test('nothing yet today: the days up to yesterday still count, and a day missed ends them', async () => {
    const userId = await newUser();
    const yesterday = Date.parse('2026-12-02T15:00:00Z');
    await open(userId, yesterday - DAY);
    await open(userId, yesterday);
    const now = Date.parse('2026-12-03T07:00:00Z');
    assert.deepEqual(await getStudyActivity(t.db, userId, now), { daysInARow: 2, activeToday: false, reviewsLast7Days: 0 });
    assert.equal((await getStudyActivity(t.db, userId, now + DAY)).daysInARow, 0);
  });

  test('a day in Amsterdam is not a day in UTC: 23:30 UTC in winter is already the next Dutch day', async () => {
    const userId = await newUser();
    // 1 December 23:30 UTC = 2 December 00:30 in Amsterdam; 2 December 22:30 UTC = 23:30 there.
    await open(userId, Date.parse('2026-12-01T23:30:00Z'));
    await open(userId, Date.parse('2026-12-02T22:30:00Z'));
    // Both on 2 December in Dutch time: one day, not two.
    const activity = await getStudyActivity(t.db, userId, Date.parse('2026-12-02T22:45:00Z'));
    assert.deepEqual(activity, { daysInARow: 1, activeToday: true, reviewsLast7Days: 0 });
    // 3 December 00:10 in Amsterdam (23:10 UTC on the 2nd): a new Dutch day, nothing done yet.
    const after = await getStudyActivity(t.db, userId, Date.parse('2026-12-02T23:10:00Z'));
    assert.deepEqual(after, { daysInARow: 1, activeToday: false, reviewsLast7Days: 0 });
  });

  test('on the day the clock goes back (25 October, 25 hours long) the days follow the Dutch calendar', async () => {
    const userId = await newUser();
    // 00:30 CEST (24 October 22:30 UTC) and 23:30 CET (25 October 22:30 UTC): both on 25 October.
    await open(userId, Date.parse('2026-10-24T22:30:00Z'));
    await answer(userId, WRONG, Date.parse('2026-10-25T22:30:00Z'));
    const activity = await getStudyActivity(t.db, userId, Date.parse('2026-10-25T22:45:00Z'));
    assert.deepEqual(activity, { daysInARow: 1, activeToday: true, reviewsLast7Days: 0 });
    // The next evening: 26 October, 00:30 CET is 25 October 23:30 UTC.
    await open(userId, Date.parse('2026-10-26T20:00:00Z'));
    assert.equal((await getStudyActivity(t.db, userId, Date.parse('2026-10-26T20:05:00Z'))).daysInARow, 2);
  });

  test('reviews: an answer to a due question counts, practice the same day does not, older than seven days drops out', async () => {
    const userId = await newUser();
    const first = Date.parse('2026-11-20T09:00:00Z');
    await answer(userId, WRONG, first); // practice: not a review
    await answer(userId, RIGHT, first + 60_000); // a retry the same day: still not a review
    const due = first + DAY;
    await answer(userId, RIGHT, due); // due the next day: a review
    await answer(userId, { type: 'multiple', choices: ['a'] }, due + 60_000, 'vb-meer'); // a first answer: practice
    assert.equal((await getStudyActivity(t.db, userId, due + 60_000)).reviewsLast7Days, 1);
    assert.equal((await getStudyActivity(t.db, userId, due + 6 * DAY)).reviewsLast7Days, 1);
    assert.equal((await getStudyActivity(t.db, userId, due + 7 * DAY)).reviewsLast7Days, 0);
  });
});
