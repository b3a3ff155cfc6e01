// The trainer's table: every professional of a team × every module, with status, score and
// completion date. The status is decided by moduleStatus from the same facts the learner's own
// progress reads (module-status.ts). A handful of grouped queries, however large the team.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, lessonProgress, moduleCompletions, teamMembers, toetsAttempts } from '../../../db/schema.ts';
import { moduleStatus, type ModuleStatus } from '../progress/module-status.ts';
import type { ModuleOutline } from '../content/outline.ts';
import { getDueDates } from '../progress/path-due-dates.ts';
import { jsonList } from '../../../db/prepared.ts';

export interface ProgressCell {
  status: ModuleStatus;
  /** 0..1: the best passed toets (or the score of a completion from before the toets), else 0 */
  score: number;
  /** Toets attempts handed in. */
  toetsAttempts: number;
  /** Best passed toets score 0..1, or null when no toets was passed. */
  bestPassedToets: number | null;
  completedAt: number | null;
  completedVersion: string | null;
  /** Completed under the old rule, before the afsluitende toets existed. */
  completedBeforeToets: boolean;
  /** The earliest due date (YYYY-MM-DD) of the person's paths that hold the module, or null: what the status was decided with. */
  dueDate: string | null;
}

export interface TeamProgressRow {
  userId: string;
  name: string;
  email: string;
  cells: Map<string, ProgressCell>;
}

/** A team's table needs no team: a member's status is the person's, over all their paths and teams. */
export async function getTeamProgress(
  db: Db,
  members: { id: string; name: string; email: string }[],
  outlines: ModuleOutline[],
  now = Date.now(),
): Promise<TeamProgressRow[]> {
  const ids = members.map((m) => m.id);
  if (ids.length === 0) return [];
  // Summed in the database and handed over as ONE JSON value: a row per person and module (how
  // many of its current lessons they touched and current questions they answered) instead of a
  // row per answered question. Thousands of rows through the driver were what made the dashboard
  // slow. Only what is still in the module counts, as in the learner's own progress.
  const people = jsonList(ids);
  const moduleIds = jsonList(outlines.map((o) => o.id));
  const currentQuestions = jsonList(outlines.flatMap((o) => o.questionIds.map((q) => `${o.id}/${q}`)));
  const currentLessons = jsonList(outlines.flatMap((o) => o.lessons.map((l) => `${o.id}/${l.id}`)));
  const questionsAnswered = sql`SELECT ${attempts.userId} AS user_id, ${attempts.moduleId} AS module_id, 0 AS lessons, count(DISTINCT ${attempts.questionId}) AS questions
    FROM ${attempts} WHERE ${attempts.userId} IN (SELECT value FROM json_each(${people})) AND ${attempts.moduleId} IN (SELECT value FROM json_each(${moduleIds}))
      AND ${attempts.moduleId} || '/' || ${attempts.questionId} IN (SELECT value FROM json_each(${currentQuestions}))
    GROUP BY ${attempts.userId}, ${attempts.moduleId}`;
  const lessonsTouched = sql`SELECT ${lessonProgress.userId}, ${lessonProgress.moduleId}, count(*), 0
    FROM ${lessonProgress} WHERE ${lessonProgress.userId} IN (SELECT value FROM json_each(${people}))
      AND ${lessonProgress.moduleId} || '/' || ${lessonProgress.lessonId} IN (SELECT value FROM json_each(${currentLessons}))
    GROUP BY ${lessonProgress.userId}, ${lessonProgress.moduleId}`;
  const [[summary], completions, dueDates, toetsRows] = await Promise.all([
    db.all<{ cells: string | null }>(sql`
      SELECT json_group_array(json_array(user_id, module_id, lessons, questions)) AS cells FROM (
        SELECT user_id, module_id, sum(lessons) AS lessons, sum(questions) AS questions
        FROM (${questionsAnswered} UNION ALL ${lessonsTouched}) GROUP BY user_id, module_id)`),
    db.select().from(moduleCompletions).where(inArray(moduleCompletions.userId, ids)),
    getDueDates(
      db,
      ids,
      outlines.map((o) => o.id),
    ),
    db
      .select({
        userId: toetsAttempts.userId,
        moduleId: toetsAttempts.moduleId,
        begun: sql<number>`count(*)`,
        attempts: sql<number>`count(${toetsAttempts.handedInAt})`,
        bestPassed: sql<number | null>`max(case when ${toetsAttempts.passed} then ${toetsAttempts.score} end)`,
      })
      .from(toetsAttempts)
      .where(inArray(toetsAttempts.userId, ids))
      .groupBy(toetsAttempts.userId, toetsAttempts.moduleId),
  ]);
  const key = (userId: string, moduleId: string) => `${userId}\u0000${moduleId}`;
  const cells = JSON.parse(summary?.cells ?? '[]') as [string, string, number, number][];
  const touched = new Map(cells.map((c) => [key(c[0], c[1]), { lessons: c[2], questions: c[3] }]));
  const completed = new Map(completions.map((c) => [key(c.userId, c.moduleId), c]));
  const toetsOf = new Map(toetsRows.map((r) => [key(r.userId, r.moduleId), r]));

  return members.map((member) => {
    const cells = new Map<string, ProgressCell>();
    for (const outline of outlines) {
      const k = key(member.id, outline.id);
      const completion = completed.get(k);
      const toets = toetsOf.get(k);
      const dueDate = dueDates.get(member.id)?.get(outline.id) ?? null;
      const status = moduleStatus(
        {
          completedAt: completion?.completedAt ?? null,
          lessonsTouched: touched.get(k)?.lessons ?? 0,
          questionsAnswered: touched.get(k)?.questions ?? 0,
          toetsAttempts: Number(toets?.begun ?? 0),
          dueDate,
        },
        now,
      );
      const completedBeforeToets = completion !== undefined && completion.toetsAttemptId === null;
      const bestPassedToets = toets?.bestPassed ?? null;
      cells.set(outline.id, {
        status,
        score: bestPassedToets ?? (completedBeforeToets ? completion!.score : 0),
        toetsAttempts: Number(toets?.attempts ?? 0),
        bestPassedToets,
        completedAt: completion?.completedAt ?? null,
        completedVersion: completion?.contentVersion ?? null,
        completedBeforeToets,
        dueDate,
      });
    }
    return { userId: member.id, name: member.name, email: member.email, cells };
  });
}

/** Completions by team members per ISO week, for the progress-over-time chart. */
export async function getTeamCompletionsOverTime(db: Db, teamId: string, moduleIds: string[], weeks: number, now = Date.now()) {
  const since = now - weeks * 7 * 24 * 60 * 60 * 1000;
  const rows = await db
    .select({ completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .innerJoin(teamMembers, and(eq(teamMembers.userId, moduleCompletions.userId), eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'member')))
    .where(moduleIds.length > 0 ? inArray(moduleCompletions.moduleId, moduleIds) : undefined);
  const buckets = Array.from({ length: weeks }, (_, i) => ({ weekStart: since + i * 7 * 24 * 60 * 60 * 1000, cumulative: 0 }));
  const before = rows.filter((r) => r.completedAt < since).length;
  for (const bucket of buckets) {
    const end = bucket.weekStart + 7 * 24 * 60 * 60 * 1000;
    bucket.cumulative = before + rows.filter((r) => r.completedAt >= since && r.completedAt < end).length;
  }
  return buckets;
}
