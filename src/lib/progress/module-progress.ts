// Where a professional stands in a module: lessons, best and latest answers, score, completion,
// study time and where to pick up again. Reads only; nothing here writes.
import type { Db } from '../../../db/client.ts';
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { attempts, lessonEvents, lessonProgress, moduleCompletions, toetsAttempts } from '../../../db/schema.ts';
import { jsonList, perDatabase, preparedSql } from '../../../db/prepared.ts';
import { mapRead, noReads, preparedRead, rawRead, readAll, readTogether, type ReadPlan } from '../../../db/read-together.ts';
import { hasStarted, moduleStatus, type ModuleStatus } from './module-status.ts';
import type { ModuleOutline } from '../content/outline.ts';
import { dueDatesPlan } from './path-due-dates.ts';

/** Gaps longer than this between two actions count as a break, not as study time. */
export const MAX_STUDY_GAP_MS = 20 * 60 * 1000;

export interface QuestionStanding {
  attempts: number;
  bestScore: number;
  latestScore: number;
  latestCorrect: boolean;
  latestAttemptId: number;
}

export type ResumeTarget = { kind: 'lesson'; lessonId: string } | { kind: 'toets' } | { kind: 'done' };

/** The afsluitende toets as progress shows it: what counts for the certificate. */
export interface ToetsStanding {
  /** Attempts handed in. */
  attempts: number;
  /** Best score of a passed attempt, 0..1, or null when none passed. */
  bestPassedScore: number | null;
  /** Best score of any handed-in attempt, 0..1, or null. */
  bestScore: number | null;
  open: boolean;
}

export interface ModuleProgress {
  moduleId: string;
  /** Decided by moduleStatus (module-status.ts), as on the trainer's dashboard and in the CSV. */
  status: ModuleStatus;
  /** Anything done in the module; a late module may be begun or not ("Beginnen" or "Verder"). */
  started: boolean;
  lessonsOpened: Set<string>;
  /** Lessons read to the end, or skipped after a check-in showed they were known. */
  lessonsCompleted: Set<string>;
  /** The subset of lessonsCompleted that was tested out rather than read. */
  lessonsTestedOut: Set<string>;
  questions: Map<string, QuestionStanding>;
  /** Practice: average of the best score per question, unanswered questions counting 0. 0..1. Not what the certificate counts. */
  practiceScore: number;
  toets: ToetsStanding;
  /** The score that counts: the best passed toets, else 0. 0..1 */
  score: number;
  /** Completed under the old rule (best practice scores), before the toets existed. */
  completedBeforeToets: boolean;
  /** Lessons completed plus questions answered, over all lessons and questions. 0..100 */
  percent: number;
  completedAt: number | null;
  studyTimeMs: number;
  resume: ResumeTarget;
}

export interface ProgressOptions {
  /** Study time needs every action of the person in the module; pages that do not show it skip it (studyTimeMs is then 0). */
  studyTime?: boolean;
  /**
   * The due dates of the person's learning paths decide whether a module is late; a page that
   * shows no status skips them (the lesson: one query fewer per view). Without them `status`
   * never says 'te-laat': do not show it then.
   */
  dueDates?: boolean;
  /** The moment a due date is compared with (tests pin it). */
  now?: number;
}

export async function getModuleProgress(db: Db, userId: string, outline: ModuleOutline, options: ProgressOptions = {}): Promise<ModuleProgress> {
  return (await getCourseProgress(db, userId, [outline], options)).get(outline.id)!;
}

/**
 * Progress in any number of modules with six queries in all (five without study time), not
 * six per module, each summed in the database: one row per lesson, per answered question and per module, never one
 * per answer or per page view, so the cost does not grow with how long someone has studied.
 * Sent as one read batch (db/read-together.ts).
 */
export function getCourseProgress(db: Db, userId: string, outlines: ModuleOutline[], options: ProgressOptions = {}): Promise<Map<string, ModuleProgress>> {
  return readTogether(db, courseProgressPlan(db, userId, outlines, options));
}

/** getModuleProgress as a read plan, to send with a page's other reads. */
export function moduleProgressPlan(db: Db, userId: string, outline: ModuleOutline, options: ProgressOptions = {}): ReadPlan<ModuleProgress> {
  return mapRead(courseProgressPlan(db, userId, [outline], options), (progress) => progress.get(outline.id)!);
}

/** getCourseProgress as a read plan, to send with a page's other reads. */
export function courseProgressPlan(
  db: Db,
  userId: string,
  outlines: ModuleOutline[],
  { studyTime = true, dueDates: withDueDates = true, now = Date.now() }: ProgressOptions = {},
): ReadPlan<Map<string, ModuleProgress>> {
  const moduleIds = outlines.map((o) => o.id);
  if (moduleIds.length === 0) return noReads(new Map());
  const values = { userId, moduleIds: jsonList(moduleIds) };
  const queries = progressQueries(db);
  const reads = readAll([
    preparedRead(queries.lessons, values),
    preparedRead(queries.questions, values),
    // Study time: the gaps between consecutive actions (lesson events and answers), each capped.
    studyTime ? rawRead<{ moduleId: string; ms: number }>(studyTimeQuery.statement(values)) : noReads([]),
    preparedRead(queries.completions, values),
    preparedRead(queries.toets, values),
    withDueDates ? dueDatesPlan([userId], moduleIds) : noReads(new Map<string, Map<string, string>>()),
  ] as const);
  return mapRead(reads, ([lessonRows, questionRows, studyRows, completionRows, toetsRows, dueDates]) => {
    const myDueDates = dueDates.get(userId);
    return new Map(
      outlines.map((outline) => [
        outline.id,
        summarize(
          outline,
          {
            lessonRows: lessonRows.filter((r) => r.moduleId === outline.id),
            questionRows: questionRows
              .filter((r) => r.moduleId === outline.id)
              .map((r) => ({ ...r, bestScore: r.bestScore ?? 0, latestAttemptId: r.latestAttemptId ?? 0 })),
            studyTimeMs: Number(studyRows.find((r) => r.moduleId === outline.id)?.ms ?? 0),
            completion: completionRows.find((r) => r.moduleId === outline.id) ?? null,
            toets: toetsRows.find((r) => r.moduleId === outline.id) ?? null,
            dueDate: myDueDates?.get(outline.id) ?? null,
          },
          now,
        ),
      ]),
    );
  });
}

/** The queries every progress view runs, prepared once (see prepared.ts). */
const progressQueries = perDatabase((db) => {
  const userId = sql.placeholder('userId');
  const inModules = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${sql.placeholder('moduleIds')}))`;
  const perQuestion = db
    .select({
      moduleId: attempts.moduleId,
      questionId: attempts.questionId,
      attempts: count().as('attempts'),
      bestScore: max(attempts.score).as('best_score'),
      latestAttemptId: max(attempts.id).as('latest_attempt_id'),
    })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), inModules(attempts.moduleId)))
    .groupBy(attempts.moduleId, attempts.questionId)
    .as('per_question');
  return {
    lessons: db
      .select({
        moduleId: lessonProgress.moduleId,
        lessonId: lessonProgress.lessonId,
        lastOpenedAt: lessonProgress.lastOpenedAt,
        completedAt: lessonProgress.completedAt,
        testedOutAt: lessonProgress.testedOutAt,
      })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), inModules(lessonProgress.moduleId)))
      .prepare(),
    questions: db
      .select({
        moduleId: perQuestion.moduleId,
        questionId: perQuestion.questionId,
        attempts: perQuestion.attempts,
        bestScore: perQuestion.bestScore,
        latestAttemptId: perQuestion.latestAttemptId,
        latestScore: attempts.score,
        latestCorrect: attempts.correct,
      })
      .from(perQuestion)
      .innerJoin(attempts, eq(attempts.id, perQuestion.latestAttemptId))
      .prepare(),
    completions: db
      .select({
        moduleId: moduleCompletions.moduleId,
        completedAt: moduleCompletions.completedAt,
        score: moduleCompletions.score,
        toetsAttemptId: moduleCompletions.toetsAttemptId,
      })
      .from(moduleCompletions)
      .where(and(eq(moduleCompletions.userId, userId), inModules(moduleCompletions.moduleId)))
      .prepare(),
    toets: db
      .select({
        moduleId: toetsAttempts.moduleId,
        attempts: sql<number>`count(${toetsAttempts.handedInAt})`.as('attempts'),
        bestPassedScore: sql<number | null>`max(case when ${toetsAttempts.passed} then ${toetsAttempts.score} end)`.as('best_passed'),
        bestScore: max(toetsAttempts.score).as('best_score'),
        open: sql<number>`sum(${toetsAttempts.handedInAt} is null)`.as('open_attempts'),
      })
      .from(toetsAttempts)
      .where(and(eq(toetsAttempts.userId, userId), inModules(toetsAttempts.moduleId)))
      .groupBy(toetsAttempts.moduleId)
      .prepare(),
  };
});

const studyTimeQuery = preparedSql(sql`
      SELECT module_id AS moduleId, sum(min(at - previous, ${MAX_STUDY_GAP_MS})) AS ms FROM (
        SELECT module_id, at, lag(at) OVER (PARTITION BY module_id ORDER BY at) AS previous FROM (
          SELECT ${lessonEvents.moduleId} AS module_id, ${lessonEvents.at} AS at FROM ${lessonEvents}
            WHERE ${lessonEvents.userId} = ${sql.placeholder('userId')} AND ${lessonEvents.moduleId} IN (SELECT value FROM json_each(${sql.placeholder('moduleIds')}))
          UNION ALL
          SELECT ${attempts.moduleId}, ${attempts.createdAt} FROM ${attempts}
            WHERE ${attempts.userId} = ${sql.placeholder('userId')} AND ${attempts.moduleId} IN (SELECT value FROM json_each(${sql.placeholder('moduleIds')}))
        )
      ) WHERE previous IS NOT NULL GROUP BY module_id`);

interface ProgressRows {
  lessonRows: { lessonId: string; lastOpenedAt: number; completedAt: number | null; testedOutAt: number | null }[];
  /** One row per answered question: its attempts, best score and latest attempt. */
  questionRows: ({ questionId: string } & QuestionStanding)[];
  studyTimeMs: number;
  completion: { completedAt: number; score: number; toetsAttemptId: number | null } | null;
  toets: { attempts: number; bestPassedScore: number | null; bestScore: number | null; open: number | null } | null;
  /** The earliest due date of the person's learning paths holding this module (path-due-dates.ts). */
  dueDate: string | null;
}

export function summarize(outline: ModuleOutline, rows: ProgressRows, now: number): ModuleProgress {
  const lessonIds = new Set(outline.lessons.map((l) => l.id));
  const questionIds = new Set(outline.questionIds);
  const known = rows.lessonRows.filter((r) => lessonIds.has(r.lessonId));
  const lessonsOpened = new Set(known.map((r) => r.lessonId));
  const lessonsTestedOut = new Set(known.filter((r) => r.testedOutAt !== null && r.completedAt === null).map((r) => r.lessonId));
  const lessonsCompleted = new Set(known.filter((r) => r.completedAt !== null || r.testedOutAt !== null).map((r) => r.lessonId));

  const questions = new Map<string, QuestionStanding>();
  for (const { questionId, attempts, bestScore, latestScore, latestCorrect, latestAttemptId } of rows.questionRows) {
    // A question removed from the content no longer counts.
    if (questionIds.has(questionId)) questions.set(questionId, { attempts, bestScore, latestScore, latestCorrect, latestAttemptId });
  }
  const total = outline.questionIds.length;
  const practiceScore = total === 0 ? 1 : outline.questionIds.reduce((sum, id) => sum + (questions.get(id)?.bestScore ?? 0), 0) / total;
  const toets: ToetsStanding = {
    attempts: Number(rows.toets?.attempts ?? 0),
    bestPassedScore: rows.toets?.bestPassedScore ?? null,
    bestScore: rows.toets?.bestScore ?? null,
    open: Number(rows.toets?.open ?? 0) > 0,
  };
  const completedAt = rows.completion?.completedAt ?? null;
  const completedBeforeToets = rows.completion !== null && rows.completion.toetsAttemptId === null;
  // Lessons and the toets are the steps; practice questions are optional and not counted.
  const steps = outline.lessons.length + 1;
  const done = lessonsCompleted.size + (toets.bestPassedScore !== null ? 1 : 0);
  const percent = completedAt !== null ? 100 : Math.floor((done / steps) * 100);
  // Every lesson row counts (opened, read or tested out), and a toets still open as well as one handed in.
  const facts = {
    completedAt,
    lessonsTouched: lessonsOpened.size,
    questionsAnswered: questions.size,
    toetsAttempts: toets.attempts + (toets.open ? 1 : 0),
    dueDate: rows.dueDate,
  };
  const score = toets.bestPassedScore ?? (completedBeforeToets ? rows.completion!.score : 0);

  return {
    moduleId: outline.id,
    status: moduleStatus(facts, now),
    started: hasStarted(facts),
    lessonsOpened,
    lessonsCompleted,
    lessonsTestedOut,
    questions,
    practiceScore: Math.round(practiceScore * 1000) / 1000,
    toets,
    score: Math.round(score * 1000) / 1000,
    completedBeforeToets,
    percent,
    completedAt,
    studyTimeMs: rows.studyTimeMs,
    resume: resumeTarget(outline, known, lessonsCompleted, completedAt),
  };
}

/**
 * "Verder waar je was": the lesson last opened if it is not finished, else the first lesson not
 * yet completed, else the toets.
 */
function resumeTarget(
  outline: ModuleOutline,
  lessonRows: { lessonId: string; lastOpenedAt: number; completedAt: number | null; testedOutAt: number | null }[],
  lessonsCompleted: Set<string>,
  completedAt: number | null,
): ResumeTarget {
  if (completedAt !== null) return { kind: 'done' };
  const lastOpened = [...lessonRows].sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)[0];
  if (lastOpened && !lessonsCompleted.has(lastOpened.lessonId)) return { kind: 'lesson', lessonId: lastOpened.lessonId };
  const nextLesson = outline.lessons.find((l) => !lessonsCompleted.has(l.id));
  if (nextLesson) return { kind: 'lesson', lessonId: nextLesson.id };
  return { kind: 'toets' };
}
