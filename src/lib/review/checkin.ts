// The check-in (toets vooraf): a short test drawn from a module's questions, one per lesson, so
// that experienced staff can skip what they already know. A lesson may be skipped ("tested out")
// when its check-in questions were answered correctly.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, checkins, lessonProgress } from '../../../db/schema.ts';

export interface CheckinQuestion {
  id: string;
  lesson?: string;
}

/**
 * One question per lesson, avoiding the questions of the previous check-in where the lesson
 * has others. `random` is a parameter so tests are repeatable.
 */
export function drawCheckin(lessonIds: string[], questions: CheckinQuestion[], previous: string[], random: () => number = Math.random): string[] {
  const before = new Set(previous);
  const drawn: string[] = [];
  for (const lessonId of lessonIds) {
    const candidates = questions.filter((q) => q.lesson === lessonId);
    if (candidates.length === 0) continue;
    const fresh = candidates.filter((q) => !before.has(q.id));
    const pool = fresh.length > 0 ? fresh : candidates;
    drawn.push(pool[Math.floor(random() * pool.length)].id);
  }
  return drawn;
}

export interface Checkin {
  id: number;
  questionIds: string[];
  createdAt: number;
}

export async function getLatestCheckin(db: Db, userId: string, moduleId: string): Promise<Checkin | undefined> {
  const [row] = await db
    .select({ id: checkins.id, questionIds: checkins.questionIds, createdAt: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.userId, userId), eq(checkins.moduleId, moduleId)))
    .orderBy(desc(checkins.id))
    .limit(1);
  return row;
}

export async function startCheckin(
  db: Db,
  input: { userId: string; moduleId: string; lessonIds: string[]; questions: CheckinQuestion[] },
  now: number,
  random: () => number = Math.random,
): Promise<Checkin> {
  const previous = await getLatestCheckin(db, input.userId, input.moduleId);
  const questionIds = drawCheckin(input.lessonIds, input.questions, previous?.questionIds ?? [], random);
  const inserted = await db.insert(checkins).values({ userId: input.userId, moduleId: input.moduleId, questionIds, createdAt: now });
  return { id: Number(inserted.lastInsertRowid), questionIds, createdAt: now };
}

export type LessonCheckinResult = 'open' | 'bekend' | 'niet-bekend';

/** Per lesson: were its check-in questions answered correctly (first answer after the start)? */
export async function getCheckinResults(
  db: Db,
  userId: string,
  moduleId: string,
  checkin: Checkin,
  questions: CheckinQuestion[],
): Promise<Map<string, LessonCheckinResult>> {
  const rows = await db
    .select({ questionId: attempts.questionId, correct: attempts.correct, id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.moduleId, moduleId), gt(attempts.createdAt, checkin.createdAt - 1)))
    .orderBy(attempts.id);
  const firstAnswer = new Map<string, boolean>();
  for (const row of rows) if (!firstAnswer.has(row.questionId)) firstAnswer.set(row.questionId, row.correct);

  const results = new Map<string, LessonCheckinResult>();
  for (const questionId of checkin.questionIds) {
    const lesson = questions.find((q) => q.id === questionId)?.lesson;
    if (!lesson) continue;
    const answer = firstAnswer.get(questionId);
    const previous = results.get(lesson);
    const result: LessonCheckinResult = answer === undefined ? 'open' : answer ? 'bekend' : 'niet-bekend';
    if (previous === 'niet-bekend' || (previous === 'open' && result === 'bekend')) continue;
    results.set(lesson, result);
  }
  return results;
}

export type TestOutResult = { ok: true } | { ok: false; reason: 'not-passed' };

/** Marks a lesson as known, only when the latest check-in shows it. */
export async function testOutLesson(
  db: Db,
  input: { userId: string; moduleId: string; lessonId: string; questions: CheckinQuestion[] },
  now: number,
): Promise<TestOutResult> {
  const checkin = await getLatestCheckin(db, input.userId, input.moduleId);
  if (!checkin) return { ok: false, reason: 'not-passed' };
  const results = await getCheckinResults(db, input.userId, input.moduleId, checkin, input.questions);
  if (results.get(input.lessonId) !== 'bekend') return { ok: false, reason: 'not-passed' };
  await db
    .insert(lessonProgress)
    .values({ userId: input.userId, moduleId: input.moduleId, lessonId: input.lessonId, firstOpenedAt: now, lastOpenedAt: now, testedOutAt: now })
    .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.moduleId, lessonProgress.lessonId], set: { testedOutAt: now } });
  return { ok: true };
}
