// Accounts: creation, lookup, password changes. Role changes and blocking: src/lib/auth/manage-account.ts.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { users, type Role } from '../../../db/schema.ts';
import { hashPassword } from './password.ts';
import { invalidateUserSessions } from './session.ts';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function generateId(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export type CreateUserResult = { ok: true; userId: string } | { ok: false; reason: 'email-taken' };

export async function createUser(db: Db, input: { email: string; name: string; password: string; role: Role }): Promise<CreateUserResult> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const userId = generateId();
  // Writes avoid RETURNING: see record-attempt.ts for the libSQL cursor that a lock leaves open.
  const inserted = await db
    .insert(users)
    .values({ id: userId, email, name: input.name.trim(), role: input.role, passwordHash })
    .onConflictDoNothing({ target: users.email });
  return inserted.rowsAffected === 1 ? { ok: true, userId } : { ok: false, reason: 'email-taken' };
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user;
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function listUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name));
}

/** Changing the password ends every session of the user; the caller starts a fresh one. */
export async function changePassword(db: Db, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await invalidateUserSessions(db, userId);
}
