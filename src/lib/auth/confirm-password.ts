// A signed-in user retyping their password before changing it or deleting the account. Someone
// with a stolen session could otherwise guess the password here without any limit, so these
// checks share the login's per-account counter (see rate-limit.ts): counted before verifying.
import type { Db } from '../../../db/client.ts';
import { accountThrottleKey } from './login.ts';
import { verifyPassword } from './password.ts';
import { LOGIN_PER_ACCOUNT, resetRateLimit, takeAccountAttempt } from './rate-limit.ts';

export type PasswordCheck = { ok: true } | { ok: false; reason: 'wrong-password' } | { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function confirmPassword(db: Db, account: { email: string; passwordHash: string }, password: string, now = Date.now()): Promise<PasswordCheck> {
  const key = accountThrottleKey(account.email);
  const turn = await takeAccountAttempt(db, key, LOGIN_PER_ACCOUNT, now);
  if (!turn.allowed) return { ok: false, reason: 'throttled', retryAfterMs: turn.retryAfterMs };
  if (!(await verifyPassword(account.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  await resetRateLimit(db, key);
  return { ok: true };
}
