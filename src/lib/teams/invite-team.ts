// Turning checked import rows into invitations (or team memberships for existing accounts).
import type { Db } from '../../../db/client.ts';
import { createInvitation } from '../auth/invitation.ts';
import { findUserByEmail } from '../auth/user.ts';
import { sendInvitationMail, type MailResult } from '../mail/invitation-mail.ts';
import type { CheckedRow } from './invitation-import.ts';
import { addToTeam } from './teams.ts';

export type InviteOutcome =
  | { email: string; name: string; kind: 'invited'; token: string; expiresAt: number }
  | { email: string; name: string; kind: 'added' };

export async function inviteRows(
  db: Db,
  rows: CheckedRow[],
  input: { role: 'learner' | 'trainer'; createdBy: string },
  now = Date.now(),
): Promise<InviteOutcome[]> {
  const outcomes: InviteOutcome[] = [];
  for (const row of rows) {
    if (!row.ok) continue;
    const existing = await findUserByEmail(db, row.email);
    if (existing) {
      await addToTeam(db, row.teamId, existing.id, input.role === 'trainer' ? 'trainer' : 'member', now);
      outcomes.push({ email: row.email, name: existing.name, kind: 'added' });
      continue;
    }
    const result = await createInvitation(db, { email: row.email, role: input.role, createdBy: input.createdBy, name: row.name || undefined, teamId: row.teamId }, now);
    if (result.ok) outcomes.push({ email: row.email, name: row.name, kind: 'invited', token: result.token, expiresAt: result.expiresAt });
  }
  return outcomes;
}

/** E-mails every new invitation's link, one by one; a failed send never undoes the invitation. */
export async function mailInvitations(
  outcomes: InviteOutcome[],
  input: { smtpUrl: string; from: string; baseUrl: string; teamName: string },
): Promise<Map<string, MailResult>> {
  const results = new Map<string, MailResult>();
  for (const outcome of outcomes) {
    if (outcome.kind !== 'invited') continue;
    const link = new URL(`/uitnodiging/${outcome.token}`, input.baseUrl).href;
    results.set(outcome.email, await sendInvitationMail(input.smtpUrl, input.from, { to: outcome.email, name: outcome.name, link, teamName: input.teamName, expiresAt: outcome.expiresAt }));
  }
  return results;
}
