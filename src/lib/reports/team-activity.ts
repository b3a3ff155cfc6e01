// Study time and last activity per person and module, for a whole team at once (the trainer's
// CSV export). Study time follows the learner's own rule (module-progress.ts): the gaps between
// consecutive actions in a module (lesson events and practice answers), each gap capped at
// MAX_STUDY_GAP_MS. Last activity is the latest of those actions or of a toets begun or handed in.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, lessonEvents, toetsAttempts } from '../../../db/schema.ts';
import { jsonList } from '../../../db/prepared.ts';
import { MAX_STUDY_GAP_MS } from '../progress/module-progress.ts';

export interface ModuleActivity {
  studyTimeMs: number;
  /** Epoch milliseconds of the latest action in the module, or null when there was none. */
  lastActivityAt: number | null;
}

/** Keyed by `${userId}\u0000${moduleId}`; a person without any action in a module is absent. */
export async function getTeamActivity(db: Db, userIds: string[], moduleIds: string[]): Promise<Map<string, ModuleActivity>> {
  const byKey = new Map<string, ModuleActivity>();
  if (userIds.length === 0 || moduleIds.length === 0) return byKey;
  const people = jsonList(userIds);
  const modules = jsonList(moduleIds);
  const inScope = (user: unknown, module: unknown) =>
    sql`${user} IN (SELECT value FROM json_each(${people})) AND ${module} IN (SELECT value FROM json_each(${modules}))`;
  const rows = await db.all<{ userId: string; moduleId: string; ms: number | null; lastAt: number | null }>(sql`
    SELECT user_id AS userId, module_id AS moduleId, sum(min(at - previous, ${MAX_STUDY_GAP_MS})) AS ms, max(at) AS lastAt FROM (
      SELECT user_id, module_id, at, lag(at) OVER (PARTITION BY user_id, module_id ORDER BY at) AS previous FROM (
        SELECT ${lessonEvents.userId} AS user_id, ${lessonEvents.moduleId} AS module_id, ${lessonEvents.at} AS at FROM ${lessonEvents}
          WHERE ${inScope(lessonEvents.userId, lessonEvents.moduleId)}
        UNION ALL
        SELECT ${attempts.userId}, ${attempts.moduleId}, ${attempts.createdAt} FROM ${attempts}
          WHERE ${inScope(attempts.userId, attempts.moduleId)}
      )
    ) GROUP BY user_id, module_id`);
  for (const r of rows)
    byKey.set(`${r.userId}\u0000${r.moduleId}`, { studyTimeMs: Number(r.ms ?? 0), lastActivityAt: r.lastAt === null ? null : Number(r.lastAt) });
  // A toets is activity too, though not study time (the learner's study time leaves it out as well).
  const toetsRows = await db.all<{ userId: string; moduleId: string; lastAt: number }>(sql`
    SELECT ${toetsAttempts.userId} AS userId, ${toetsAttempts.moduleId} AS moduleId, max(coalesce(${toetsAttempts.handedInAt}, ${toetsAttempts.startedAt})) AS lastAt
    FROM ${toetsAttempts} WHERE ${inScope(toetsAttempts.userId, toetsAttempts.moduleId)}
    GROUP BY ${toetsAttempts.userId}, ${toetsAttempts.moduleId}`);
  for (const r of toetsRows) {
    const key = `${r.userId}\u0000${r.moduleId}`;
    const seen = byKey.get(key) ?? { studyTimeMs: 0, lastActivityAt: null };
    byKey.set(key, { ...seen, lastActivityAt: Math.max(seen.lastActivityAt ?? 0, Number(r.lastAt)) });
  }
  return byKey;
}
