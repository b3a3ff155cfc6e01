// The attempts behind the question analysis, limited to the professionals a trainer may see.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { anonymousAttempts, attempts, teamMembers } from '../../../db/schema.ts';
import type { Actor } from '../teams/teams.ts';
import { listManagedTeams } from '../teams/teams.ts';
import type { AttemptRow } from './question-stats.ts';

/** `teamId` narrows it to one team the actor manages (an unknown or foreign team gives nobody). */
export async function getVisibleLearnerIds(db: Db, actor: Actor, teamId?: string): Promise<string[] | 'all'> {
  if (actor.role === 'admin' && !teamId) return 'all';
  const managed = await listManagedTeams(db, actor);
  const teams = teamId ? managed.filter((t) => t.id === teamId) : managed;
  if (teams.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(inArray(teamMembers.teamId, teams.map((t) => t.id)), eq(teamMembers.role, 'member')));
  return rows.map((r) => r.userId);
}

/** Ids of anonymous rows are shifted past any real attempt id, so "first attempt" order holds within each. */
const ANONYMOUS_ID_OFFSET = 1e12;

export async function getModuleAttemptRows(db: Db, moduleId: string, learners: string[] | 'all'): Promise<AttemptRow[]> {
  if (learners !== 'all' && learners.length === 0) return [];
  const named = await db
    .select({ id: attempts.id, userId: attempts.userId, questionId: attempts.questionId, correct: attempts.correct, score: attempts.score, answer: attempts.answer })
    .from(attempts)
    .where(and(eq(attempts.moduleId, moduleId), learners === 'all' ? undefined : inArray(attempts.userId, learners)));
  if (learners !== 'all') return named;
  // Admins see everyone, including the anonymous answers of deleted accounts.
  const anonymous = await db
    .select({ id: anonymousAttempts.id, anonId: anonymousAttempts.anonId, questionId: anonymousAttempts.questionId, correct: anonymousAttempts.correct, score: anonymousAttempts.score, answer: anonymousAttempts.answer })
    .from(anonymousAttempts)
    .where(eq(anonymousAttempts.moduleId, moduleId));
  return [...named, ...anonymous.map(({ anonId, ...a }) => ({ ...a, id: a.id + ANONYMOUS_ID_OFFSET, userId: `anoniem:${anonId}` }))];
}
