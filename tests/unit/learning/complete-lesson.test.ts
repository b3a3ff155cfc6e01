// The two use cases that can complete a module besides handing in the toets (learning/
// complete-lesson.ts, learning/test-out.ts), against a real database: each records the lesson and
// then completes the module when the toets was already passed, with the lesson's own time.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { moduleCompletions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { completeLesson } from '../../../src/lib/learning/complete-lesson.ts';
import { toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { testOutOfLesson } from '../../../src/lib/learning/test-out.ts';
import { getModuleProgress } from '../../../src/lib/progress/module-progress.ts';
import { recordLessonCompleted } from '../../../src/lib/progress/record-lesson.ts';
import { answerKey } from '../../../src/lib/quiz/answer-key.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { scoreAnswer } from '../../../src/lib/quiz/score-answer.ts';
import { startCheckin } from '../../../src/lib/review/checkin.ts';
import { handInToets, recordToetsAnswer, startToets } from '../../../src/lib/toets/toets-store.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);

let counter = 0;
const key = () => `afronden-${String(++counter).padStart(12, '0')}`;

describe('completing a lesson or testing out of one completes the module after a passed toets', () => {
  let t: TempDb;
  let userId: string;
  before(async () => {
    t = await createTempDb();
  });
  beforeEach(async () => {
    const created = await createUser(t.db, { email: `afronden${++counter}@gemeente.nl`, name: 'A', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
  });
  after(() => t.cleanup());

  /** A passed toets, handed in without completing anything (toets-store, not the use case). */
  const passToets = async (now: number) => {
    const started = await startToets(t.db, userId, toetsModuleOf({ ...source, outline: mod.outline }), true, now);
    assert.ok(started.ok, 'toets starts');
    for (const questionId of started.attempt.questionIds) {
      const question = source.questions.find((q) => q.id === questionId)!;
      const scored = scoreAnswer(question, answerKey(question));
      assert.ok(scored.ok);
      await recordToetsAnswer(
        t.db,
        { toetsId: started.attempt.id, userId, questionId, idempotencyKey: key(), answer: answerKey(question), scored: scored.result },
        now + 1,
      );
    }
    const handedIn = await handInToets(t.db, userId, started.attempt.moduleId, started.attempt.id, now + 2);
    assert.ok(handedIn.ok && handedIn.attempt.passed);
  };
  const completion = async () =>
    (
      await t.db
        .select()
        .from(moduleCompletions)
        .where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleId, mod.outline.id)))
    )[0];

  test('completeLesson records the lesson, and the last one completes the module', async () => {
    assert.equal(await completeLesson(t.db, userId, mod.outline, 'eerste', 1000), false, 'no toets yet');
    const read = await getModuleProgress(t.db, userId, mod.outline, { studyTime: false });
    assert.ok(read.lessonsCompleted.has('eerste'));
    await passToets(2000);
    assert.equal(await completion(), undefined, 'handing in alone did not complete the module here');
    assert.equal(await completeLesson(t.db, userId, mod.outline, 'tweede', 5000), true);
    assert.equal((await completion())?.completedAt, 5000);
    assert.equal(await completeLesson(t.db, userId, mod.outline, 'tweede', 6000), false, 'already completed');
    assert.equal((await completion())?.completedAt, 5000, 'the first date is kept');
  });

  test('testOutOfLesson marks a known lesson and completes the module; a lesson not known is refused', async () => {
    const now = Date.parse('2026-11-22T09:00:00Z');
    const started = await startCheckin(
      t.db,
      userId,
      { moduleId: 'voorbeeld', lessonIds: source.lessons.map((l) => l.id), questions: source.questions, retakeAfterHours: 24 },
      new Set(),
      now,
      () => 0,
    );
    assert.ok(started.ok);
    const answer = (questionId: string, a: Answer, at: number) =>
      submitAnswer(t.db, find, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey: key(), answer: a }, { now: at });
    await answer('vb-enkel', { type: 'single', choice: 'luisteren' }, now + 1000);
    await answer('vb-meer', { type: 'multiple', choices: ['a'] }, now + 2000);
    assert.deepEqual(await testOutOfLesson(t.db, userId, mod, 'tweede', now + 3000), { ok: false, reason: 'not-passed' });
    await recordLessonCompleted(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'tweede', contentVersion: mod.outline.version }, now + 4000);
    await passToets(now + 5000);
    assert.equal(await completion(), undefined);
    assert.deepEqual(await testOutOfLesson(t.db, userId, mod, 'eerste', now + 9000), { ok: true });
    assert.equal((await completion())?.completedAt, now + 9000);
    const progress = await getModuleProgress(t.db, userId, mod.outline, { studyTime: false });
    assert.ok(progress.lessonsTestedOut.has('eerste'));
  });
});
