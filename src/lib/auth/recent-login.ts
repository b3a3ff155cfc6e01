// "Did this person sign in a moment ago?" For an account without a password of its own (made by
// single sign-on) there is no password to retype before deleting it; a session started within the
// last minutes, by a fresh login at the organisation's provider, stands in for that proof.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { sessions } from '../../../db/schema.ts';

export const RECENT_LOGIN_MS = 10 * 60 * 1000;

export async function signedInRecently(db: Db, sessionId: string, now = Date.now()): Promise<boolean> {
  const [row] = await db.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, sessionId));
  return row !== undefined && now - row.createdAt < RECENT_LOGIN_MS;
}
