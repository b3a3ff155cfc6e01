// Who in a team has which leerpad and by when: for the table per path on the leerpaden page. A
// member has a path through the team's assignment or a personal one; the same path twice counts
// once, with the earliest date (as the member's own page shows it: paths.ts resolvePaths).
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { learningPaths, moduleCompletions } from '../../../db/schema.ts';
import { todayLocal } from '../review/calendar.ts';
import { resolvePaths } from './paths.ts';

export interface PathHolder {
  userId: string;
  name: string;
  dueDate: string;
  via: 'team' | 'persoonlijk';
  done: number;
  total: number;
  overdue: boolean;
  finished: boolean;
}

/** Per path id, the team's members who have it, by name. */
export async function pathHolders(
  db: Db,
  teamId: string,
  members: readonly { id: string; name: string }[],
  assignments: readonly { pathId: string; teamId: string | null; userId: string | null; dueDate: string }[],
  now = Date.now(),
): Promise<Map<string, PathHolder[]>> {
  const byPath = new Map<string, PathHolder[]>();
  if (members.length === 0 || assignments.length === 0) return byPath;
  const pathIds = [...new Set(assignments.map((a) => a.pathId))];
  const paths = await db
    .select({ id: learningPaths.id, name: learningPaths.name, moduleIds: learningPaths.moduleIds })
    .from(learningPaths)
    .where(inArray(learningPaths.id, pathIds));
  const pathById = new Map(paths.map((p) => [p.id, p]));
  const completions = await db
    .select({ userId: moduleCompletions.userId, moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .where(
      inArray(
        moduleCompletions.userId,
        members.map((m) => m.id),
      ),
    );
  const today = todayLocal(now);
  for (const member of members) {
    const own = assignments.flatMap((a) => {
      const path = pathById.get(a.pathId);
      if (!path || !(a.teamId === teamId || a.userId === member.id)) return [];
      return [{ pathId: a.pathId, dueDate: a.dueDate, teamId: a.teamId, name: path.name, moduleIds: path.moduleIds }];
    });
    if (own.length === 0) continue;
    const done = new Map(completions.filter((c) => c.userId === member.id).map((c) => [c.moduleId, c.completedAt]));
    for (const path of resolvePaths(own, done, today)) {
      const list = byPath.get(path.pathId) ?? [];
      list.push({
        userId: member.id,
        name: member.name,
        dueDate: path.dueDate,
        via: path.via,
        done: path.modules.filter((m) => m.status === 'afgerond').length,
        total: path.modules.length,
        overdue: path.overdue,
        finished: path.done,
      });
      byPath.set(path.pathId, list);
    }
  }
  return byPath;
}
