// A branching case in progress, kept on the server (table branch_progress). The page shows the
// decisions from here, never from the URL, so a consequence can only be seen by choosing it, and
// in a toets every decision is recorded as it is taken. Each step is a compare-and-set on the
// path before it: two tabs cannot both take the next decision.
import type { InStatement } from '@libsql/client';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { branchProgress } from '../../../db/schema.ts';
import { jsonList, perDatabase } from '../../../db/prepared.ts';
import { mapRead, noReads, preparedRead, readTogether, type ReadPlan } from '../../../db/read-together.ts';

export type BranchContext = 'oefen' | `toets:${number}`;

export const toetsContext = (toetsId: number): BranchContext => `toets:${toetsId}`;

export interface BranchState {
  path: string[];
  lastKey: string;
}

export async function getBranchState(db: Db, userId: string, questionId: string, context: BranchContext): Promise<BranchState | undefined> {
  return (await readTogether(db, branchStatesPlan(db, userId, [questionId], context))).get(questionId);
}

/** The states of several cases at once, as a read plan for a page's batch (db/read-together.ts). */
export function branchStatesPlan(db: Db, userId: string, questionIds: readonly string[], context: BranchContext): ReadPlan<Map<string, BranchState>> {
  if (questionIds.length === 0) return noReads(new Map());
  return mapRead(
    preparedRead(branchStatesQuery(db), { userId, questionIds: jsonList(questionIds), context }),
    (rows) => new Map(rows.map((row) => [row.questionId, { path: row.path, lastKey: row.lastKey }])),
  );
}

// Prepared once (db/prepared.ts): every lesson with a case reads it.
const branchStatesQuery = perDatabase((db) =>
  db
    .select({ questionId: branchProgress.questionId, path: branchProgress.path, lastKey: branchProgress.lastKey })
    .from(branchProgress)
    .where(
      and(
        eq(branchProgress.userId, sql.placeholder('userId')),
        sql`${branchProgress.questionId} in (select value from json_each(${sql.placeholder('questionIds')}))`,
        eq(branchProgress.context, sql.placeholder('context')),
      ),
    )
    .prepare(),
);

/** Stores the next decision only if the stored path is still `before`; false when another request was first. */
export async function saveBranchStep(
  db: Db,
  input: { userId: string; questionId: string; context: BranchContext; before: string[] | undefined; path: string[]; key: string },
  now: number,
): Promise<boolean> {
  const step = { path: input.path, lastKey: input.key, updatedAt: now };
  const result =
    input.before === undefined
      ? await db
          .insert(branchProgress)
          .values({ userId: input.userId, questionId: input.questionId, context: input.context, ...step })
          .onConflictDoNothing({ target: [branchProgress.userId, branchProgress.questionId, branchProgress.context] })
      : await db
          .update(branchProgress)
          .set(step)
          // The stored path compared as JSON text, as it is stored: the column's own encoding.
          .where(
            and(
              eq(branchProgress.userId, input.userId),
              eq(branchProgress.questionId, input.questionId),
              eq(branchProgress.context, input.context),
              eq(branchProgress.path, input.before),
            ),
          );
  return result.rowsAffected === 1;
}

/** Ends the case in progress; runs in the same batch as the stored answer. */
export function clearBranchStatement(userId: string, questionId: string, context: BranchContext): InStatement {
  return { sql: 'delete from branch_progress where user_id = ? and question_id = ? and context = ?', args: [userId, questionId, context] };
}

export async function clearBranchState(db: Db, userId: string, questionId: string, context: BranchContext): Promise<void> {
  await db.$client.execute(clearBranchStatement(userId, questionId, context));
}
