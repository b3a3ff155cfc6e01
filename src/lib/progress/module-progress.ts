// Where a professional stands in a module: lessons, best and latest answers, score, completion,
// study time and where to pick up again. Reads only; nothing here writes.
import type { Db } from '../../../db/client.ts';
import { and, asc, eq } from 'drizzle-orm';
import { attempts, lessonEvents, lessonProgress, moduleCompletions } from '../../../db/schema.ts';
import type { ModuleOutline } from './outline.ts';

/** Gaps longer than this between two actions count as a break, not as study time. */
const MAX_STUDY_GAP_MS = 20 * 60 * 1000;

export interface QuestionStanding {
  attempts: number;
  bestScore: number;
  latestScore: number;
  latestCorrect: boolean;
  latestAttemptId: number;
}

export type ModuleStatus = 'niet-begonnen' | 'bezig' | 'afgerond';

export type ResumeTarget = { kind: 'lesson'; lessonId: string } | { kind: 'questions'; questionId: string | null } | { kind: 'done' };

export interface ModuleProgress {
  moduleId: string;
  status: ModuleStatus;
  lessonsOpened: Set<string>;
  /** Lessons read to the end, or skipped after a check-in showed they were known. */
  lessonsCompleted: Set<string>;
  /** The subset of lessonsCompleted that was tested out rather than read. */
  lessonsTestedOut: Set<string>;
  questions: Map<string, QuestionStanding>;
  /** Average of the best score per question, unanswered questions counting 0. 0..1 */
  score: number;
  passed: boolean;
  /** Lessons completed plus questions answered, over all lessons and questions. 0..100 */
  percent: number;
  completedAt: number | null;
  studyTimeMs: number;
  resume: ResumeTarget;
}

export async function getModuleProgress(db: Db, userId: string, outline: ModuleOutline): Promise<ModuleProgress> {
  const [lessonRows, attemptRows, eventRows, completionRows] = await Promise.all([
    db.select().from(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.moduleId, outline.id))),
    db
      .select({ id: attempts.id, questionId: attempts.questionId, score: attempts.score, correct: attempts.correct, createdAt: attempts.createdAt })
      .from(attempts)
      .where(and(eq(attempts.userId, userId), eq(attempts.moduleId, outline.id)))
      .orderBy(asc(attempts.id)),
    db
      .select({ at: lessonEvents.at })
      .from(lessonEvents)
      .where(and(eq(lessonEvents.userId, userId), eq(lessonEvents.moduleId, outline.id))),
    db.select().from(moduleCompletions).where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleId, outline.id))),
  ]);
  return summarize(outline, {
    lessonRows,
    attemptRows,
    activityTimes: [...eventRows.map((e) => e.at), ...attemptRows.map((a) => a.createdAt)],
    completedAt: completionRows[0]?.completedAt ?? null,
  });
}

interface ProgressRows {
  lessonRows: { lessonId: string; lastOpenedAt: number; completedAt: number | null; testedOutAt: number | null }[];
  attemptRows: { id: number; questionId: string; score: number; correct: boolean }[];
  activityTimes: number[];
  completedAt: number | null;
}

export function summarize(outline: ModuleOutline, rows: ProgressRows): ModuleProgress {
  const lessonIds = new Set(outline.lessons.map((l) => l.id));
  const questionIds = new Set(outline.questionIds);
  const known = rows.lessonRows.filter((r) => lessonIds.has(r.lessonId));
  const lessonsOpened = new Set(known.map((r) => r.lessonId));
  const lessonsTestedOut = new Set(known.filter((r) => r.testedOutAt !== null && r.completedAt === null).map((r) => r.lessonId));
  const lessonsCompleted = new Set(known.filter((r) => r.completedAt !== null || r.testedOutAt !== null).map((r) => r.lessonId));

  const questions = new Map<string, QuestionStanding>();
  for (const a of rows.attemptRows) {
    if (!questionIds.has(a.questionId)) continue; // a question removed from the content no longer counts
    const prev = questions.get(a.questionId);
    questions.set(a.questionId, {
      attempts: (prev?.attempts ?? 0) + 1,
      bestScore: Math.max(prev?.bestScore ?? 0, a.score),
      latestScore: a.score,
      latestCorrect: a.correct,
      latestAttemptId: a.id,
    });
  }

  const total = outline.questionIds.length;
  const score = total === 0 ? 1 : outline.questionIds.reduce((sum, id) => sum + (questions.get(id)?.bestScore ?? 0), 0) / total;
  const passed = score + 1e-9 >= outline.passMark;
  const steps = outline.lessons.length + total;
  const done = lessonsCompleted.size + questions.size;
  const completedAt = rows.completedAt;
  const percent = completedAt !== null ? 100 : steps === 0 ? 0 : Math.floor((done / steps) * 100);
  const status: ModuleStatus = completedAt !== null ? 'afgerond' : done > 0 || lessonsOpened.size > 0 ? 'bezig' : 'niet-begonnen';

  return {
    moduleId: outline.id,
    status,
    lessonsOpened,
    lessonsCompleted,
    lessonsTestedOut,
    questions,
    score: Math.round(score * 1000) / 1000,
    passed,
    percent,
    completedAt,
    studyTimeMs: studyTime(rows.activityTimes),
    resume: resumeTarget(outline, known, lessonsCompleted, questions, completedAt),
  };
}

function studyTime(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < sorted.length; i++) total += Math.min(sorted[i] - sorted[i - 1], MAX_STUDY_GAP_MS);
  return total;
}

/**
 * "Verder waar je was": the lesson last opened if it is not finished, else the first lesson not
 * yet completed, else the first question not yet answered correctly.
 */
function resumeTarget(
  outline: ModuleOutline,
  lessonRows: { lessonId: string; lastOpenedAt: number; completedAt: number | null; testedOutAt: number | null }[],
  lessonsCompleted: Set<string>,
  questions: Map<string, QuestionStanding>,
  completedAt: number | null,
): ResumeTarget {
  if (completedAt !== null) return { kind: 'done' };
  const lastOpened = [...lessonRows].sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)[0];
  if (lastOpened && !lessonsCompleted.has(lastOpened.lessonId)) return { kind: 'lesson', lessonId: lastOpened.lessonId };
  const nextLesson = outline.lessons.find((l) => !lessonsCompleted.has(l.id));
  if (nextLesson) return { kind: 'lesson', lessonId: nextLesson.id };
  const nextQuestion = outline.questionIds.find((id) => !questions.get(id)?.latestCorrect) ?? null;
  return { kind: 'questions', questionId: nextQuestion };
}
