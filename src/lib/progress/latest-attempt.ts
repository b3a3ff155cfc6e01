// The learner's latest answer to a question, to show its feedback again after a reload.
import { and, eq, gte, inArray, max } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts } from '../../../db/schema.ts';
import { answerSchema, type Answer } from '../quiz/answer-schemas.ts';

/** `since` limits it to answers given from that moment, e.g. during a check-in. */
export async function getLatestAnswers(db: Db, userId: string, moduleId: string, since = 0): Promise<Map<string, Answer>> {
  // The newest attempt per question is picked in the database (from the covering index), so
  // only one answer per question is read and parsed, however often it was answered.
  const latestIds = db
    .select({ id: max(attempts.id) })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.moduleId, moduleId), gte(attempts.createdAt, since)))
    .groupBy(attempts.questionId);
  const rows = await db.select({ questionId: attempts.questionId, answer: attempts.answer }).from(attempts).where(inArray(attempts.id, latestIds));
  const latest = new Map<string, Answer>();
  for (const row of rows) {
    const parsed = answerSchema.safeParse(row.answer);
    if (parsed.success) latest.set(row.questionId, parsed.data);
  }
  return latest;
}
