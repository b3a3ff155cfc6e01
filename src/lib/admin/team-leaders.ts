// Which teams a teamleader leads: the admin's account page and `npm run admin -- set-leader-teams`
// use this one function. A teamleader is an account with role 'teamleader' plus a 'leader' link per
// team (team_members), so the rules in src/lib/teams/team-access.ts need no second table. Setting
// replaces all links in one write transaction with its audit entry.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditLog, teamMembers, teams, users } from '../../../db/schema.ts';

export type LeaderTeamsResult = { ok: true; teams: number } | { ok: false; reason: 'unknown' | 'not-leader' | 'unknown-team' };

export async function setLeaderTeams(
  db: Db,
  change: { actorId: string | null; userId: string; teamIds: readonly string[] },
  now = Date.now(),
): Promise<LeaderTeamsResult> {
  const [person] = await db.select({ role: users.role }).from(users).where(eq(users.id, change.userId));
  if (!person) return { ok: false, reason: 'unknown' };
  // Fail closed: only a teamleader account gets leader links (another role would ignore them anyway).
  if (person.role !== 'teamleader') return { ok: false, reason: 'not-leader' };
  const wanted = [...new Set(change.teamIds)];
  const known = wanted.length === 0 ? [] : await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, wanted));
  if (known.length !== wanted.length) return { ok: false, reason: 'unknown-team' };
  await db.batch([
    db.delete(teamMembers).where(and(eq(teamMembers.userId, change.userId), eq(teamMembers.role, 'leader'))),
    ...wanted.map((teamId) => db.insert(teamMembers).values({ teamId, userId: change.userId, role: 'leader', joinedAt: now })),
    db.insert(auditLog).values({
      at: now,
      actorId: change.actorId,
      action: 'teams-teamleider-gewijzigd',
      subjectId: change.userId,
      detail: `${wanted.length} ${wanted.length === 1 ? 'team' : 'teams'}`,
    }),
  ]);
  return { ok: true, teams: wanted.length };
}
