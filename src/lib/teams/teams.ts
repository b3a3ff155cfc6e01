// Teams and who may manage them: an admin manages every team, a trainer the teams they train.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { teamMembers, teams, users, type Role } from '../../../db/schema.ts';
import { generateId } from '../auth/user.ts';

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

export async function addToTeam(db: Db, teamId: string, userId: string, role: 'member' | 'trainer' = 'member', now = Date.now()): Promise<void> {
  await db.insert(teamMembers).values({ teamId, userId, role, joinedAt: now }).onConflictDoNothing();
}

export async function removeFromTeam(db: Db, teamId: string, userId: string, role: 'member' | 'trainer' = 'member'): Promise<void> {
  await db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId), eq(teamMembers.role, role)));
}

/** The teams an actor may manage, by name. */
export async function listManagedTeams(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.role === 'admin') return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
  if (actor.role !== 'trainer') return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, actor.id), eq(teamMembers.role, 'trainer')))
    .orderBy(asc(teams.name));
}

/** The team, if the actor may manage it; undefined otherwise (the caller answers 404/403). */
export async function findManagedTeam(db: Db, actor: Actor, teamId: string): Promise<{ id: string; name: string } | undefined> {
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) return undefined;
  if (actor.role === 'admin') return team;
  if (actor.role !== 'trainer') return undefined;
  const [link] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, actor.id), eq(teamMembers.role, 'trainer')));
  return link ? team : undefined;
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

/** May the actor see this professional? Admin: anyone; trainer: members of a team they train. */
export async function canSeeProfessional(db: Db, actor: Actor, userId: string): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'trainer') return actor.id === userId;
  const theirTeams = await teamIdsOfMember(db, userId);
  if (theirTeams.length === 0) return false;
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, actor.id), eq(teamMembers.role, 'trainer'), inArray(teamMembers.teamId, theirTeams)));
  return rows.length > 0;
}
