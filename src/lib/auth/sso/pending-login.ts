// A single sign-on login between leaving for the provider and coming back: the nonce and PKCE
// verifier the callback must check against, kept on the server under the SHA-256 of the `state`
// (the state itself only travels through the browser). Ten minutes, and one use: taking it is a
// conditional DELETE, so of two callbacks with the same state (a replay, a double click) only the
// one whose delete removed the row goes on.
//
// The `state` passed to takePendingLogin should come from the browser that started the login (a
// short cookie set next to the redirect), not from the callback's query: then a callback URL sent
// to someone else cannot sign them in, and finishSsoLogin checks that the query carries the same state.
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { ssoLogins } from '../../../../db/schema.ts';
import { hashToken } from '../session.ts';

export const PENDING_LOGIN_LIFETIME_MS = 10 * 60 * 1000;

export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
}

/** Keeps a login's secrets until its callback, and clears expired ones on the way. */
export async function storePendingLogin(
  db: Db,
  input: { state: string; nonce: string; codeVerifier: string; returnTo?: string | null },
  now = Date.now(),
): Promise<{ expiresAt: number }> {
  const expiresAt = now + PENDING_LOGIN_LIFETIME_MS;
  await db.batch([
    db.delete(ssoLogins).where(lte(ssoLogins.expiresAt, now)),
    db.insert(ssoLogins).values({
      id: hashToken(input.state),
      nonce: input.nonce,
      codeVerifier: input.codeVerifier,
      returnTo: input.returnTo ?? null,
      expiresAt,
      createdAt: now,
    }),
  ]);
  return { expiresAt };
}

/** The login's secrets, once; null when the state is unknown, expired or already taken. */
export async function takePendingLogin(db: Db, state: string, now = Date.now()): Promise<PendingLogin | null> {
  const id = hashToken(state);
  const [row] = await db
    .select({ nonce: ssoLogins.nonce, codeVerifier: ssoLogins.codeVerifier, returnTo: ssoLogins.returnTo })
    .from(ssoLogins)
    .where(and(eq(ssoLogins.id, id), gt(ssoLogins.expiresAt, now)));
  if (!row) return null;
  // No RETURNING (see src/lib/progress/record-attempt.ts): the read above, then a delete that only
  // one caller can win; rowsAffected says who.
  const taken = await db.delete(ssoLogins).where(and(eq(ssoLogins.id, id), gt(ssoLogins.expiresAt, now)));
  return taken.rowsAffected === 1 ? row : null;
}
