// Lesson opened / completed: an event row for the history (study time) and one summary row per
// lesson, written together so they never disagree.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { lessonEvents, lessonProgress } from '../../../db/schema.ts';

export interface LessonEventInput {
  userId: string;
  moduleId: string;
  lessonId: string;
  contentVersion: string;
}

export async function recordLessonOpened(db: Db, input: LessonEventInput, now = Date.now()): Promise<void> {
  await db.batch([
    db.insert(lessonEvents).values({ ...input, kind: 'opened', at: now }),
    db
      .insert(lessonProgress)
      .values({ userId: input.userId, moduleId: input.moduleId, lessonId: input.lessonId, firstOpenedAt: now, lastOpenedAt: now })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.moduleId, lessonProgress.lessonId],
        set: { lastOpenedAt: now },
      }),
  ]);
}

/** Completing twice keeps the first completion time: a reload is not a second completion. */
export async function recordLessonCompleted(db: Db, input: LessonEventInput, now = Date.now()): Promise<void> {
  await db.batch([
    db.insert(lessonEvents).values({ ...input, kind: 'completed', at: now }),
    db
      .insert(lessonProgress)
      .values({
        userId: input.userId,
        moduleId: input.moduleId,
        lessonId: input.lessonId,
        firstOpenedAt: now,
        lastOpenedAt: now,
        completedAt: now,
      })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.moduleId, lessonProgress.lessonId],
        set: { completedAt: sql`coalesce(${lessonProgress.completedAt}, ${now})`, lastOpenedAt: now },
      }),
  ]);
}
