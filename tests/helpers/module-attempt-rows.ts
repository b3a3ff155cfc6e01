// Every answer of a module as rows, for the reference computation of the question analysis
// (module-stats-reference.ts): what a trainer's or an admin's scope holds, anonymous answers of
// deleted accounts included for admins. Only tests use it; the site sums in the database.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anonymousAttempts, attempts } from '../../db/schema.ts';
import type { AttemptRow } from './module-stats-reference.ts';

/** Ids of anonymous rows are shifted past any real attempt id, so "first attempt" order holds within each. */
const ANONYMOUS_ID_OFFSET = 1e12;

export async function getModuleAttemptRows(db: Db, moduleId: string, learners: string[] | 'all'): Promise<AttemptRow[]> {
  if (learners !== 'all' && learners.length === 0) return [];
  const named = await db
    .select({
      id: attempts.id,
      userId: attempts.userId,
      questionId: attempts.questionId,
      correct: attempts.correct,
      score: attempts.score,
      answer: attempts.answer,
    })
    .from(attempts)
    .where(and(eq(attempts.moduleId, moduleId), learners === 'all' ? undefined : inArray(attempts.userId, learners)));
  if (learners !== 'all') return named;
  // Admins see everyone, including the anonymous answers of deleted accounts.
  const anonymous = await db
    .select({
      id: anonymousAttempts.id,
      anonId: anonymousAttempts.anonId,
      questionId: anonymousAttempts.questionId,
      correct: anonymousAttempts.correct,
      score: anonymousAttempts.score,
      answer: anonymousAttempts.answer,
    })
    .from(anonymousAttempts)
    .where(eq(anonymousAttempts.moduleId, moduleId));
  return [...named, ...anonymous.map(({ anonId, ...a }) => ({ ...a, id: a.id + ANONYMOUS_ID_OFFSET, userId: `anoniem:${anonId}` }))];
}
