// Private reflection texts. Only the author reads them: there is no function here that lists
// another user's reflections, on purpose.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reflections } from '../../../db/schema.ts';
import { perDatabase } from '../../../db/prepared.ts';
import { mapRead, preparedRead, readTogether, type ReadPlan } from '../../../db/read-together.ts';

export const REFLECTION_MAX_LENGTH = 5000;

export async function saveReflection(db: Db, input: { userId: string; moduleId: string; reflectionId: string; body: string }, now = Date.now()): Promise<void> {
  await db
    .insert(reflections)
    .values({ ...input, updatedAt: now })
    .onConflictDoUpdate({
      target: [reflections.userId, reflections.moduleId, reflections.reflectionId],
      set: { body: input.body, updatedAt: now },
    });
}

const ownReflections = perDatabase((db) =>
  db
    .select({ reflectionId: reflections.reflectionId, body: reflections.body })
    .from(reflections)
    .where(and(eq(reflections.userId, sql.placeholder('userId')), eq(reflections.moduleId, sql.placeholder('moduleId'))))
    .prepare(),
);

export function getOwnReflections(db: Db, userId: string, moduleId: string): Promise<Map<string, string>> {
  return readTogether(db, ownReflectionsPlan(db, userId, moduleId));
}

/** getOwnReflections as a read plan, to send with a page's other reads (db/read-together.ts). */
export function ownReflectionsPlan(db: Db, userId: string, moduleId: string): ReadPlan<Map<string, string>> {
  return mapRead(preparedRead(ownReflections(db), { userId, moduleId }), (rows) => new Map(rows.map((r) => [r.reflectionId, r.body])));
}
