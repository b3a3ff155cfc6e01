// Changing an account's role and blocking or unblocking it: the same functions for the admin's
// pages and the CLI. Each change is one write transaction with its audit entry, and the rules sit
// in the UPDATE itself, so two admins acting at once cannot get around them:
// - nobody changes or blocks their own account here (an admin could lock themselves out);
// - the last active admin stays an active admin (otherwise nobody could manage the platform).
// Blocking ends every session of the account at once.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { users, type Role } from '../../../db/schema.ts';

/** Why a change was refused; the words for each are t.accounts.refused (i18n/nl.ts). */
export type AccountChangeRefusal = 'unknown' | 'self' | 'last-admin' | 'unchanged';

export type AccountChangeResult = { ok: true } | { ok: false; reason: AccountChangeRefusal };

/** Another active admin must remain besides the account :id (a subquery, so it is checked at write time). */
const ANOTHER_ACTIVE_ADMIN = "exists (select 1 from users where role = 'admin' and active = 1 and id != ?)";

interface Change {
  actorId: string | null;
  userId: string;
}

/** Why a change was refused, read after it: `unchanged` is true when the account already is as asked. */
async function explainRefusal(db: Db, change: Change, unchanged: SQL): Promise<AccountChangeResult> {
  const [row] = await db
    .select({ same: sql<number>`(${unchanged})` })
    .from(users)
    .where(eq(users.id, change.userId));
  if (!row) return { ok: false, reason: 'unknown' };
  if (Number(row.same) === 1) return { ok: false, reason: 'unchanged' };
  return { ok: false, reason: 'last-admin' };
}

export async function changeRole(db: Db, change: Change & { role: Role }, now = Date.now()): Promise<AccountChangeResult> {
  if (change.actorId === change.userId) return { ok: false, reason: 'self' };
  // Leaving the admin role needs another active admin; any other change does not.
  const guard = `(role != 'admin' or ? = 'admin' or ${ANOTHER_ACTIVE_ADMIN})`;
  const results = await db.$client.batch(
    [
      // The old role goes into the audit entry first: it only counts when the update below changes a row.
      {
        sql: `insert into audit_log (at, actor_id, action, subject_id, detail)
              select ?, ?, 'rol-gewijzigd', id, role || ' → ' || ? from users where id = ? and role != ? and ${guard}`,
        args: [now, change.actorId, change.role, change.userId, change.role, change.role, change.userId],
      },
      { sql: `update users set role = ? where id = ? and role != ? and ${guard}`, args: [change.role, change.userId, change.role, change.role, change.userId] },
    ],
    'write',
  );
  if (results[1].rowsAffected === 1) return { ok: true };
  return explainRefusal(db, change, sql`${users.role} = ${change.role}`);
}

export async function deactivateAccount(db: Db, change: Change, now = Date.now()): Promise<AccountChangeResult> {
  if (change.actorId === change.userId) return { ok: false, reason: 'self' };
  const guard = `(role != 'admin' or ${ANOTHER_ACTIVE_ADMIN})`;
  const results = await db.$client.batch(
    [
      {
        sql: `insert into audit_log (at, actor_id, action, subject_id) select ?, ?, 'account-geblokkeerd', id from users where id = ? and active = 1 and ${guard}`,
        args: [now, change.actorId, change.userId, change.userId],
      },
      { sql: `update users set active = 0 where id = ? and active = 1 and ${guard}`, args: [change.userId, change.userId] },
      // Only when the account is blocked now: a refused block must not sign anyone out.
      { sql: 'delete from sessions where user_id = ? and exists (select 1 from users where id = ? and active = 0)', args: [change.userId, change.userId] },
    ],
    'write',
  );
  if (results[1].rowsAffected === 1) return { ok: true };
  return explainRefusal(db, change, sql`${users.active} = 0`);
}

export async function reactivateAccount(db: Db, change: Change, now = Date.now()): Promise<AccountChangeResult> {
  if (change.actorId === change.userId) return { ok: false, reason: 'self' };
  const results = await db.$client.batch(
    [
      {
        sql: "insert into audit_log (at, actor_id, action, subject_id) select ?, ?, 'account-gedeblokkeerd', id from users where id = ? and active = 0",
        args: [now, change.actorId, change.userId],
      },
      { sql: 'update users set active = 1 where id = ? and active = 0', args: [change.userId] },
    ],
    'write',
  );
  if (results[1].rowsAffected === 1) return { ok: true };
  return explainRefusal(db, change, sql`${users.active} = 1`);
}
