// A learner skips a lesson they showed they know in the check-in (instaptoets). Like reading it,
// that can complete the module when the toets was passed before, so this use case marks the lesson
// (review/checkin.ts decides whether it may be skipped) and then applies the completion rule
// (complete-module.ts); the page calls only this.
import type { Db } from '../../../db/client.ts';
import type { ModuleOutline } from '../content/outline.ts';
import { testOutLesson, type CheckinQuestion, type TestOutResult } from '../review/checkin.ts';
import { completeModuleIfDone } from './complete-module.ts';

export async function testOutOfLesson(
  db: Db,
  userId: string,
  mod: { outline: ModuleOutline; questions: CheckinQuestion[] },
  lessonId: string,
  now = Date.now(),
): Promise<TestOutResult> {
  const result = await testOutLesson(db, { userId, moduleId: mod.outline.id, lessonId, questions: mod.questions }, now);
  if (result.ok) await completeModuleIfDone(db, userId, mod.outline, now);
  return result;
}
