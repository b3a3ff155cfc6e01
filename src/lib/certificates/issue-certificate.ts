// Issuing a certificate's verification code: once per person and completed module, the first
// time the certificate is shown. Safe under a burst of requests at once: the unique index on
// (user, module) lets one insert win and the others read the winner's code.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { certificates, moduleCompletions } from '../../../db/schema.ts';
import { newVerificationCode } from './verification-code.ts';

export interface IssuedCertificate {
  /** Stored form; show it with formatCode. */
  code: string;
  completedAt: number;
  /** The content version the module was completed in. */
  contentVersion: string;
  /** The score that counts (0..1): the best passed toets, or the old practice score. */
  score: number;
}

/** The person's certificate for a module, issued now if it was not yet; undefined when the module is not completed. */
export async function issueCertificate(db: Db, userId: string, moduleId: string, now = Date.now()): Promise<IssuedCertificate | undefined> {
  const [completion] = await db
    .select({ completedAt: moduleCompletions.completedAt, contentVersion: moduleCompletions.contentVersion, score: moduleCompletions.score })
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.userId, userId), eq(moduleCompletions.moduleId, moduleId)));
  if (!completion) return undefined;
  const existing = await codeOf(db, userId, moduleId);
  if (existing) return { code: existing, ...completion };
  // Writes avoid RETURNING (see progress/record-attempt.ts); the read after the insert finds
  // whichever code won, ours or a parallel request's.
  await db.insert(certificates).values({ code: newVerificationCode(), userId, moduleId, issuedAt: now }).onConflictDoNothing();
  const code = await codeOf(db, userId, moduleId);
  if (!code) throw new Error('certificaatcode niet opgeslagen');
  return { code, ...completion };
}

async function codeOf(db: Db, userId: string, moduleId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ code: certificates.code })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.moduleId, moduleId)));
  return row?.code;
}
