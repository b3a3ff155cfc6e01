// Checking a login attempt: throttled per address and per account (policy in rate-limit.ts), with
// one answer for "no such account" and "wrong password" so that the response does not reveal who
// has an account.
import type { Db } from '../../../db/client.ts';
import { addressBucket } from '../http/client-address.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, refundAddressAttempt, resetRateLimit, takeAccountAttempt, takeAddressAttempt } from './rate-limit.ts';
import { findUserByEmail, normalizeEmail } from './user.ts';

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid-credentials' }
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
  const valid = user && user.active ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!valid || !user) return { ok: false, reason: 'invalid-credentials' };
  await resetRateLimit(db, accountKey);
  await refundAddressAttempt(db, ipKey);
  return { ok: true, userId: user.id };
}
