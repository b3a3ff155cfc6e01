// Accepting an account invitation: the link makes the account and, for an invitation into a team,
// joins that team. Here in teams/, above auth/ (invitations and accounts) and beside teams.ts, so
// that auth/ never reaches up into teams/.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations } from '../../../db/schema.ts';
import { findInvitation } from '../auth/invitation.ts';
import { hashToken } from '../auth/session.ts';
import { createUser } from '../auth/user.ts';
import { addToTeam } from './teams.ts';

export type AcceptInvitationResult = { ok: true; userId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'email-taken' };

/**
 * Marks the invitation used, creates the account and joins the team the invitation names. The
 * conditional update is the lock: of two simultaneous accepts only one sees a changed row, so a
 * link can never make two accounts.
 */
export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }, now = Date.now()): Promise<AcceptInvitationResult> {
  const lookup = await findInvitation(db, input.token, now);
  if (!lookup.ok) return lookup;
  const claimed = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, hashToken(input.token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)));
  if (claimed.rowsAffected === 0) return { ok: false, reason: 'used' };
  const created = await createUser(db, { email: lookup.email, name: input.name, password: input.password, role: lookup.role });
  if (!created.ok) return { ok: false, reason: 'email-taken' };
  if (lookup.teamId) await addToTeam(db, lookup.teamId, created.userId, lookup.role === 'trainer' ? 'trainer' : 'member', now);
  return { ok: true, userId: created.userId };
}
