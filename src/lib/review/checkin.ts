// The check-in (instaptoets): a short test, one question per lesson, so that experienced staff can
// skip what they already know. Kept honest the same way as the afsluitende toets:
// - every question counts on its first answer after the check-in started (a retry is practice);
// - a question whose answer was already shown (drawn in an earlier check-in, or answered anywhere
//   before) is never drawn again; a lesson without such a fresh question is not in the check-in;
// - a lesson failed in a check-in cannot be skipped any more: it has to be read;
// - a lesson shown as known stays markable when a new check-in starts;
// - a new check-in only after the module's waiting time (the toets's `retakeAfterHours`).
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, checkins, lessonProgress } from '../../../db/schema.ts';

export interface CheckinQuestion {
  id: string;
  lesson?: string;
}

/** One fresh question per lesson not skipped; a lesson without a fresh question is left out. `random` for repeatable tests. */
export function drawCheckin(
  lessonIds: string[],
  questions: CheckinQuestion[],
  seen: ReadonlySet<string>,
  skipLessons: ReadonlySet<string> = new Set(),
  random: () => number = Math.random,
): string[] {
  const drawn: string[] = [];
  for (const lessonId of lessonIds) {
    if (skipLessons.has(lessonId)) continue;
    const fresh = questions.filter((q) => q.lesson === lessonId && !seen.has(q.id));
    if (fresh.length > 0) drawn.push(fresh[Math.floor(random() * fresh.length)].id);
  }
  return drawn;
}

export interface Checkin {
  id: number;
  questionIds: string[];
  createdAt: number;
}

/** A person's check-ins for a module, oldest first. */
export async function getCheckins(db: Db, userId: string, moduleId: string): Promise<Checkin[]> {
  return db
    .select({ id: checkins.id, questionIds: checkins.questionIds, createdAt: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.userId, userId), eq(checkins.moduleId, moduleId)))
    .orderBy(asc(checkins.id));
}

export type LessonCheckinResult = 'open' | 'bekend' | 'niet-bekend';

/**
 * Per lesson, over every check-in: the first answer to its check-in question after that check-in
 * started. Failed once stays failed (the lesson must be read); otherwise the latest check-in that
 * asked about the lesson counts.
 */
export async function getCheckinResults(
  db: Db,
  userId: string,
  moduleId: string,
  all: Checkin[],
  questions: CheckinQuestion[],
): Promise<Map<string, LessonCheckinResult>> {
  const results = new Map<string, LessonCheckinResult>();
  if (all.length === 0) return results;
  const rows = await db
    .select({ questionId: attempts.questionId, correct: attempts.correct, createdAt: attempts.createdAt })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.moduleId, moduleId), gt(attempts.createdAt, all[0].createdAt - 1)))
    .orderBy(asc(attempts.id));
  for (const checkin of all) {
    for (const questionId of checkin.questionIds) {
      const lesson = questions.find((q) => q.id === questionId)?.lesson;
      if (!lesson || results.get(lesson) === 'niet-bekend') continue;
      const first = rows.find((r) => r.questionId === questionId && r.createdAt >= checkin.createdAt);
      results.set(lesson, first === undefined ? 'open' : first.correct ? 'bekend' : 'niet-bekend');
    }
  }
  return results;
}

export type CheckinAvailability = { kind: 'beschikbaar'; questionIds: string[] } | { kind: 'wachten'; until: number } | { kind: 'niets-te-toetsen' };

export interface CheckinModule {
  moduleId: string;
  lessonIds: string[];
  questions: CheckinQuestion[];
  retakeAfterHours: number;
}

/** Whether a new check-in can start now, and which questions it would ask. */
export async function checkinAvailability(
  db: Db,
  userId: string,
  mod: CheckinModule,
  completedLessons: ReadonlySet<string>,
  now: number,
  random: () => number = Math.random,
): Promise<CheckinAvailability> {
  const all = await getCheckins(db, userId, mod.moduleId);
  const latest = all.at(-1);
  if (latest) {
    const until = latest.createdAt + mod.retakeAfterHours * 60 * 60 * 1000;
    if (now < until) return { kind: 'wachten', until };
  }
  const answered = await db
    .selectDistinct({ questionId: attempts.questionId })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.moduleId, mod.moduleId)));
  const seen = new Set([...all.flatMap((c) => c.questionIds), ...answered.map((a) => a.questionId)]);
  const results = await getCheckinResults(db, userId, mod.moduleId, all, mod.questions);
  // Known lessons stay markable from their check-in; failed ones must be read; done ones are done.
  const skip = new Set([...completedLessons, ...[...results].filter(([, r]) => r !== 'open').map(([lesson]) => lesson)]);
  const questionIds = drawCheckin(mod.lessonIds, mod.questions, seen, skip, random);
  return questionIds.length === 0 ? { kind: 'niets-te-toetsen' } : { kind: 'beschikbaar', questionIds };
}

export type StartCheckinResult = { ok: true } | { ok: false; availability: Exclude<CheckinAvailability, { kind: 'beschikbaar' }> };

/**
 * Starts a check-in when the policy allows it. Two starts at once (two tabs, a double click) give
 * one: the insert itself checks that no check-in started within the waiting time.
 */
export async function startCheckin(
  db: Db,
  userId: string,
  mod: CheckinModule,
  completedLessons: ReadonlySet<string>,
  now: number,
  random: () => number = Math.random,
): Promise<StartCheckinResult> {
  const availability = await checkinAvailability(db, userId, mod, completedLessons, now, random);
  if (availability.kind !== 'beschikbaar') return { ok: false, availability };
  const since = now - mod.retakeAfterHours * 60 * 60 * 1000;
  await db.run(sql`insert into checkins (user_id, module_id, question_ids, created_at)
    select ${userId}, ${mod.moduleId}, ${JSON.stringify(availability.questionIds)}, ${now}
    where not exists (select 1 from checkins where user_id = ${userId} and module_id = ${mod.moduleId} and created_at > ${since})`);
  return { ok: true };
}

export type TestOutResult = { ok: true } | { ok: false; reason: 'not-passed' };

/** Marks a lesson as known, only when a check-in shows it known and none showed it failed. */
export async function testOutLesson(
  db: Db,
  input: { userId: string; moduleId: string; lessonId: string; questions: CheckinQuestion[] },
  now: number,
): Promise<TestOutResult> {
  const all = await getCheckins(db, input.userId, input.moduleId);
  const results = await getCheckinResults(db, input.userId, input.moduleId, all, input.questions);
  if (results.get(input.lessonId) !== 'bekend') return { ok: false, reason: 'not-passed' };
  await db
    .insert(lessonProgress)
    .values({ userId: input.userId, moduleId: input.moduleId, lessonId: input.lessonId, firstOpenedAt: now, lastOpenedAt: now, testedOutAt: now })
    .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.moduleId, lessonProgress.lessonId], set: { testedOutAt: now } });
  return { ok: true };
}
