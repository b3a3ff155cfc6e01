// The due dates that can make a module late for a person: every learning path given to them
// personally or to any team they are a member of, the earliest date per module. The learner's
// progress and the trainer's dashboard both read them here, so "te laat" is the same in both.
// The trainer's dashboard and CSV also name the paths themselves (getPathsOfPeople).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { learningPaths, pathAssignments, teamMembers } from '../../../db/schema.ts';
import { jsonList, preparedSql } from '../../../db/prepared.ts';
import { mapRead, noReads, rawRead, readTogether, type ReadPlan } from '../../../db/read-together.ts';

/** Per person, per module: the earliest due date (YYYY-MM-DD). Modules on no path are absent. */
export function getDueDates(db: Db, userIds: string[], moduleIds: string[]): Promise<Map<string, Map<string, string>>> {
  return readTogether(db, dueDatesPlan(userIds, moduleIds));
}

/** getDueDates as a read plan, to send with a page's other reads (db/read-together.ts). */
export function dueDatesPlan(userIds: string[], moduleIds: string[]): ReadPlan<Map<string, Map<string, string>>> {
  const toMap = (rows: { userId: string; moduleId: string; dueDate: string }[]) => {
    const byUser = new Map<string, Map<string, string>>();
    for (const { userId, moduleId, dueDate } of rows) {
      let mine = byUser.get(userId);
      if (!mine) byUser.set(userId, (mine = new Map()));
      mine.set(moduleId, dueDate);
    }
    return byUser;
  };
  if (userIds.length === 0 || moduleIds.length === 0) return noReads(new Map());
  return mapRead(
    rawRead<{ userId: string; moduleId: string; dueDate: string }>(dueDatesQuery.statement({ people: jsonList(userIds), moduleIds: jsonList(moduleIds) })),
    toMap,
  );
}

// Every progress page asks (the learner's own and the trainer's), so it is built once: the lists
// of people and modules are one JSON placeholder each, and the SQL text never changes.
const dueDatesQuery = preparedSql(sql`
    SELECT given.user_id AS userId, step.value AS moduleId, min(given.due_date) AS dueDate FROM (${pathsGivenTo(sql.placeholder('people'))}) AS given
    JOIN ${learningPaths} ON ${learningPaths.id} = given.path_id
    JOIN json_each(${learningPaths.moduleIds}) AS step
    WHERE step.value IN (SELECT value FROM json_each(${sql.placeholder('moduleIds')}))
    GROUP BY given.user_id, step.value`);

/** Every path assignment reaching these people (a JSON list): given to them personally, or to a team they are a member of. */
function pathsGivenTo(people: unknown) {
  return sql`
      SELECT ${pathAssignments.userId} AS user_id, ${pathAssignments.pathId} AS path_id, ${pathAssignments.dueDate} AS due_date
        FROM ${pathAssignments} WHERE ${pathAssignments.userId} IN (SELECT value FROM json_each(${people}))
      UNION ALL
      SELECT ${teamMembers.userId}, ${pathAssignments.pathId}, ${pathAssignments.dueDate}
        FROM ${teamMembers} JOIN ${pathAssignments} ON ${pathAssignments.teamId} = ${teamMembers.teamId}
        WHERE ${teamMembers.userId} IN (SELECT value FROM json_each(${people})) AND ${teamMembers.role} = 'member'`;
}

export interface PersonPath {
  pathId: string;
  name: string;
  /** The earliest due date (YYYY-MM-DD) when the path reaches the person twice. */
  dueDate: string;
  moduleIds: string[];
}

/** Per person: the learning paths they have (personally or via a team), each once, earliest due date first. */
export async function getPathsOfPeople(db: Db, userIds: string[]): Promise<Map<string, PersonPath[]>> {
  const byUser = new Map<string, PersonPath[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.all<{ userId: string; pathId: string; name: string; moduleIds: string; dueDate: string }>(sql`
    SELECT given.user_id AS userId, ${learningPaths.id} AS pathId, ${learningPaths.name} AS name, ${learningPaths.moduleIds} AS moduleIds,
      min(given.due_date) AS dueDate
    FROM (${pathsGivenTo(jsonList(userIds))}) AS given
    JOIN ${learningPaths} ON ${learningPaths.id} = given.path_id
    GROUP BY given.user_id, ${learningPaths.id}
    ORDER BY dueDate, name`);
  for (const row of rows) {
    let mine = byUser.get(row.userId);
    if (!mine) byUser.set(row.userId, (mine = []));
    mine.push({ pathId: row.pathId, name: row.name, dueDate: row.dueDate, moduleIds: JSON.parse(row.moduleIds) as string[] });
  }
  return byUser;
}
