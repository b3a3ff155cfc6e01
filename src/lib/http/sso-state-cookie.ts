// The state of a login with an organisation account, kept in this browser between leaving for the
// provider and coming back: the callback only completes a login that this browser started. Lax,
// because the way back is a top-level navigation from the provider's site; scoped to the SSO
// paths and ten minutes, like the login it belongs to.
import type { AstroCookies } from 'astro';
import { PENDING_LOGIN_LIFETIME_MS } from '../auth/sso/pending-login.ts';

export const SSO_STATE_COOKIE = 'lt_sso';
const PATH = '/inloggen/organisatie';

export function setSsoStateCookie(cookies: AstroCookies, state: string, secure: boolean): void {
  cookies.set(SSO_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure, path: PATH, maxAge: PENDING_LOGIN_LIFETIME_MS / 1000 });
}

/** The kept state, once: the cookie is cleared as it is read. */
export function takeSsoStateCookie(cookies: AstroCookies, secure: boolean): string | undefined {
  const state = cookies.get(SSO_STATE_COOKIE)?.value;
  cookies.set(SSO_STATE_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: PATH, maxAge: 0 });
  return state && /^[A-Za-z0-9_-]{16,128}$/.test(state) ? state : undefined;
}
