// Invitations: the only way in (no self-registration). The link carries a random token; the
// database keeps its hash. A link works once and expires. Accepting one makes the account and
// may join a team, so that use case lives in teams/, above auth/ (teams/accept-invitation.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, type Role } from '../../../db/schema.ts';
import { TOKEN_PATTERN } from '../ids.ts';
import { generateSessionToken, hashToken } from './session.ts';
import { findUserByEmail, normalizeEmail } from './user.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type CreateInvitationResult = { ok: true; token: string; expiresAt: number } | { ok: false; reason: 'already-a-user' };

export async function createInvitation(
  db: Db,
  input: { email: string; role: Role; createdBy?: string; name?: string; teamId?: string },
  now = Date.now(),
): Promise<CreateInvitationResult> {
  if (await findUserByEmail(db, input.email)) return { ok: false, reason: 'already-a-user' };
  return { ok: true, ...(await storeInvitation(db, input, now)) };
}

/**
 * Stores an invitation and returns its one-time token, without asking whether the address has an
 * account: createInvitation checks that for account invitations; team invitations for existing
 * accounts (src/lib/teams/team-invitation.ts) want exactly this.
 */
export async function storeInvitation(
  db: Db,
  input: { email: string; role: Role; createdBy?: string; name?: string; teamId?: string },
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const token = generateSessionToken();
  const expiresAt = now + INVITATION_LIFETIME_MS;
  await db.insert(invitations).values({
    id: hashToken(token),
    email: normalizeEmail(input.email),
    role: input.role,
    createdBy: input.createdBy ?? null,
    name: input.name ?? null,
    teamId: input.teamId ?? null,
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}

export type InvitationLookup =
  { ok: true; email: string; role: Role; name: string | null; teamId: string | null } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export async function findInvitation(db: Db, token: string, now = Date.now()): Promise<InvitationLookup> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'unknown' };
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.id, hashToken(token)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.usedAt !== null) return { ok: false, reason: 'used' };
  if (now >= row.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, email: row.email, role: row.role, name: row.name, teamId: row.teamId };
}
