// Honest counts for a learner's momentum (issue 18): days in a row with study activity and the
// reviews done in the last seven days, computed from what was really recorded (lessons opened or
// completed, answers in practice, review, check-in and toets), never from points or badges.
// Days are calendar days in the Netherlands (review/calendar.ts), so 00:30 on a winter night
// counts for the new day even though it is still the day before in UTC.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { preparedSql } from '../../../db/prepared.ts';
import { mapRead, rawRead, readAll, readTogether, type ReadPlan } from '../../../db/read-together.ts';
import { attempts, lessonEvents, reviewItems, toetsAnswers, toetsAttempts } from '../../../db/schema.ts';
import { addDays, localDateOf, localDateOfHour, startOfDayAfter, type LocalDate } from '../review/calendar.ts';

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
  for (const hour of activeHours) days.add(key(localDateOfHour(hour)));
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

// One row per UTC hour with any activity (at most 24 a day), not one per action; built once
// (db/prepared.ts) and sent with the count of reviews as one read batch.
// The hour as a literal: as a bound parameter a JS number may arrive as a REAL, and then the
// division keeps the milliseconds (every action its own "hour").
const hour = sql.raw(String(HOUR));
const activeHoursQuery = preparedSql(sql`
  SELECT (${lessonEvents.at} / ${hour}) * ${hour} AS hour FROM ${lessonEvents}
    WHERE ${lessonEvents.userId} = ${sql.placeholder('userId')} AND ${lessonEvents.at} >= ${sql.placeholder('since')}
  UNION
  SELECT (${attempts.createdAt} / ${hour}) * ${hour} FROM ${attempts}
    WHERE ${attempts.userId} = ${sql.placeholder('userId')} AND ${attempts.createdAt} >= ${sql.placeholder('since')}
  UNION
  SELECT (${toetsAnswers.answeredAt} / ${hour}) * ${hour} FROM ${toetsAnswers} JOIN ${toetsAttempts} ON ${toetsAttempts.id} = ${toetsAnswers.toetsId}
    WHERE ${toetsAttempts.userId} = ${sql.placeholder('userId')} AND ${toetsAnswers.answeredAt} >= ${sql.placeholder('since')}`);
const reviewsSinceQuery = preparedSql(sql`
  SELECT count(*) AS n FROM ${reviewItems} WHERE ${reviewItems.userId} = ${sql.placeholder('userId')} AND ${reviewItems.reviewedAt} >= ${sql.placeholder('weekStart')}`);

/** getStudyActivity as a read plan, to send with a page's other reads. */
export function studyActivityPlan(userId: string, now = Date.now()): ReadPlan<StudyActivity> {
  const since = startOfDayAfter(now, -STREAK_LOOKBACK_DAYS);
  const weekStart = startOfDayAfter(now, -6);
  return mapRead(
    readAll([
      rawRead<{ hour: number }>(activeHoursQuery.statement({ userId, since })),
      rawRead<{ n: number }>(reviewsSinceQuery.statement({ userId, weekStart })),
    ] as const),
    ([hours, [reviews]]) => ({
      ...daysInARow(
        hours.map((r) => Number(r.hour)),
        now,
      ),
      reviewsLast7Days: Number(reviews?.n ?? 0),
    }),
  );
}

export function getStudyActivity(db: Db, userId: string, now = Date.now()): Promise<StudyActivity> {
  return readTogether(db, studyActivityPlan(userId, now));
}
