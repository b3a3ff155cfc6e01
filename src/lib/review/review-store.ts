// The review schedule in the database: rescheduled after every answer, read by "Herhalen".
import { and, asc, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
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

/**
 * The schedule update for an answer, as a statement to run in the same batch right after the
 * answer's insert: `changes() = 1` makes it apply only when that insert added a row, so a
 * repeated request does not move the question up the ladder twice.
 */
export async function reviewUpdateForNewAnswer(db: Db, answer: ReviewAnswer, now: number, ladder: readonly number[]): Promise<SQL> {
  const [previous] = await db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.userId, answer.userId), eq(reviewItems.questionId, answer.questionId)));
  const next = nextReviewState(previous, answer.correct, now, ladder);
  return sql`insert into review_items (user_id, question_id, module_id, step, due_at, lapses, last_correct, review_count, updated_at)
    select ${answer.userId}, ${answer.questionId}, ${answer.moduleId}, ${next.step}, ${next.dueAt}, ${next.lapses}, ${next.lastCorrect ? 1 : 0}, ${next.reviewCount}, ${now}
    where changes() = 1
    on conflict (user_id, question_id) do update set
      module_id = excluded.module_id, step = excluded.step, due_at = excluded.due_at, lapses = excluded.lapses,
      last_correct = excluded.last_correct, review_count = excluded.review_count, updated_at = excluded.updated_at`;
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
