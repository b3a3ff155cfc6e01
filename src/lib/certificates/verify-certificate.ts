// What the public verification page may say about a code: for a valid certificate the name,
// the module and the completion date, nothing more; for a code whose account was deleted only
// that it is no longer valid; for anything else that it is unknown. Lookup by the exact code.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { certificates, moduleCompletions, users } from '../../../db/schema.ts';
import { parseCode } from './verification-code.ts';

export type Verification =
  | { status: 'valid'; code: string; name: string; moduleId: string; contentVersion: string; completedAt: number }
  | { status: 'revoked'; code: string }
  | { status: 'unknown' };

export async function verifyCertificate(db: Db, input: string): Promise<Verification> {
  const code = parseCode(input);
  if (!code) return { status: 'unknown' };
  const [row] = await db
    .select({
      userId: certificates.userId,
      moduleId: certificates.moduleId,
      revokedAt: certificates.revokedAt,
      name: users.name,
      completedAt: moduleCompletions.completedAt,
      contentVersion: moduleCompletions.contentVersion,
    })
    .from(certificates)
    .leftJoin(users, eq(users.id, certificates.userId))
    .leftJoin(moduleCompletions, and(eq(moduleCompletions.userId, certificates.userId), eq(moduleCompletions.moduleId, certificates.moduleId)))
    .where(eq(certificates.code, code));
  if (!row) return { status: 'unknown' };
  if (row.revokedAt !== null) return { status: 'revoked', code };
  // Fail closed: a row without its person or completion confirms nothing.
  if (row.moduleId === null || row.name === null || row.completedAt === null || row.contentVersion === null) return { status: 'unknown' };
  return { status: 'valid', code, name: row.name, moduleId: row.moduleId, contentVersion: row.contentVersion, completedAt: row.completedAt };
}
