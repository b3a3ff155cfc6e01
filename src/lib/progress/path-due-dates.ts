// The due dates that can make a module late for a person: every learning path given to them
// personally or to any team they are a member of, the earliest date per module. The learner's
// progress and the trainer's dashboard both read them here, so "te laat" is the same in both.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { learningPaths, pathAssignments, teamMembers } from '../../../db/schema.ts';
import { jsonList } from '../../../db/prepared.ts';

/** Per person, per module: the earliest due date (YYYY-MM-DD). Modules on no path are absent. */
export async function getDueDates(db: Db, userIds: string[], moduleIds: string[]): Promise<Map<string, Map<string, string>>> {
  const byUser = new Map<string, Map<string, string>>();
  if (userIds.length === 0 || moduleIds.length === 0) return byUser;
  const people = jsonList(userIds);
  const rows = await db.all<{ userId: string; moduleId: string; dueDate: string }>(sql`
    SELECT given.user_id AS userId, step.value AS moduleId, min(given.due_date) AS dueDate FROM (
      SELECT ${pathAssignments.userId} AS user_id, ${pathAssignments.pathId} AS path_id, ${pathAssignments.dueDate} AS due_date
        FROM ${pathAssignments} WHERE ${pathAssignments.userId} IN (SELECT value FROM json_each(${people}))
      UNION ALL
      SELECT ${teamMembers.userId}, ${pathAssignments.pathId}, ${pathAssignments.dueDate}
        FROM ${teamMembers} JOIN ${pathAssignments} ON ${pathAssignments.teamId} = ${teamMembers.teamId}
        WHERE ${teamMembers.userId} IN (SELECT value FROM json_each(${people})) AND ${teamMembers.role} = 'member'
    ) AS given
    JOIN ${learningPaths} ON ${learningPaths.id} = given.path_id
    JOIN json_each(${learningPaths.moduleIds}) AS step
    WHERE step.value IN (SELECT value FROM json_each(${jsonList(moduleIds)}))
    GROUP BY given.user_id, step.value`);
  for (const { userId, moduleId, dueDate } of rows) {
    let mine = byUser.get(userId);
    if (!mine) byUser.set(userId, (mine = new Map()));
    mine.set(moduleId, dueDate);
  }
  return byUser;
}
