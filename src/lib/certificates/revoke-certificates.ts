// Revoking a person's certificates when their account is deleted (privacy/delete-account.ts runs
// this in the deletion's batch, before the account row goes). The row stays as a tombstone with
// only its code and when it was revoked: the verification page can say "no longer valid", and
// nothing about the person (not even which module) is kept.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { certificates } from '../../../db/schema.ts';

/** The statement, for a batch: it must run before the account is deleted (the cascade would remove the rows). */
export function revokeCertificatesOf(db: Db, userId: string, now = Date.now()) {
  return db.update(certificates).set({ userId: null, moduleId: null, revokedAt: now }).where(eq(certificates.userId, userId));
}
