// Turning checked import rows into invitations (or team memberships for existing accounts).
import type { Db } from '../../../db/client.ts';
import { createInvitation } from '../auth/invitation.ts';
import { findUserByEmail } from '../auth/user.ts';
import type { CheckedRow } from './invitation-import.ts';
import { addToTeam } from './teams.ts';

export type InviteOutcome =
  | { email: string; name: string; kind: 'invited'; token: string }
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
    if (result.ok) outcomes.push({ email: row.email, name: row.name, kind: 'invited', token: result.token });
  }
  return outcomes;
}
