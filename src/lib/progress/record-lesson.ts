// Lesson opened / completed: an event row for the history (study time) and one summary row per
// lesson, written together so they never disagree.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { lessonEvents, lessonProgress } from '../../../db/schema.ts';
import { batchPrepared, perDatabase, statementOf } from '../../../db/prepared.ts';
import { writeTogether } from '../../../db/write-together.ts';

export interface LessonEventInput {
  userId: string;
  moduleId: string;
  lessonId: string;
  contentVersion: string;
}

const lessonWrites = perDatabase((db) => {
  const event = (kind: 'opened' | 'completed') =>
    db
      .insert(lessonEvents)
      .values({
        userId: sql.placeholder('userId'),
        moduleId: sql.placeholder('moduleId'),
        lessonId: sql.placeholder('lessonId'),
        contentVersion: sql.placeholder('contentVersion'),
        kind,
        at: sql.placeholder('now'),
      })
      .prepare();
  const progress = (completed: boolean) =>
    db
      .insert(lessonProgress)
      .values({
        userId: sql.placeholder('userId'),
        moduleId: sql.placeholder('moduleId'),
        lessonId: sql.placeholder('lessonId'),
        firstOpenedAt: sql.placeholder('now'),
        lastOpenedAt: sql.placeholder('now'),
        completedAt: completed ? sql.placeholder('now') : null,
      })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.moduleId, lessonProgress.lessonId],
        // Completing twice keeps the first completion time: a reload is not a second completion.
        set: completed
          ? { completedAt: sql`coalesce(${lessonProgress.completedAt}, ${sql.placeholder('now')})`, lastOpenedAt: sql`${sql.placeholder('now')}` }
          : { lastOpenedAt: sql`${sql.placeholder('now')}` },
      })
      .prepare();
  return { opened: [event('opened'), progress(false)], completed: [event('completed'), progress(true)] };
});

/**
 * A view is written together with the views of other requests that arrive meanwhile (one
 * transaction for all of them, db/write-together.ts): the most frequent write there is, and each
 * view's two statements depend on nothing but its own values.
 */
export async function recordLessonOpened(db: Db, input: LessonEventInput, now = Date.now()): Promise<void> {
  const values = { ...input, now };
  await writeTogether(
    db,
    lessonWrites(db).opened.map((q) => statementOf(q, values)),
  );
}

export async function recordLessonCompleted(db: Db, input: LessonEventInput, now = Date.now()): Promise<void> {
  const values = { ...input, now };
  await batchPrepared(
    db,
    lessonWrites(db).completed.map((q) => statementOf(q, values)),
  );
}
