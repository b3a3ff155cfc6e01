// Honest counts for a learner's momentum (issue 18): days in a row with study activity and the
// reviews done in the last seven days, computed from what was really recorded (lessons opened or
// completed, answers in practice, review, check-in and toets), never from points or badges.
// Days are calendar days in the Netherlands (review/calendar.ts), so 00:30 on a winter night
// counts for the new day even though it is still the day before in UTC.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, lessonEvents, reviewItems, toetsAnswers, toetsAttempts } from '../../../db/schema.ts';
import { addDays, localDateOf, startOfDayAfter, type LocalDate } from '../review/calendar.ts';

const HOUR = 60 * 60 * 1000;
/** How far back the days in a row are counted; a longer streak shows as this many days. */
export const STREAK_LOOKBACK_DAYS = 366;

export interface StudyActivity {
  /** Consecutive days with activity, ending today, or yesterday when nothing was done yet today. */
  daysInARow: number;
  /** Whether there was activity today. */
  activeToday: boolean;
  /** Distinct questions answered as a review (while due) in the last seven days, today included. */
  reviewsLast7Days: number;
}

const key = (d: LocalDate) => `${d.year}-${d.month}-${d.day}`;

/**
 * Days in a row from the hours (ms at the start of a UTC hour) with activity. Dutch offsets are
 * whole hours, so an hour bucket never straddles a local midnight.
 */
export function daysInARow(activeHours: Iterable<number>, now: number): { daysInARow: number; activeToday: boolean } {
  const days = new Set<string>();
  for (const hour of activeHours) days.add(key(localDateOf(hour)));
  const today = localDateOf(now);
  const activeToday = days.has(key(today));
  let day = activeToday ? today : addDays(today, -1);
  let count = 0;
  while (days.has(key(day)) && count < STREAK_LOOKBACK_DAYS) {
    count++;
    day = addDays(day, -1);
  }
  return { daysInARow: count, activeToday };
}

export async function getStudyActivity(db: Db, userId: string, now = Date.now()): Promise<StudyActivity> {
  const since = startOfDayAfter(now, -STREAK_LOOKBACK_DAYS);
  const weekStart = startOfDayAfter(now, -6);
  // One row per UTC hour with any activity (at most 24 a day), not one per action.
  const hourOf = (column: typeof lessonEvents.at | typeof attempts.createdAt | typeof toetsAnswers.answeredAt) =>
    sql<number>`(${column} / ${HOUR}) * ${HOUR}`.as('hour');
  const [lessonHours, answerHours, toetsHours, [reviews]] = await Promise.all([
    db
      .selectDistinct({ hour: hourOf(lessonEvents.at) })
      .from(lessonEvents)
      .where(and(eq(lessonEvents.userId, userId), gte(lessonEvents.at, since))),
    db
      .selectDistinct({ hour: hourOf(attempts.createdAt) })
      .from(attempts)
      .where(and(eq(attempts.userId, userId), gte(attempts.createdAt, since))),
    db
      .selectDistinct({ hour: hourOf(toetsAnswers.answeredAt) })
      .from(toetsAnswers)
      .innerJoin(toetsAttempts, eq(toetsAttempts.id, toetsAnswers.toetsId))
      .where(and(eq(toetsAttempts.userId, userId), gte(toetsAnswers.answeredAt, since))),
    db
      .select({ n: sql<number>`count(*)` })
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, userId), gte(reviewItems.reviewedAt, weekStart))),
  ]);
  const hours = [...lessonHours, ...answerHours, ...toetsHours].map((r) => Number(r.hour));
  return { ...daysInARow(hours, now), reviewsLast7Days: Number(reviews?.n ?? 0) };
}
