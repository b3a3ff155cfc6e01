// Deleting an account (AVG/GDPR right to erasure). Progress, reflections, review schedule,
// sessions and memberships go with the account (foreign keys cascade). Answers survive only as
// anonymous rows for the question statistics: no user id, no name, the date rounded to the day.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { anonymousAttempts, attempts, auditLog, users } from '../../../db/schema.ts';
import { generateId } from '../auth/user.ts';

export async function deleteAccount(db: Db, input: { userId: string; actorId: string }, now = Date.now()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) return false;
    const anonId = generateId();
    const answers = await tx.select().from(attempts).where(eq(attempts.userId, input.userId));
    for (let i = 0; i < answers.length; i += 200) {
      await tx.insert(anonymousAttempts).values(
        answers.slice(i, i + 200).map((a) => ({
          anonId,
          moduleId: a.moduleId,
          questionId: a.questionId,
          answer: a.answer,
          correct: a.correct,
          score: a.score,
          contentVersion: a.contentVersion,
          day: new Date(a.createdAt).toISOString().slice(0, 10),
        })),
      );
    }
    await tx.delete(users).where(eq(users.id, input.userId));
    await tx.insert(auditLog).values({ at: now, actorId: input.actorId === input.userId ? null : input.actorId, action: 'account-verwijderd', subjectId: input.userId });
    return true;
  });
}

export async function logAudit(db: Db, entry: { actorId: string | null; action: 'gegevens-gedownload' | 'backup-gemaakt' | 'backup-teruggezet'; subjectId: string | null }, now = Date.now()): Promise<void> {
  await db.insert(auditLog).values({ at: now, ...entry });
}
