// Invitations nobody has used yet, for the admin: list them, renew one (a new link and a new
// week; the old link stops working) or revoke one. The audit entry names the invitation by a code (the start
// of its link's hash), never by the address: the log holds no names or e-mail addresses. The database keeps only the hash of a link, so
// "send again" can only mean a new link. Both are conditional on the invitation still being
// unused, in one transaction with the audit entry: an invitation accepted a moment earlier is
// neither renewed nor revoked.
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { alias } from 'drizzle-orm/sqlite-core';
import { invitations, teams, users, type Role } from '../../../db/schema.ts';
import { INVITATION_LIFETIME_MS } from '../auth/invitation.ts';
import { generateSessionToken, hashToken } from '../auth/session.ts';
import { TOKEN_HASH_PATTERN } from '../ids.ts';

export const INVITATION_PAGE_SIZE = 50;

export interface PendingInvitation {
  /** The hash of the link (not the link): it names the invitation in forms. */
  id: string;
  email: string;
  name: string | null;
  role: Role;
  teamName: string | null;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  /** The address has an account already: this invites it into a team. */
  forExistingAccount: boolean;
}

export function isInvitationId(value: string): boolean {
  return TOKEN_HASH_PATTERN.test(value);
}

export async function listPendingInvitations(db: Db, page = 1): Promise<{ rows: PendingInvitation[]; total: number; page: number; pages: number }> {
  const pending = isNull(invitations.usedAt);
  const [{ total }] = await db.select({ total: count() }).from(invitations).where(pending);
  const pages = Math.max(1, Math.ceil(total / INVITATION_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const inviter = alias(users, 'inviter');
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      teamName: teams.name,
      invitedBy: inviter.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      forExistingAccount: sql<number>`exists (select 1 from ${users} where ${users.email} = ${invitations.email})`,
    })
    .from(invitations)
    .leftJoin(teams, eq(teams.id, invitations.teamId))
    .leftJoin(inviter, eq(inviter.id, invitations.createdBy))
    .where(pending)
    .orderBy(asc(invitations.expiresAt))
    .limit(INVITATION_PAGE_SIZE)
    .offset((current - 1) * INVITATION_PAGE_SIZE);
  return { rows: rows.map((row) => ({ ...row, forExistingAccount: Boolean(row.forExistingAccount) })), total, page: current, pages };
}

export type RenewResult =
  | { ok: true; token: string; expiresAt: number; email: string; name: string | null; teamName: string | null; forExistingAccount: boolean }
  | { ok: false; reason: 'unknown' };

/** A new link for an unused invitation, valid for a new week; the old link is dead from now on. */
export async function renewInvitation(db: Db, input: { actorId: string | null; invitationId: string }, now = Date.now()): Promise<RenewResult> {
  if (!isInvitationId(input.invitationId)) return { ok: false, reason: 'unknown' };
  const token = generateSessionToken();
  const newId = hashToken(token);
  const expiresAt = now + INVITATION_LIFETIME_MS;
  const results = await db.$client.batch(
    [
      {
        sql: "insert into audit_log (at, actor_id, action, subject_id, detail) select ?, ?, 'uitnodiging-vernieuwd', null, substr(id, 1, 12) from invitations where id = ? and used_at is null",
        args: [now, input.actorId, input.invitationId],
      },
      { sql: 'update invitations set id = ?, expires_at = ? where id = ? and used_at is null', args: [newId, expiresAt, input.invitationId] },
    ],
    'write',
  );
  if (results[1].rowsAffected !== 1) return { ok: false, reason: 'unknown' };
  const [row] = await db
    .select({ email: invitations.email, name: invitations.name, teamName: teams.name })
    .from(invitations)
    .leftJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.id, newId));
  if (!row) return { ok: false, reason: 'unknown' };
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return { ok: true, token, expiresAt, ...row, forExistingAccount: account !== undefined };
}

export type RevokeResult = { ok: true; email: string } | { ok: false; reason: 'unknown' };

/** Removes an unused invitation: its link stops working. */
export async function revokeInvitation(db: Db, input: { actorId: string | null; invitationId: string }, now = Date.now()): Promise<RevokeResult> {
  if (!isInvitationId(input.invitationId)) return { ok: false, reason: 'unknown' };
  const [row] = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.id, input.invitationId), isNull(invitations.usedAt)));
  if (!row) return { ok: false, reason: 'unknown' };
  const results = await db.$client.batch(
    [
      {
        sql: "insert into audit_log (at, actor_id, action, subject_id, detail) select ?, ?, 'uitnodiging-ingetrokken', null, substr(id, 1, 12) from invitations where id = ? and used_at is null",
        args: [now, input.actorId, input.invitationId],
      },
      { sql: 'delete from invitations where id = ? and used_at is null', args: [input.invitationId] },
    ],
    'write',
  );
  return results[1].rowsAffected === 1 ? { ok: true, email: row.email } : { ok: false, reason: 'unknown' };
}

/** The unused invitations of one address, newest first (the CLI names invitations by address). */
export async function pendingInvitationIdsFor(db: Db, email: string): Promise<string[]> {
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, email.trim().toLowerCase()), isNull(invitations.usedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.map((row) => row.id);
}
