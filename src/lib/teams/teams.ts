// Teams and who may manage them: an admin manages every team, a trainer the teams they train, a
// teamleader only reads the teams they lead (the rules: team-access.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { teamMembers, teams, users, type Role, type TeamRole } from '../../../db/schema.ts';
import { generateId } from '../auth/user.ts';
import { linkFor, mayOnTeam, type TeamAction } from './team-access.ts';

export interface Actor {
  id: string;
  role: Role;
}

export async function createTeam(db: Db, name: string, creator: Actor, now = Date.now()): Promise<string> {
  const id = generateId();
  await db.insert(teams).values({ id, name: name.trim(), createdAt: now });
  // A trainer who makes a team trains it; an admin manages all teams anyway.
  if (creator.role === 'trainer') await addToTeam(db, id, creator.id, 'trainer', now);
  return id;
}

export async function addToTeam(db: Db, teamId: string, userId: string, role: TeamRole = 'member', now = Date.now()): Promise<void> {
  await db.insert(teamMembers).values({ teamId, userId, role, joinedAt: now }).onConflictDoNothing();
}

export async function removeFromTeam(db: Db, teamId: string, userId: string, role: TeamRole = 'member'): Promise<void> {
  await db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId), eq(teamMembers.role, role)));
}

/** The teams an actor may manage, by name. */
export async function listManagedTeams(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  return listTeamsFor(db, actor, 'manage');
}

/** The teams an actor may look at (a teamleader's own teams as well), by name. */
export async function listViewableTeams(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  return listTeamsFor(db, actor, 'view');
}

async function listTeamsFor(db: Db, actor: Actor, action: TeamAction): Promise<{ id: string; name: string }[]> {
  if (actor.role === 'admin') return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const link = linkFor(actor.role, action);
  if (!link) return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, actor.id), eq(teamMembers.role, link)))
    .orderBy(asc(teams.name));
}

/** The team, if the actor may manage it; undefined otherwise (the caller answers 404/403). */
export async function findManagedTeam(db: Db, actor: Actor, teamId: string): Promise<{ id: string; name: string } | undefined> {
  return findTeamFor(db, actor, teamId, 'manage');
}

/** The team, if the actor may do `action` there; undefined otherwise. */
export async function findTeamFor(db: Db, actor: Actor, teamId: string, action: TeamAction): Promise<{ id: string; name: string } | undefined> {
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return undefined;
  const links = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, actor.id)));
  return mayOnTeam(
    actor.role,
    links.map((l) => l.role),
    action,
  )
    ? team
    : undefined;
}

export async function listTeamMembers(db: Db, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, joinedAt: teamMembers.joinedAt })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'member')))
    .orderBy(asc(users.name));
}

export async function listTeamTrainers(db: Db, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'trainer')))
    .orderBy(asc(users.name));
}

export async function teamIdsOfMember(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.role, 'member')));
  return rows.map((r) => r.teamId);
}

/** May the actor see this professional? Admin: anyone; trainer or teamleader: members of a team they train or lead. */
export async function canSeeProfessional(db: Db, actor: Actor, userId: string): Promise<boolean> {
  if (actor.role === 'admin') return true;
  const link = linkFor(actor.role, 'view');
  if (!link) return actor.id === userId;
  const theirTeams = await teamIdsOfMember(db, userId);
  if (theirTeams.length === 0) return false;
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, actor.id), eq(teamMembers.role, link), inArray(teamMembers.teamId, theirTeams)));
  return rows.length > 0;
}

/** The teams a teamleader leads (their 'leader' links), by id. */
export async function teamIdsLedBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.role, 'leader')));
  return rows.map((r) => r.teamId);
}
