// Changing a leerpad after it was made: move a module up or down, change its name and modules,
// change or withdraw an assignment's due date, delete it; and who may do so. A path is shared by
// every team (any trainer may assign it), so a trainer may only change a path that reaches no one
// outside the teams they train; an admin may change any.
//
// Two trainers editing at once: every change of the module list is a compare-and-set on the list
// as it was read (UPDATE … WHERE module_ids = <what was read>), retried on a miss. A change is
// therefore never computed from a stale list, and the list stays a permutation of its modules
// whatever the interleaving.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { learningPaths, pathAssignments, teamMembers } from '../../../db/schema.ts';
import type { Actor } from './teams.ts';

export type Direction = 'omhoog' | 'omlaag';
export type EditOutcome = 'changed' | 'edge' | 'unknown';

const MAX_TRIES = 50;

/** Rewrites the module list with `change` until no other writer got in between. */
async function changeModules(
  db: Db,
  pathId: string,
  change: (order: string[]) => string[] | 'edge' | 'unknown',
  extra: { name?: string } = {},
): Promise<EditOutcome> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const [row] = await db.select({ moduleIds: learningPaths.moduleIds }).from(learningPaths).where(eq(learningPaths.id, pathId));
    if (!row) return 'unknown';
    const next = change(row.moduleIds);
    if (typeof next === 'string') return next;
    const written = await db
      .update(learningPaths)
      .set({ moduleIds: next, ...extra })
      .where(and(eq(learningPaths.id, pathId), eq(learningPaths.moduleIds, row.moduleIds)));
    if (written.rowsAffected === 1) return 'changed';
  }
  throw new Error(`leerpad ${pathId}: the module list kept changing under ${MAX_TRIES} tries`);
}

/** Swaps a module with its neighbour above or below; 'edge' at the top or bottom. */
export async function moveModule(db: Db, pathId: string, moduleId: string, direction: Direction): Promise<EditOutcome> {
  return changeModules(db, pathId, (order) => {
    const from = order.indexOf(moduleId);
    if (from < 0) return 'unknown';
    const to = direction === 'omhoog' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return 'edge';
    const next = [...order];
    [next[from], next[to]] = [next[to], next[from]];
    return next;
  });
}

/**
 * A new name and set of modules: those that stay keep their order, new ones join at the end in
 * the order given (the course's order); the up/down buttons place them after.
 */
export async function updatePath(db: Db, pathId: string, input: { name: string; moduleIds: readonly string[] }): Promise<EditOutcome> {
  const chosen = [...new Set(input.moduleIds)];
  return changeModules(db, pathId, (order) => [...order.filter((id) => chosen.includes(id)), ...chosen.filter((id) => !order.includes(id))], {
    name: input.name.trim(),
  });
}

/** Deletes the path and every assignment of it (in one transaction). */
export async function deletePath(db: Db, pathId: string): Promise<boolean> {
  const [, deleted] = await db.batch([
    db.delete(pathAssignments).where(eq(pathAssignments.pathId, pathId)),
    db.delete(learningPaths).where(eq(learningPaths.id, pathId)),
  ]);
  return deleted.rowsAffected === 1;
}

/** Who a path reaches: everyone it is assigned to (personally or through a team), and those teams. */
export async function pathReach(db: Db, pathId: string): Promise<{ people: string[]; teams: string[] }> {
  const assignments = await db
    .select({ teamId: pathAssignments.teamId, userId: pathAssignments.userId })
    .from(pathAssignments)
    .where(eq(pathAssignments.pathId, pathId));
  const teams = [...new Set(assignments.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
  const people = new Set(assignments.flatMap((a) => (a.userId ? [a.userId] : [])));
  if (teams.length > 0) {
    const members = await db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(inArray(teamMembers.teamId, teams), eq(teamMembers.role, 'member')));
    for (const m of members) people.add(m.userId);
  }
  return { people: [...people], teams };
}

/**
 * May the actor change or delete this path? Admin: yes. Trainer: when every assignment of it is to
 * a team they train or to a member of one. Anyone else: no (fail closed).
 */
export async function mayChangePath(db: Db, actor: Actor, pathId: string): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'trainer') return false;
  const trained = (
    await db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.userId, actor.id), eq(teamMembers.role, 'trainer')))
  ).map((r) => r.teamId);
  const assignments = await db
    .select({ teamId: pathAssignments.teamId, userId: pathAssignments.userId })
    .from(pathAssignments)
    .where(eq(pathAssignments.pathId, pathId));
  if (assignments.some((a) => a.teamId !== null && !trained.includes(a.teamId))) return false;
  const people = [...new Set(assignments.flatMap((a) => (a.userId ? [a.userId] : [])))];
  if (people.length === 0) return true;
  if (trained.length === 0) return false;
  const inTrained = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(inArray(teamMembers.userId, people), eq(teamMembers.role, 'member'), inArray(teamMembers.teamId, trained)));
  return inTrained.length === people.length;
}

/** An assignment of this team: to the team itself or to one of its members; undefined otherwise. */
export async function findTeamAssignment(db: Db, teamId: string, assignmentId: number) {
  const [a] = await db.select().from(pathAssignments).where(eq(pathAssignments.id, assignmentId));
  if (!a) return undefined;
  if (a.teamId === teamId) return a;
  if (a.userId === null) return undefined;
  const [member] = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, a.userId), eq(teamMembers.role, 'member')));
  return member ? a : undefined;
}

export async function setAssignmentDueDate(db: Db, assignmentId: number, dueDate: string): Promise<void> {
  await db.update(pathAssignments).set({ dueDate }).where(eq(pathAssignments.id, assignmentId));
}

export async function withdrawAssignment(db: Db, assignmentId: number): Promise<void> {
  await db.delete(pathAssignments).where(eq(pathAssignments.id, assignmentId));
}

/** The assignments of a team's paths: to the team, and to each of its members personally. */
export async function listTeamAssignments(db: Db, teamId: string, memberIds: readonly string[]) {
  const rows = await db.select().from(pathAssignments).where(eq(pathAssignments.teamId, teamId));
  const personal =
    memberIds.length === 0
      ? []
      : await db
          .select()
          .from(pathAssignments)
          .where(and(isNotNull(pathAssignments.userId), inArray(pathAssignments.userId, [...memberIds])));
  return [...rows, ...personal];
}
