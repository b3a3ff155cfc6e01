// The review schedule in the database: rescheduled after every answer, read by "Herhalen".
import { and, asc, count, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { onlyAfterChange, PREVIOUS_CHANGED_ONE_ROW, type AfterChange } from '../../../db/batch-guard.ts';
import type { Db } from '../../../db/client.ts';
import { reviewItems } from '../../../db/schema.ts';
import { jsonList, perDatabase } from '../../../db/prepared.ts';
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
 * answer's insert, declared onlyAfterChange (db/batch-guard.ts): only when that insert added a
 * row, so a repeated request does nothing. Only a question never seen before, or one that is due,
 * moves on the ladder: the first answer to a due review decides its schedule. An answer while
 * it is not due (a retry after the feedback showed the right answer, practice in a lesson, a
 * second tab) changes nothing, so "wrong, so tomorrow" cannot be undone and two tabs cannot climb
 * two rungs. Two requests that both saw it due race on the due date they read: the update only
 * applies while it is unchanged.
 */
export async function reviewUpdateForNewAnswer(db: Db, answer: ReviewAnswer, now: number, ladder: readonly number[]): Promise<AfterChange | undefined> {
  const [previous] = await reviewQueries(db).item.all({ userId: answer.userId, questionId: answer.questionId });
  if (previous && previous.dueAt > now) return undefined;
  const next = nextReviewState(previous, answer.correct, now, ladder);
  const state = [next.step, next.dueAt, next.lapses, next.lastCorrect ? 1 : 0, next.reviewCount, now];
  if (!previous) return onlyAfterChange({ sql: INSERT_IF_NEW, args: [answer.userId, answer.questionId, answer.moduleId, ...state] });
  return onlyAfterChange({ sql: UPDATE_IF_STILL_DUE, args: [answer.moduleId, ...state, now, answer.userId, answer.questionId, previous.dueAt] });
}

const INSERT_IF_NEW = `insert into review_items (user_id, question_id, module_id, step, due_at, lapses, last_correct, review_count, updated_at)
    select ?, ?, ?, ?, ?, ?, ?, ?, ?
    where ${PREVIOUS_CHANGED_ONE_ROW}
    on conflict (user_id, question_id) do nothing`;

const UPDATE_IF_STILL_DUE = `update review_items set
      module_id = ?, step = ?, due_at = ?, lapses = ?, last_correct = ?, review_count = ?, updated_at = ?, reviewed_at = ?
    where user_id = ? and question_id = ? and due_at = ? and ${PREVIOUS_CHANGED_ONE_ROW}`;

/** Prepared once (see db/prepared.ts): every answer and every visit to Herhalen runs these. */
const reviewQueries = perDatabase((db) => {
  const userId = sql.placeholder('userId');
  // A question removed from the course is never shown, so it is not counted either.
  const current = sql`${reviewItems.questionId} in (select value from json_each(${sql.placeholder('questionIds')}))`;
  return {
    item: db
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), eq(reviewItems.questionId, sql.placeholder('questionId'))))
      .prepare(),
    dueNow: db
      .select({ questionId: reviewItems.questionId, moduleId: reviewItems.moduleId, dueAt: reviewItems.dueAt, lastCorrect: reviewItems.lastCorrect })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, sql.placeholder('now')), current))
      .orderBy(asc(reviewItems.dueAt), asc(reviewItems.questionId))
      .prepare(),
    dueLater: db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), gt(reviewItems.dueAt, sql.placeholder('now')), lte(reviewItems.dueAt, sql.placeholder('until')), current))
      .prepare(),
    reviewedSince: db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), gte(reviewItems.reviewedAt, sql.placeholder('since')), current))
      .prepare(),
  };
});

export interface DueOverview {
  /** Due now, oldest first: questions of the current course only. */
  dueNow: { questionId: string; moduleId: string; dueAt: number; lastCorrect: boolean }[];
  /** Not due yet, but due within the next seven days. */
  dueLaterThisWeek: number;
  /** Reviews done today: answers to a question of the course while it was due (not practice, not retries). */
  reviewedToday: number;
}

/** What is due now, what falls due later this week and how many reviews were done today, for the questions of the course. */
export async function getDueOverview(db: Db, userId: string, now: number, questionIds: readonly string[]): Promise<DueOverview> {
  const weekEnd = startOfDayAfter(now, 7);
  const todayStart = startOfDayAfter(now, 0);
  const queries = reviewQueries(db);
  const ids = jsonList(questionIds);
  const [dueNow, [later], [today]] = await Promise.all([
    queries.dueNow.all({ userId, now, questionIds: ids }),
    queries.dueLater.all({ userId, now, until: weekEnd, questionIds: ids }),
    queries.reviewedSince.all({ userId, since: todayStart, questionIds: ids }),
  ]);
  return { dueNow, dueLaterThisWeek: later.n, reviewedToday: today.n };
}

/**
 * The daily goal as it can be reached today: the configured number, or fewer when fewer
 * questions are waiting (no unreachable goal). `alsoWaiting`: what else Herhalen shows besides
 * the due reviews (revised questions), so the goal is not "gehaald" while those still wait.
 * `reached` only once at least one review was done today and nothing is left of the goal.
 */
export function dailyGoal(
  configured: number,
  overview: Pick<DueOverview, 'dueNow' | 'reviewedToday'>,
  alsoWaiting = 0,
): { target: number; done: number; reached: boolean } {
  const target = Math.min(configured, overview.reviewedToday + overview.dueNow.length + alsoWaiting);
  return { target, done: overview.reviewedToday, reached: target > 0 && overview.reviewedToday >= target };
}
