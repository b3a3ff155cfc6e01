// Starts a fresh session for a user and sets the cookie: always a new token, so a session id
// known before login is worthless after it.
import type { AstroCookies } from 'astro';
import type { Db } from '../../../db/client.ts';
import { createSession, generateSessionToken } from '../auth/session.ts';
import { isSecureRequest, setSessionCookie } from './session-cookie.ts';

export async function startSession(db: Db, cookies: AstroCookies, userId: string, url: URL, headers: Headers): Promise<void> {
  const token = generateSessionToken();
  const session = await createSession(db, token, userId);
  setSessionCookie(cookies, token, session.expiresAt, isSecureRequest(url, headers));
}
