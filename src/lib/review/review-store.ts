// The review schedule in the database: rescheduled after every answer, read by "Herhalen".
import { and, asc, count, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reviewItems } from '../../../db/schema.ts';
import { startOfDayAfter } from './calendar.ts';
import { nextReviewState } from './scheduler.ts';

export interface ReviewAnswer {
  userId: string;
  moduleId: string;
  questionId: string;
  correct: boolean;
}

export async function recordReview(db: Db, answer: ReviewAnswer, now: number, ladder: readonly number[]): Promise<void> {
  const [previous] = await db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.userId, answer.userId), eq(reviewItems.questionId, answer.questionId)));
  const next = nextReviewState(previous, answer.correct, now, ladder);
  await db
    .insert(reviewItems)
    .values({ userId: answer.userId, moduleId: answer.moduleId, questionId: answer.questionId, ...next, updatedAt: now })
    .onConflictDoUpdate({ target: [reviewItems.userId, reviewItems.questionId], set: { ...next, moduleId: answer.moduleId, updatedAt: now } });
}

export interface DueOverview {
  dueNow: { questionId: string; moduleId: string; dueAt: number; lastCorrect: boolean }[];
  dueThisWeek: number;
  answeredToday: number;
}

/** What is due now (oldest first), how much falls due within seven days, and what was done today. */
export async function getDueOverview(db: Db, userId: string, now: number): Promise<DueOverview> {
  const weekEnd = startOfDayAfter(now, 7);
  const todayStart = startOfDayAfter(now, 0);
  const [dueNow, [week], [today]] = await Promise.all([
    db
      .select({ questionId: reviewItems.questionId, moduleId: reviewItems.moduleId, dueAt: reviewItems.dueAt, lastCorrect: reviewItems.lastCorrect })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, now)))
      .orderBy(asc(reviewItems.dueAt), asc(reviewItems.questionId)),
    db.select({ n: count() }).from(reviewItems).where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, weekEnd))),
    db.select({ n: count() }).from(reviewItems).where(and(eq(reviewItems.userId, userId), gte(reviewItems.updatedAt, todayStart))),
  ]);
  return { dueNow, dueThisWeek: week.n, answeredToday: today.n };
}
