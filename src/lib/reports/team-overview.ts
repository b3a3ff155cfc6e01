// The trainer's overview: every account with how many modules it has completed.
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { moduleCompletions, users } from '../../../db/schema.ts';

export async function getTeamOverview(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, completed: count(moduleCompletions.moduleId) })
    .from(users)
    .leftJoin(moduleCompletions, eq(moduleCompletions.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.name));
}
