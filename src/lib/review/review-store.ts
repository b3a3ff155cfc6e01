// The review schedule in the database: rescheduled after every answer, read by "Herhalen".
import type { InStatement } from '@libsql/client';
import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reviewItems } from '../../../db/schema.ts';
import { perDatabase } from '../prepared.ts';
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
export async function reviewUpdateForNewAnswer(db: Db, answer: ReviewAnswer, now: number, ladder: readonly number[]): Promise<InStatement> {
  const [previous] = await reviewQueries(db).item.all({ userId: answer.userId, questionId: answer.questionId });
  const next = nextReviewState(previous, answer.correct, now, ladder);
  return {
    sql: UPSERT_AFTER_NEW_ANSWER,
    args: [answer.userId, answer.questionId, answer.moduleId, next.step, next.dueAt, next.lapses, next.lastCorrect ? 1 : 0, next.reviewCount, now],
  };
}

const UPSERT_AFTER_NEW_ANSWER = `insert into review_items (user_id, question_id, module_id, step, due_at, lapses, last_correct, review_count, updated_at)
    select ?, ?, ?, ?, ?, ?, ?, ?, ?
    where changes() = 1
    on conflict (user_id, question_id) do update set
      module_id = excluded.module_id, step = excluded.step, due_at = excluded.due_at, lapses = excluded.lapses,
      last_correct = excluded.last_correct, review_count = excluded.review_count, updated_at = excluded.updated_at`;

/** Prepared once (see prepared.ts): every answer and every visit to Herhalen runs these. */
const reviewQueries = perDatabase((db) => {
  const userId = sql.placeholder('userId');
  return {
    item: db
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), eq(reviewItems.questionId, sql.placeholder('questionId'))))
      .prepare(),
    dueNow: db
      .select({ questionId: reviewItems.questionId, moduleId: reviewItems.moduleId, dueAt: reviewItems.dueAt, lastCorrect: reviewItems.lastCorrect })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, sql.placeholder('now'))))
      .orderBy(asc(reviewItems.dueAt), asc(reviewItems.questionId))
      .prepare(),
    dueBy: db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, sql.placeholder('until'))))
      .prepare(),
    answeredSince: db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), gte(reviewItems.updatedAt, sql.placeholder('since'))))
      .prepare(),
  };
});

export interface DueOverview {
  dueNow: { questionId: string; moduleId: string; dueAt: number; lastCorrect: boolean }[];
  dueThisWeek: number;
  answeredToday: number;
}

/** What is due now (oldest first), how much falls due within seven days, and what was done today. */
export async function getDueOverview(db: Db, userId: string, now: number): Promise<DueOverview> {
  const weekEnd = startOfDayAfter(now, 7);
  const todayStart = startOfDayAfter(now, 0);
  const queries = reviewQueries(db);
  const [dueNow, [week], [today]] = await Promise.all([
    queries.dueNow.all({ userId, now }),
    queries.dueBy.all({ userId, until: weekEnd }),
    queries.answeredSince.all({ userId, since: todayStart }),
  ]);
  return { dueNow, dueThisWeek: week.n, answeredToday: today.n };
}
