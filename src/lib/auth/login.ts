// Checking a login attempt: throttled per account and per IP, with one answer for "no such
// account" and "wrong password" so that the response does not reveal who has an account.
import type { Db } from '../../../db/client.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { checkRateLimit, LOGIN_PER_ACCOUNT, LOGIN_PER_IP, recordRateLimitHit, resetRateLimit } from './rate-limit.ts';
import { findUserByEmail, normalizeEmail } from './user.ts';

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid-credentials' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function attemptLogin(db: Db, input: { email: string; password: string; ip: string }, now = Date.now()): Promise<LoginResult> {
  const accountKey = `login:account:${normalizeEmail(input.email)}`;
  const ipKey = `login:ip:${input.ip}`;
  for (const [key, rule] of [[accountKey, LOGIN_PER_ACCOUNT], [ipKey, LOGIN_PER_IP]] as const) {
    const limit = await checkRateLimit(db, key, rule, now);
    if (!limit.allowed) return { ok: false, reason: 'throttled', retryAfterMs: limit.retryAfterMs };
  }

  const user = await findUserByEmail(db, input.email);
  const valid = user && user.active ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!valid || !user) {
    await recordRateLimitHit(db, accountKey, LOGIN_PER_ACCOUNT, now);
    await recordRateLimitHit(db, ipKey, LOGIN_PER_IP, now);
    return { ok: false, reason: 'invalid-credentials' };
  }
  await resetRateLimit(db, accountKey);
  return { ok: true, userId: user.id };
}
