// Inviting a colleague into a team, whether or not they already have an account.
//
// Access is granted only on purpose (issue 13): a trainer who enters the address of someone who
// already has an account must not pull that person, with their progress, into their own team.
// So nobody is ever added silently. A new address gets an account invitation (the link creates
// the account and joins the team); an existing account gets a team invitation that the person
// accepts or declines themselves, on their next visit (/uitnodigingen) or through the e-mailed
// link. For the trainer both look the same — the same preview, the same "invitation made", the
// same kind of link — so the invite form does not tell who has an account.
//
// Why not "only an admin moves people between teams": staff change teams often, and an admin
// queue would make trainers wait for something the person can decide in one click. The person
// deciding is also what the AVG asks: it is their progress that the new team's trainers will see.
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, teams, type Role } from '../../../db/schema.ts';
import { createInvitation, storeInvitation } from '../auth/invitation.ts';
import { findUserByEmail, normalizeEmail } from '../auth/user.ts';
import { addToTeam } from './teams.ts';

export interface TeamInvitationInput {
  email: string;
  name?: string;
  role: 'learner' | 'trainer';
  teamId: string;
  createdBy: string;
}

export interface TeamInvitationMade {
  token: string;
  expiresAt: number;
  /** For the e-mail's wording only ("log in and accept"); never shown to the inviting trainer. */
  forExistingAccount: boolean;
}

export async function inviteToTeam(db: Db, input: TeamInvitationInput, now = Date.now()): Promise<TeamInvitationMade> {
  const existing = await findUserByEmail(db, input.email);
  if (!existing) {
    const made = await createInvitation(db, { email: input.email, role: input.role, createdBy: input.createdBy, name: input.name, teamId: input.teamId }, now);
    if (made.ok) return { token: made.token, expiresAt: made.expiresAt, forExistingAccount: false };
    // The account appeared in between: fall through to a team invitation.
  }
  const stored = await storeInvitation(db, { email: input.email, role: input.role, createdBy: input.createdBy, teamId: input.teamId }, now);
  return { ...stored, forExistingAccount: true };
}

export interface PendingTeamInvitation {
  /** The stored id (the hash of the link's token): names the invitation in the person's own forms. */
  id: string;
  teamId: string;
  teamName: string;
  role: Role;
  expiresAt: number;
}

/** Team invitations waiting for this person: open, unexpired, for their own address. */
export async function listPendingTeamInvitations(db: Db, person: { email: string }, now = Date.now()): Promise<PendingTeamInvitation[]> {
  return db
    .select({ id: invitations.id, teamId: teams.id, teamName: teams.name, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(and(eq(invitations.email, normalizeEmail(person.email)), isNotNull(invitations.teamId), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(invitations.createdAt);
}

export type AnswerTeamInvitationResult = { ok: true; teamId: string; teamName: string } | { ok: false; reason: 'unknown' };

/**
 * Accepts or declines one of the person's own team invitations. Only the person whose address
 * was invited can answer; the conditional update is the lock, so a double click or two tabs join
 * the team once. Unknown, used, expired and someone else's invitations all answer 'unknown'.
 */
export async function answerTeamInvitation(
  db: Db,
  person: { id: string; email: string; role: Role },
  input: { invitationId: string; accept: boolean },
  now = Date.now(),
): Promise<AnswerTeamInvitationResult> {
  const pending = (await listPendingTeamInvitations(db, person, now)).find((p) => p.id === input.invitationId);
  if (!pending) return { ok: false, reason: 'unknown' };
  const claimed = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(
      and(eq(invitations.id, pending.id), eq(invitations.email, normalizeEmail(person.email)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)),
    );
  if (claimed.rowsAffected === 0) return { ok: false, reason: 'unknown' };
  // A team invitation never changes the account's own role: trainer rights are an admin's to give.
  if (input.accept) await addToTeam(db, pending.teamId, person.id, pending.role === 'trainer' && person.role !== 'learner' ? 'trainer' : 'member', now);
  return { ok: true, teamId: pending.teamId, teamName: pending.teamName };
}
