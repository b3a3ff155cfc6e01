// Whose answers the question analysis counts: the professionals a trainer may see (an admin: all).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { teamMembers } from '../../../db/schema.ts';
import type { Actor } from '../teams/teams.ts';
import { listManagedTeams } from '../teams/teams.ts';

/** `teamId` narrows it to one team the actor manages (an unknown or foreign team gives nobody). */
export async function getVisibleLearnerIds(db: Db, actor: Actor, teamId?: string): Promise<string[] | 'all'> {
  if (actor.role === 'admin' && !teamId) return 'all';
  const managed = await listManagedTeams(db, actor);
  const teams = teamId ? managed.filter((t) => t.id === teamId) : managed;
  if (teams.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(
      and(
        inArray(
          teamMembers.teamId,
          teams.map((t) => t.id),
        ),
        eq(teamMembers.role, 'member'),
      ),
    );
  return rows.map((r) => r.userId);
}
