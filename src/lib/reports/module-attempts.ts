// The attempts behind the question analysis, limited to the professionals a trainer may see.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts, teamMembers } from '../../../db/schema.ts';
import type { Actor } from '../teams/teams.ts';
import { listManagedTeams } from '../teams/teams.ts';
import type { AttemptRow } from './question-stats.ts';

export async function getVisibleLearnerIds(db: Db, actor: Actor): Promise<string[] | 'all'> {
  if (actor.role === 'admin') return 'all';
  const teams = await listManagedTeams(db, actor);
  if (teams.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(inArray(teamMembers.teamId, teams.map((t) => t.id)), eq(teamMembers.role, 'member')));
  return rows.map((r) => r.userId);
}

export async function getModuleAttemptRows(db: Db, moduleId: string, learners: string[] | 'all'): Promise<AttemptRow[]> {
  if (learners !== 'all' && learners.length === 0) return [];
  return db
    .select({ id: attempts.id, userId: attempts.userId, questionId: attempts.questionId, correct: attempts.correct, score: attempts.score, answer: attempts.answer })
    .from(attempts)
    .where(and(eq(attempts.moduleId, moduleId), learners === 'all' ? undefined : inArray(attempts.userId, learners)));
}
