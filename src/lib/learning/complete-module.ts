// The one rule for completing a module: every lesson done (read or tested out) and an
// afsluitende toets passed. The completion keeps its first date; a better passed toets later
// raises the score on the certificate. Modules completed before the toets existed keep their row
// (toets_attempt_id null) until a toets is passed. Safe to call repeatedly. Only the use cases in
// this folder call it (complete-lesson.ts, test-out.ts, module-toets.ts), never a page.
import { and, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { perDatabase, statementOf } from '../../../db/prepared.ts';
import { preparedRead, readAll, readTogether } from '../../../db/read-together.ts';
import { lessonProgress, moduleCompletions, toetsAttempts } from '../../../db/schema.ts';
import { writeTogether } from '../../../db/write-together.ts';
import type { ModuleOutline } from '../content/outline.ts';

/**
 * Only what the rule needs, prepared once and read as one batch: the lessons done, the best
 * passed toets and whether the module was completed before. (The whole module progress, with
 * answers, due dates and toets summary, was half of a toets hand-in's cost.)
 */
const completionQueries = perDatabase((db) => {
  const userId = sql.placeholder('userId');
  const moduleId = sql.placeholder('moduleId');
  return {
    lessonsDone: db
      .select({ lessonId: lessonProgress.lessonId })
      .from(lessonProgress)
      .where(
        and(
          eq(lessonProgress.userId, userId),
          eq(lessonProgress.moduleId, moduleId),
          or(isNotNull(lessonProgress.completedAt), isNotNull(lessonProgress.testedOutAt)),
        ),
      )
      .prepare(),
    bestPassed: db
      .select({ id: toetsAttempts.id, score: toetsAttempts.score })
      .from(toetsAttempts)
      .where(and(eq(toetsAttempts.userId, userId), eq(toetsAttempts.moduleId, moduleId), eq(toetsAttempts.passed, true), isNotNull(toetsAttempts.score)))
      .orderBy(desc(toetsAttempts.score), desc(toetsAttempts.id))
      .limit(1)
      .prepare(),
    completion: db
      .select({ completedAt: moduleCompletions.completedAt })
      .from(moduleCompletions)
      .where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleId, moduleId)))
      .prepare(),
    store: db
      .insert(moduleCompletions)
      .values({
        userId,
        moduleId,
        completedAt: sql.placeholder('now'),
        score: sql.placeholder('score'),
        contentVersion: sql.placeholder('contentVersion'),
        toetsAttemptId: sql.placeholder('toetsAttemptId'),
      })
      .onConflictDoUpdate({
        target: [moduleCompletions.userId, moduleCompletions.moduleId],
        set: { score: sql`excluded.score`, toetsAttemptId: sql`excluded.toets_attempt_id` },
        setWhere: sql`${moduleCompletions.toetsAttemptId} is null or ${moduleCompletions.score} < excluded.score`,
      })
      .prepare(),
  };
});

/** True when this call completed the module (it was not completed before). */
export async function completeModuleIfDone(db: Db, userId: string, outline: ModuleOutline, now = Date.now()): Promise<boolean> {
  const queries = completionQueries(db);
  const values = { userId, moduleId: outline.id };
  const [lessonsDone, [best], [completion]] = await readTogether(
    db,
    readAll([preparedRead(queries.lessonsDone, values), preparedRead(queries.bestPassed, values), preparedRead(queries.completion, values)] as const),
  );
  // Lessons that are no longer in the module do not count, and every current one must be done.
  const done = new Set(lessonsDone.map((row) => row.lessonId));
  if (!outline.lessons.every((l) => done.has(l.id))) return false;
  if (!best || best.score === null) return false;
  // Written together with other requests' writes (db/write-together.ts).
  await writeTogether(db, [statementOf(queries.store, { ...values, now, score: best.score, contentVersion: outline.version, toetsAttemptId: best.id })]);
  return completion === undefined;
}
