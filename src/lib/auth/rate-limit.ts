// Counters for password guessing, in the database so that they hold across processes and app
// instances. Every check COUNTS FIRST, in one upsert whose RETURNING says whether the attempt may
// go ahead; the password is verified only afterwards. Reading first and counting after the
// (slow, async) argon2 verification let every request of a parallel burst through before the
// first failure was written (issue 13: 40 parallel guesses at one account got up to 40 checked).
//
// Two kinds of counter share the table `rate_limits (key, count, window_start)`:
// - per address, a fixed window: `count` attempts since `window_start`;
// - per account, a growing delay: `count` attempts since the last success, and `window_start`
//   holds the moment from which the next attempt is allowed.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rateLimits } from '../../../db/schema.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface AddressLimit {
  limit: number;
  windowMs: number;
}

/**
 * After n attempts without a success, the next one waits delay(n) after the previous one:
 * 0 for the first `freeAttempts`, then `baseDelayMs`, doubling, at most `maxDelayMs`.
 */
export interface AccountDelay {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A day without attempts and the account starts again from zero. */
  forgetAfterMs: number;
}

/**
 * Hard limit per address (IPv4, or IPv6 /64): 30 attempts in 15 minutes, whichever accounts they
 * are at. It stops one machine from trying many accounts; it cannot lock out a member of staff,
 * who comes from another address than the attacker (the office shares one address: 30 mistakes
 * in a quarter of an hour between colleagues is far more than typing errors make; successful
 * logins are given back and do not count).
 */
export const LOGIN_PER_IP: AddressLimit = { limit: 30, windowMs: 15 * MINUTE };

/**
 * Per account a delay instead of a lock-out: waits of 0, 0, 0, 1 s, 2 s, 4 s, … before the
 * 1st, 2nd, 3rd, 4th, 5th, 6th… attempt, at most 5 minutes. A lock (the old 5 failures, then
 * 15 minutes) let anyone who knows an e-mail address keep that person out with five guesses per
 * quarter. With the delay, the owner waits at most the current delay, and only attempts that were
 * let through count: a burst of refused guesses does not make the delay grow. The attacker still
 * gets at most 3 guesses at once and then one per 5 minutes (288 a day, against 480 with the old
 * limit), however many addresses they use. A successful login starts the account from zero.
 */
export const LOGIN_PER_ACCOUNT: AccountDelay = { freeAttempts: 3, baseDelayMs: SECOND, maxDelayMs: 5 * MINUTE, forgetAfterMs: 24 * HOUR };

/**
 * "Wachtwoord vergeten": per address 10 requests a quarter, per e-mail address 3 an hour. Enough
 * for someone who mistypes; not enough to flood a colleague's inbox or to probe many addresses.
 */
export const RESET_PER_IP: AddressLimit = { limit: 10, windowMs: 15 * MINUTE };
export const RESET_PER_EMAIL: AddressLimit = { limit: 3, windowMs: HOUR };

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The wait before the next attempt after `attempts` attempts without a success. */
export function accountDelayMs(rule: AccountDelay, attempts: number): number {
  if (attempts < rule.freeAttempts) return 0;
  return Math.min(rule.baseDelayMs * 2 ** Math.min(attempts - rule.freeAttempts, 30), rule.maxDelayMs);
}

/** accountDelayMs as SQL over a count expression; the exponent is capped so the shift cannot overflow. */
function accountDelaySql(rule: AccountDelay, attempts: ReturnType<typeof sql>) {
  return sql`(case when ${attempts} < ${rule.freeAttempts} then 0 else min(${rule.baseDelayMs} * (1 << min(${attempts} - ${rule.freeAttempts}, 30)), ${rule.maxDelayMs}) end)`;
}

/** Counts one attempt from an address; refused once the window holds more than the limit. */
export async function takeAddressAttempt(db: Db, key: string, rule: AddressLimit, now = Date.now()): Promise<RateLimitResult> {
  const expired = sql`${rateLimits.windowStart} <= ${now - rule.windowMs}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (row.count <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(1, row.windowStart + rule.windowMs - now) };
}

/** Gives back an attempt that succeeded, so that only failures use up an address's limit. */
export async function refundAddressAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/**
 * Counts one attempt at an account if its delay has passed, in one statement: the update's WHERE
 * refuses the attempt (no row returned) while the account is still waiting, so of any number of
 * simultaneous attempts exactly those that the schedule allows get through.
 */
export async function takeAccountAttempt(db: Db, key: string, rule: AccountDelay, now = Date.now()): Promise<RateLimitResult> {
  const forgotten = sql`${now} - ${rateLimits.windowStart} >= ${rule.forgetAfterMs}`;
  const attempts = sql`(case when ${forgotten} then 1 else ${rateLimits.count} + 1 end)`;
  const taken = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now + accountDelayMs(rule, 1) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { count: attempts, windowStart: sql`${now} + ${accountDelaySql(rule, attempts)}` },
      setWhere: sql`${rateLimits.windowStart} <= ${now}`,
    })
    .returning({ count: rateLimits.count });
  if (taken.length > 0) return { allowed: true };
  // Only for the message: how long until the next attempt may go ahead.
  const [row] = await db.select({ notBefore: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.key, key));
  return { allowed: false, retryAfterMs: Math.max(1, (row?.notBefore ?? now) - now) };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function pruneRateLimits(db: Db, olderThan: number): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
}

/**
 * Starting a login with an organisation account: every start keeps a row for ten minutes, so an
 * address gets 30 starts a quarter. Far more than a person clicking, far fewer than a flood.
 */
export const SSO_START_PER_IP: AddressLimit = { limit: 30, windowMs: 15 * MINUTE };
