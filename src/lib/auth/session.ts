// Sessions as in Lucia's guide (lucia-auth.com/sessions): the cookie holds a random token, the
// database holds only its SHA-256, so a leaked database cannot be replayed as cookies.
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { sessions, users, type Role } from '../../../db/schema.ts';
import { perDatabase } from '../../../db/prepared.ts';
import { TOKEN_PATTERN } from '../ids.ts';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** Sliding expiry: a session used in its last half is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 15 * DAY;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export type SessionValidation = { session: Session; user: SessionUser; renewed: boolean } | { session: null; user: null; renewed: false };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The token's SHA-256 in hex. Node's own (native) hash: every request hashes its cookie, and the pure-JS one cost ~2.5 % of a lesson page. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, token: string, userId: string, now = Date.now()): Promise<Session> {
  const session = { id: hashToken(token), userId, expiresAt: now + SESSION_LIFETIME_MS };
  // Every way in (password, invitation, new password, single sign-on) starts here, so this is
  // where "last login" for the admin's account list is kept.
  await db.batch([db.insert(sessions).values({ ...session, createdAt: now }), db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId))]);
  return session;
}

// Every request looks its session up, so the query is built once per database handle instead of
// on each call (drizzle's query building costs more than the lookup itself).
const sessionLookup = perDatabase((db) =>
  db
    .select({
      session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
      user: { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active },
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
);

export async function validateSessionToken(db: Db, token: string, now = Date.now()): Promise<SessionValidation> {
  if (!TOKEN_PATTERN.test(token)) return { session: null, user: null, renewed: false };
  const id = hashToken(token);
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) return { session: null, user: null, renewed: false };
  const { session, user } = row;
  if (now >= session.expiresAt || !user.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { session: null, user: null, renewed: false };
  }
  let renewed = false;
  if (now >= session.expiresAt - RENEW_WITHIN_MS) {
    session.expiresAt = now + SESSION_LIFETIME_MS;
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
    renewed = true;
  }
  return { session, user: { id: user.id, email: user.email, name: user.name, role: user.role }, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
