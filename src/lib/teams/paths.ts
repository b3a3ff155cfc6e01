// Onboarding paths (leerpaden): modules in order with a due date, for one professional or a
// whole team. A team's assignment also reaches people who join the team later, because it is
// resolved when read.
import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { learningPaths, moduleCompletions, pathAssignments } from '../../../db/schema.ts';
import { generateId } from '../auth/user.ts';
import type { ModuleStatus } from '../progress/module-status.ts';
import { todayLocal } from '../review/calendar.ts';
import { teamIdsOfMember } from './teams.ts';

export async function createPath(db: Db, input: { name: string; moduleIds: string[]; createdBy: string }, now = Date.now()): Promise<string> {
  const id = generateId();
  await db.insert(learningPaths).values({ id, name: input.name.trim(), moduleIds: input.moduleIds, createdBy: input.createdBy, createdAt: now });
  return id;
}

export async function listPaths(db: Db) {
  return db.select().from(learningPaths).orderBy(asc(learningPaths.name));
}

export async function assignPath(
  db: Db,
  input: { pathId: string; dueDate: string; assignedBy: string } & ({ teamId: string; userId?: undefined } | { userId: string; teamId?: undefined }),
  now = Date.now(),
): Promise<void> {
  await db.insert(pathAssignments).values({
    pathId: input.pathId,
    teamId: input.teamId ?? null,
    userId: input.userId ?? null,
    dueDate: input.dueDate,
    assignedBy: input.assignedBy,
    createdAt: now,
  });
}

/** A step of one path: the module's own words where they mean the same ('open': not completed, the path not yet due). */
export type PathModuleStatus = Extract<ModuleStatus, 'afgerond' | 'te-laat'> | 'open';

export interface AssignedPath {
  pathId: string;
  name: string;
  dueDate: string;
  via: 'team' | 'persoonlijk';
  modules: { moduleId: string; status: PathModuleStatus; completedAt: number | null }[];
  next: string | null;
  overdue: boolean;
  done: boolean;
}

/** The paths of one professional, each with what is next and what is overdue. */
export async function getPathsForUser(db: Db, userId: string, now = Date.now()): Promise<AssignedPath[]> {
  const teamIds = await teamIdsOfMember(db, userId);
  const assignments = await db
    .select({
      pathId: pathAssignments.pathId,
      dueDate: pathAssignments.dueDate,
      teamId: pathAssignments.teamId,
      name: learningPaths.name,
      moduleIds: learningPaths.moduleIds,
    })
    .from(pathAssignments)
    .innerJoin(learningPaths, eq(learningPaths.id, pathAssignments.pathId))
    .where(
      or(eq(pathAssignments.userId, userId), teamIds.length > 0 ? and(isNotNull(pathAssignments.teamId), inArray(pathAssignments.teamId, teamIds)) : undefined),
    )
    .orderBy(asc(pathAssignments.dueDate));
  if (assignments.length === 0) return [];
  const completions = await db
    .select({ moduleId: moduleCompletions.moduleId, completedAt: moduleCompletions.completedAt })
    .from(moduleCompletions)
    .where(eq(moduleCompletions.userId, userId));
  return resolvePaths(assignments, new Map(completions.map((c) => [c.moduleId, c.completedAt])), todayLocal(now));
}

export function resolvePaths(
  assignments: { pathId: string; dueDate: string; teamId: string | null; name: string; moduleIds: string[] }[],
  completed: Map<string, number>,
  today: string,
): AssignedPath[] {
  // The same path given twice (personally and via a team) counts once, with the earliest date.
  const byPath = new Map<string, (typeof assignments)[number]>();
  for (const a of assignments) {
    const seen = byPath.get(a.pathId);
    if (!seen || a.dueDate < seen.dueDate) byPath.set(a.pathId, a);
  }
  return [...byPath.values()].map((a) => {
    const late = today > a.dueDate;
    const modules = a.moduleIds.map((moduleId) => {
      const completedAt = completed.get(moduleId) ?? null;
      const status: PathModuleStatus = completedAt !== null ? 'afgerond' : late ? 'te-laat' : 'open';
      return { moduleId, status, completedAt };
    });
    const next = modules.find((m) => m.status !== 'afgerond')?.moduleId ?? null;
    return {
      pathId: a.pathId,
      name: a.name,
      dueDate: a.dueDate,
      via: a.teamId ? 'team' : 'persoonlijk',
      modules,
      next,
      overdue: late && next !== null,
      done: next === null,
    };
  });
}
