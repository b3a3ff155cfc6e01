// A learner marks a lesson as read (the button at the end of the lesson). Reading the last lesson
// can complete the module when the toets was passed before, so this use case records the lesson
// and then applies the completion rule (complete-module.ts); the page calls only this.
import type { Db } from '../../../db/client.ts';
import type { ModuleOutline } from '../content/outline.ts';
import { recordLessonCompleted } from '../progress/record-lesson.ts';
import { completeModuleIfDone } from './complete-module.ts';

/** True when this completed the module. */
export async function completeLesson(db: Db, userId: string, outline: ModuleOutline, lessonId: string, now = Date.now()): Promise<boolean> {
  await recordLessonCompleted(db, { userId, moduleId: outline.id, lessonId, contentVersion: outline.version }, now);
  return completeModuleIfDone(db, userId, outline, now);
}
