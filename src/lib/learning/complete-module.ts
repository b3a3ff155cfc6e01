// The one rule for completing a module: every lesson done (read or tested out) and an
// afsluitende toets passed. The completion keeps its first date; a better passed toets later
// raises the score on the certificate. Modules completed before the toets existed keep their row
// (toets_attempt_id null) until a toets is passed. Safe to call repeatedly. Only the use cases in
// this folder call it (complete-lesson.ts, test-out.ts, module-toets.ts), never a page.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { moduleCompletions, toetsAttempts } from '../../../db/schema.ts';
import type { ModuleOutline } from '../content/outline.ts';
import { getModuleProgress } from '../progress/module-progress.ts';

/** True when this call completed the module (it was not completed before). */
export async function completeModuleIfDone(db: Db, userId: string, outline: ModuleOutline, now = Date.now()): Promise<boolean> {
  const progress = await getModuleProgress(db, userId, outline, { studyTime: false });
  const allLessons = outline.lessons.every((l) => progress.lessonsCompleted.has(l.id));
  if (!allLessons) return false;
  const [best] = await db
    .select({ id: toetsAttempts.id, score: toetsAttempts.score })
    .from(toetsAttempts)
    .where(and(eq(toetsAttempts.userId, userId), eq(toetsAttempts.moduleId, outline.id), eq(toetsAttempts.passed, true), isNotNull(toetsAttempts.score)))
    .orderBy(desc(toetsAttempts.score), desc(toetsAttempts.id))
    .limit(1);
  if (!best || best.score === null) return false;
  await db
    .insert(moduleCompletions)
    .values({ userId, moduleId: outline.id, completedAt: now, score: best.score, contentVersion: outline.version, toetsAttemptId: best.id })
    .onConflictDoUpdate({
      target: [moduleCompletions.userId, moduleCompletions.moduleId],
      set: { score: sql`excluded.score`, toetsAttemptId: sql`excluded.toets_attempt_id` },
      setWhere: sql`${moduleCompletions.toetsAttemptId} is null or ${moduleCompletions.score} < excluded.score`,
    });
  return progress.completedAt === null;
}
