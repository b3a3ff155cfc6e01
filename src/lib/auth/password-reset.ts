// A way back in after a forgotten password, without losing progress: a one-time link, valid for an
// hour, made when the person asks for it by e-mail, by a trainer or admin on the person's page, or
// by the admin CLI. As with invitations, the link carries a random token and the database keeps
// its hash. Using it sets the new password, ends every session of the account, makes every other
// open link of the account useless, and is written to the audit log — all in one transaction, so
// two uses of one link (two tabs, a replay) cannot both succeed.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditLog, passwordResets, users } from '../../../db/schema.ts';
import { TOKEN_PATTERN } from '../ids.ts';
import { hashPassword } from './password.ts';
import { generateSessionToken, hashToken } from './session.ts';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Makes a reset link's token for an active account. `createdBy`: the trainer or admin who made it, if any. */
export async function createPasswordReset(
  db: Db,
  input: { userId: string; createdBy?: string },
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const token = generateSessionToken();
  const expiresAt = now + PASSWORD_RESET_LIFETIME_MS;
  await db.batch([
    db.insert(passwordResets).values({ id: hashToken(token), userId: input.userId, createdBy: input.createdBy ?? null, expiresAt, createdAt: now }),
    db.insert(auditLog).values({ at: now, actorId: input.createdBy ?? null, action: 'herstellink-gemaakt', subjectId: input.userId }),
  ]);
  return { token, expiresAt };
}

export type ResetLookup = { ok: true; userId: string; email: string; name: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** What a link is worth now. A link of a deactivated account is unknown. */
export async function findPasswordReset(db: Db, token: string, now = Date.now()): Promise<ResetLookup> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'unknown' };
  const [row] = await db
    .select({
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      email: users.email,
      name: users.name,
      active: users.active,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.id, hashToken(token)));
  if (!row || !row.active) return { ok: false, reason: 'unknown' };
  if (row.usedAt !== null) return { ok: false, reason: 'used' };
  if (now >= row.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.userId, email: row.email, name: row.name };
}

export type ResetResult = { ok: true; userId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/**
 * Sets the new password with the link. Claiming the link is the first statement of one write
 * transaction; everything after it only happens when that claim changed a row.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, now = Date.now()): Promise<ResetResult> {
  const lookup = await findPasswordReset(db, input.token, now);
  if (!lookup.ok) return lookup;
  const id = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  // `claimed`: this request's own claim, recognisable by a random value only it knows (two
  // requests in the same millisecond must not take each other's claim for their own).
  const claim = randomUUID();
  const claimed = 'exists (select 1 from password_resets where id = ? and claim = ?)';
  const results = await db.$client.batch(
    [
      { sql: 'update password_resets set used_at = ?, claim = ? where id = ? and used_at is null and expires_at > ?', args: [now, claim, id, now] },
      { sql: `update users set password_hash = ? where id = ? and active = 1 and ${claimed}`, args: [passwordHash, lookup.userId, id, claim] },
      { sql: `delete from sessions where user_id = ? and ${claimed}`, args: [lookup.userId, id, claim] },
      { sql: `update password_resets set used_at = ? where user_id = ? and used_at is null and ${claimed}`, args: [now, lookup.userId, id, claim] },
      {
        sql: `insert into audit_log (at, actor_id, action, subject_id) select ?, null, 'wachtwoord-hersteld', ? where ${claimed}`,
        args: [now, lookup.userId, id, claim],
      },
    ],
    'write',
  );
  if (results[0].rowsAffected !== 1) return { ok: false, reason: 'used' };
  return { ok: true, userId: lookup.userId };
}

/** Whether `actor` may make a reset link for `target`: admins for anyone else; trainers only for learners of a team they train. */
export function mayCreateResetFor(actor: { id: string; role: string }, target: { id: string; role: string }, trainsTargetsTeam: boolean): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'trainer' && target.role === 'learner' && trainsTargetsTeam;
}
