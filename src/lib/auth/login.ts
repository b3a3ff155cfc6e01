// Checking a login attempt: throttled per address and per account (policy in rate-limit.ts), with
// one answer for "no such account" and "wrong password" so that the response does not reveal who
// has an account.
import type { Db } from '../../../db/client.ts';
import { addressBucket } from './address-bucket.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, refundAddressAttempt, resetRateLimit, takeAccountAttempt, takeAddressAttempt } from './rate-limit.ts';
import { hasNoPassword } from './sso/admit.ts';
import { mayUsePassword } from './sso/password-login.ts';
import { findUserByEmail, normalizeEmail } from './user.ts';

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid-credentials' }
  /** The password was right, but this account signs in with its organisation account only (an admin's choice). */
  | { ok: false; reason: 'use-sso' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/** The per-account counter, shared with the current-password check of a signed-in user. */
export function accountThrottleKey(email: string): string {
  return `login:account:${normalizeEmail(email)}`;
}

/** `ip` is the client address from requestClientAddress (src/lib/http/request-address.ts). */
export async function attemptLogin(db: Db, input: { email: string; password: string; ip: string }, now = Date.now()): Promise<LoginResult> {
  const accountKey = accountThrottleKey(input.email);
  const ipKey = `login:ip:${addressBucket(input.ip)}`;
  // The address first: an address over its limit must not move the account's delay on, or it
  // could push the owner's next chance further away without even guessing.
  const byAddress = await takeAddressAttempt(db, ipKey, LOGIN_PER_IP, now);
  if (!byAddress.allowed) return { ok: false, reason: 'throttled', retryAfterMs: byAddress.retryAfterMs };
  const byAccount = await takeAccountAttempt(db, accountKey, LOGIN_PER_ACCOUNT, now);
  if (!byAccount.allowed) return { ok: false, reason: 'throttled', retryAfterMs: byAccount.retryAfterMs };

  // Counted already; only now the slow part.
  const user = await findUserByEmail(db, input.email);
  // An account made by single sign-on has no password: it costs the same time as a wrong one, so
  // the answer's timing does not tell that the account exists.
  const hasPassword = user && user.active && !hasNoPassword(user.passwordHash);
  const valid = hasPassword ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!valid || !user) return { ok: false, reason: 'invalid-credentials' };
  await resetRateLimit(db, accountKey);
  await refundAddressAttempt(db, ipKey);
  // Only someone who knows the password learns that it is not the way in for this account.
  if (!(await mayUsePassword(db, user.id))) return { ok: false, reason: 'use-sso' };
  return { ok: true, userId: user.id };
}
