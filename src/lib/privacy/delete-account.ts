// Deleting an account (AVG/GDPR right to erasure). Progress, reflections, review schedule,
// sessions and memberships go with the account (foreign keys cascade). Answers survive only as
// anonymous rows for the question statistics: no user id, no name, the date rounded to the day.
// Two tables hold the person by e-mail address rather than by id, so no cascade reaches them:
// invitations (address, the name the trainer typed) and the login throttle's counter for the
// address. They go in the same batch. Certificates are revoked in it too: their verification
// code then only says "no longer valid" (certificates/revoke-certificates.ts). The audit log
// keeps that an account was deleted, under its random id, never the address or the name.
import { eq } from 'drizzle-orm';
import { checkpointAfterErasure, type Db } from '../../../db/client.ts';
import { anonymousAttempts, attempts, auditLog, invitations, rateLimits, users } from '../../../db/schema.ts';
import { accountThrottleKey } from '../auth/login.ts';
import { revokeCertificatesOf } from '../certificates/revoke-certificates.ts';
import { generateId, normalizeEmail } from '../auth/user.ts';

export async function deleteAccount(db: Db, input: { userId: string; actorId: string }, now = Date.now()): Promise<boolean> {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!user) return false;
  const anonId = generateId();
  // In the order they were given: the anonymous copy's first answer to a question (its lowest id)
  // must be the person's real first answer, or the question analysis changes after a deletion.
  const answers = await db.select().from(attempts).where(eq(attempts.userId, input.userId)).orderBy(attempts.id);
  const anonymous = answers.map((a) => ({
    anonId,
    moduleId: a.moduleId,
    questionId: a.questionId,
    answer: a.answer,
    correct: a.correct,
    score: a.score,
    contentVersion: a.contentVersion,
    day: new Date(a.createdAt).toISOString().slice(0, 10),
  }));
  // One batch, so one transaction: the anonymous copies, the deletion (cascading to every table
  // that holds the person) and the audit entry land together or not at all.
  const email = normalizeEmail(user.email);
  await db.batch([
    revokeCertificatesOf(db, input.userId, now),
    db.delete(users).where(eq(users.id, input.userId)),
    db.delete(invitations).where(eq(invitations.email, email)),
    db.delete(rateLimits).where(eq(rateLimits.key, accountThrottleKey(email))),
    ...chunk(anonymous, 200).map((rows) => db.insert(anonymousAttempts).values(rows)),
    db
      .insert(auditLog)
      .values({ at: now, actorId: input.actorId === input.userId ? null : input.actorId, action: 'account-verwijderd', subjectId: input.userId }),
  ]);
  // Gone from every query now; this also takes the bytes out of the file (db/client.ts).
  await checkpointAfterErasure(db.$client);
  return true;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function logAudit(
  db: Db,
  entry: { actorId: string | null; action: 'gegevens-gedownload' | 'backup-gemaakt' | 'backup-teruggezet'; subjectId: string | null },
  now = Date.now(),
): Promise<void> {
  await db.insert(auditLog).values({ at: now, ...entry });
}
