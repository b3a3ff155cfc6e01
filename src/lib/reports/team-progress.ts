// The trainer's table: every professional of a team × every module, with status, score and
// completion date, and whether an assigned path makes it overdue. A handful of grouped queries,
// however large the team.
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, learningPaths, lessonProgress, moduleCompletions, pathAssignments, teamMembers, toetsAttempts } from '../../../db/schema.ts';
import type { ModuleOutline } from '../progress/outline.ts';
import { resolvePaths, todayLocal } from '../teams/paths.ts';

export type CellStatus = 'niet-begonnen' | 'bezig' | 'afgerond' | 'te-laat';

export interface ProgressCell {
  status: CellStatus;
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
}

export interface TeamProgressRow {
  userId: string;
  name: string;
  email: string;
  cells: Map<string, ProgressCell>;
}

export async function getTeamProgress(
  db: Db,
  members: { id: string; name: string; email: string }[],
  teamId: string,
  outlines: ModuleOutline[],
  now = Date.now(),
): Promise<TeamProgressRow[]> {
  const ids = members.map((m) => m.id);
  if (ids.length === 0) return [];
  // Summed in the database and handed over as ONE JSON value: a row per person and module (best
  // scores summed over the current questions; whether they opened a lesson) instead of a row per
  // answered question. Thousands of rows through the driver were what made the dashboard slow.
  const questionIds = outlines.flatMap((o) => o.questionIds);
  const bestPerQuestion = sql`SELECT ${attempts.userId} AS user_id, ${attempts.moduleId} AS module_id, max(${attempts.score}) AS best, 1 AS answered, 0 AS opened
    FROM ${attempts} WHERE ${inArray(attempts.userId, ids)} AND ${inArray(attempts.questionId, questionIds)}
    GROUP BY ${attempts.userId}, ${attempts.moduleId}, ${attempts.questionId}`;
  const openedModules = sql`SELECT ${lessonProgress.userId}, ${lessonProgress.moduleId}, 0, 0, 1
    FROM ${lessonProgress} WHERE ${inArray(lessonProgress.userId, ids)} GROUP BY ${lessonProgress.userId}, ${lessonProgress.moduleId}`;
  const [[summary], completions, assignments, toetsRows] = await Promise.all([
    db.all<{ cells: string | null }>(sql`
      SELECT json_group_array(json_array(user_id, module_id, best_sum, answered, opened)) AS cells FROM (
        SELECT user_id, module_id, sum(best) AS best_sum, max(answered) AS answered, max(opened) AS opened
        FROM (${bestPerQuestion} UNION ALL ${openedModules}) GROUP BY user_id, module_id)`),
    db.select().from(moduleCompletions).where(inArray(moduleCompletions.userId, ids)),
    db
      .select({
        pathId: pathAssignments.pathId,
        dueDate: pathAssignments.dueDate,
        teamId: pathAssignments.teamId,
        userId: pathAssignments.userId,
        name: learningPaths.name,
        moduleIds: learningPaths.moduleIds,
      })
      .from(pathAssignments)
      .innerJoin(learningPaths, eq(learningPaths.id, pathAssignments.pathId))
      .where(or(inArray(pathAssignments.userId, ids), and(isNotNull(pathAssignments.teamId), eq(pathAssignments.teamId, teamId)))),
    db
      .select({
        userId: toetsAttempts.userId,
        moduleId: toetsAttempts.moduleId,
        attempts: sql<number>`count(${toetsAttempts.handedInAt})`,
        bestPassed: sql<number | null>`max(case when ${toetsAttempts.passed} then ${toetsAttempts.score} end)`,
      })
      .from(toetsAttempts)
      .where(inArray(toetsAttempts.userId, ids))
      .groupBy(toetsAttempts.userId, toetsAttempts.moduleId),
  ]);
  const today = todayLocal(now);
  const key = (userId: string, moduleId: string) => `${userId}\u0000${moduleId}`;
  const cells = JSON.parse(summary?.cells ?? '[]') as [string, string, number, number, number][];
  const bestSum = new Map(cells.filter((c) => c[3] === 1).map((c) => [key(c[0], c[1]), c[2]]));
  const started = new Set(cells.filter((c) => c[4] === 1).map((c) => key(c[0], c[1])));
  const completed = new Map(completions.map((c) => [key(c.userId, c.moduleId), c]));
  const toetsOf = new Map(toetsRows.map((r) => [key(r.userId, r.moduleId), r]));

  return members.map((member) => {
    const mine = assignments.filter((a) => a.userId === member.id || a.teamId === teamId);
    const paths = resolvePaths(
      mine,
      new Map(completions.filter((c) => c.userId === member.id).map((c) => [c.moduleId, c.completedAt])),
      today,
    );
    const overdueModules = new Set(paths.flatMap((p) => p.modules.filter((m) => m.status === 'te-laat').map((m) => m.moduleId)));
    const cells = new Map<string, ProgressCell>();
    for (const outline of outlines) {
      const k = key(member.id, outline.id);
      const completion = completed.get(k);
      const toets = toetsOf.get(k);
      const status: CellStatus = completion
        ? 'afgerond'
        : overdueModules.has(outline.id)
          ? 'te-laat'
          : started.has(k) || bestSum.has(k) || toets !== undefined
            ? 'bezig'
            : 'niet-begonnen';
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
