// For trainers: how many reviews each professional has overdue, and which questions are forgotten
// most (wrong at review after having been right). Counts only; never answers or reflections.
import { and, count, desc, eq, gt, inArray, lte, sql, sum } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reviewItems, users } from '../../../db/schema.ts';
import { startOfDayAfter } from '../review/calendar.ts';

/**
 * `userIds` limits it to a team; without it, everyone (admin). `questionIds`: the questions of the
 * current course; a question removed from the content is never shown, so it is not counted.
 */
export async function getOverdueReviewsPerPerson(db: Db, now: number, userIds?: string[], questionIds?: readonly string[]): Promise<Map<string, number>> {
  if (userIds?.length === 0) return new Map();
  // Overdue: due before today began, i.e. not done on the day it fell due.
  const todayStart = startOfDayAfter(now, 0);
  const rows = await db
    .select({ userId: reviewItems.userId, overdue: count() })
    .from(reviewItems)
    .innerJoin(users, eq(users.id, reviewItems.userId))
    .where(
      and(lte(reviewItems.dueAt, todayStart - 1), eq(users.active, true), userIds ? inArray(reviewItems.userId, userIds) : undefined, currentOnly(questionIds)),
    )
    .groupBy(reviewItems.userId);
  return new Map(rows.map((r) => [r.userId, r.overdue]));
}

const currentOnly = (questionIds?: readonly string[]) =>
  questionIds ? sql`${reviewItems.questionId} in (select value from json_each(${JSON.stringify(questionIds)}))` : undefined;

export async function getMostForgottenQuestions(db: Db, limit = 10, userIds?: string[], questionIds?: readonly string[]) {
  if (userIds?.length === 0) return [];
  return db
    .select({
      questionId: reviewItems.questionId,
      moduleId: reviewItems.moduleId,
      lapses: sql<number>`cast(${sum(reviewItems.lapses)} as integer)`,
      people: count(),
    })
    .from(reviewItems)
    .where(and(gt(reviewItems.lapses, 0), userIds ? inArray(reviewItems.userId, userIds) : undefined, currentOnly(questionIds)))
    .groupBy(reviewItems.questionId, reviewItems.moduleId)
    .orderBy(desc(sum(reviewItems.lapses)))
    .limit(limit);
}
