// Turning checked import rows into invitations: an account invitation for a new address, a team
// invitation to accept for an existing account (src/lib/teams/team-invitation.ts). Nobody joins a
// team without saying yes, and the inviting trainer sees the same result for both.
import type { Db } from '../../../db/client.ts';
import type { Role } from '../../../db/schema.ts';
import { sendInvitationMail, type MailResult } from '../mail/invitation-mail.ts';
import type { CheckedRow } from './invitation-import.ts';
import { inviteToTeam } from './team-invitation.ts';

export type InviteOutcome = { email: string; name: string; kind: 'invited'; token: string; expiresAt: number; forExistingAccount: boolean };

export type InviteRowsResult = { ok: true; outcomes: InviteOutcome[] } | { ok: false; reason: 'role-not-allowed' };

/** Only an admin gives trainer rights (issue 13): a trainer invites learners. */
export function mayInviteRole(actor: { role: Role }, role: 'learner' | 'trainer'): boolean {
  return role === 'learner' || actor.role === 'admin';
}

export async function inviteRows(
  db: Db,
  rows: CheckedRow[],
  input: { role: 'learner' | 'trainer'; actor: { id: string; role: Role } },
  now = Date.now(),
): Promise<InviteRowsResult> {
  if (!mayInviteRole(input.actor, input.role)) return { ok: false, reason: 'role-not-allowed' };
  const outcomes: InviteOutcome[] = [];
  for (const row of rows) {
    if (!row.ok) continue;
    const made = await inviteToTeam(
      db,
      { email: row.email, name: row.name || undefined, role: input.role, teamId: row.teamId, createdBy: input.actor.id },
      now,
    );
    outcomes.push({ email: row.email, name: row.name, kind: 'invited', ...made });
  }
  return { ok: true, outcomes };
}

/** E-mails every new invitation's link, one by one; a failed send never undoes the invitation. */
export async function mailInvitations(
  outcomes: InviteOutcome[],
  input: { smtpUrl: string; from: string; baseUrl: string; teamName: string },
): Promise<Map<string, MailResult>> {
  const results = new Map<string, MailResult>();
  for (const outcome of outcomes) {
    const link = new URL(`/uitnodiging/${outcome.token}`, input.baseUrl).href;
    results.set(
      outcome.email,
      await sendInvitationMail(input.smtpUrl, input.from, {
        to: outcome.email,
        name: outcome.name,
        link,
        teamName: input.teamName,
        expiresAt: outcome.expiresAt,
        forExistingAccount: outcome.forExistingAccount,
      }),
    );
  }
  return results;
}
