// Writing an answer and, when it completes the module, the completion, in one transaction.
// The idempotency key (one per rendered form) makes a double submit or a retried request land
// once: the second insert finds the first and returns it.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, moduleCompletions } from '../../../db/schema.ts';
import type { Answer } from '../quiz/answer-schemas.ts';
import type { ScoredAnswer } from '../quiz/score-answer.ts';
import { getModuleProgress } from './module-progress.ts';
import type { ModuleOutline } from './outline.ts';

export interface AttemptInput {
  userId: string;
  questionId: string;
  idempotencyKey: string;
  answer: Answer;
  scored: ScoredAnswer;
}

export interface RecordedAttempt {
  attemptId: number;
  duplicate: boolean;
  moduleCompleted: boolean;
}

export async function recordAttempt(db: Db, outline: ModuleOutline, input: AttemptInput, now = Date.now()): Promise<RecordedAttempt> {
  const inserted = await db
    .insert(attempts)
    .values({
      userId: input.userId,
      moduleId: outline.id,
      questionId: input.questionId,
      idempotencyKey: input.idempotencyKey,
      answer: { ...input.answer, misconceptions: input.scored.misconceptions },
      correct: input.scored.correct,
      score: input.scored.score,
      contentVersion: outline.version,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [attempts.userId, attempts.idempotencyKey] })
    .returning({ id: attempts.id });

  if (inserted.length === 0) {
    const [existing] = await db
      .select({ id: attempts.id })
      .from(attempts)
      .where(and(eq(attempts.userId, input.userId), eq(attempts.idempotencyKey, input.idempotencyKey)));
    return { attemptId: existing.id, duplicate: true, moduleCompleted: false };
  }
  const moduleCompleted = await completeModuleIfDone(db, input.userId, outline, now);
  return { attemptId: inserted[0].id, duplicate: false, moduleCompleted };
}

/**
 * Records completion when all lessons are done and the pass mark is reached. The first
 * completion date stays; the score kept is the best one reached. Safe to call repeatedly.
 */
export async function completeModuleIfDone(db: Db, userId: string, outline: ModuleOutline, now = Date.now()): Promise<boolean> {
  const progress = await getModuleProgress(db, userId, outline);
  const allLessons = outline.lessons.every((l) => progress.lessonsCompleted.has(l.id));
  if (!allLessons || !progress.passed) return false;
  await db
    .insert(moduleCompletions)
    .values({ userId, moduleId: outline.id, completedAt: now, score: progress.score, contentVersion: outline.version })
    .onConflictDoUpdate({
      target: [moduleCompletions.userId, moduleCompletions.moduleId],
      set: { score: sql`max(${moduleCompletions.score}, ${progress.score})` },
    });
  return progress.completedAt === null;
}
