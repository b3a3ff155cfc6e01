// The learner's latest answer to a question, to show its feedback again after a reload.
import { and, eq, gte, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts } from '../../../db/schema.ts';
import { perDatabase } from '../../../db/prepared.ts';
import { mapRead, preparedRead, readTogether, type ReadPlan } from '../../../db/read-together.ts';
import { answerSchema, type Answer } from '../quiz/answer-schemas.ts';

// The newest attempt per question is picked in the database (from the covering index), so only
// one answer per question is read and parsed, however often it was answered. Prepared once (see
// prepared.ts): every lesson page runs it.
const latestAnswerQuery = perDatabase((db) => {
  const latestIds = db
    .select({ id: max(attempts.id) })
    .from(attempts)
    .where(
      and(
        eq(attempts.userId, sql.placeholder('userId')),
        eq(attempts.moduleId, sql.placeholder('moduleId')),
        gte(attempts.createdAt, sql.placeholder('since')),
      ),
    )
    .groupBy(attempts.questionId);
  return db.select({ questionId: attempts.questionId, answer: attempts.answer }).from(attempts).where(inArray(attempts.id, latestIds)).prepare();
});

/** `since` limits it to answers given from that moment, e.g. during a check-in. */
export function getLatestAnswers(db: Db, userId: string, moduleId: string, since = 0): Promise<Map<string, Answer>> {
  return readTogether(db, latestAnswersPlan(db, userId, moduleId, since));
}

/** getLatestAnswers as a read plan, to send with a page's other reads (db/read-together.ts). */
export function latestAnswersPlan(db: Db, userId: string, moduleId: string, since = 0): ReadPlan<Map<string, Answer>> {
  return mapRead(preparedRead(latestAnswerQuery(db), { userId, moduleId, since }), (rows) => {
    const latest = new Map<string, Answer>();
    for (const row of rows) {
      const parsed = answerSchema.safeParse(row.answer);
      if (parsed.success) latest.set(row.questionId, parsed.data);
    }
    return latest;
  });
}
