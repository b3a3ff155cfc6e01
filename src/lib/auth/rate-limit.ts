// Fixed-window counters in the database: the count holds across processes and instances.
// One upsert per attempt keeps it atomic without a read-modify-write race.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rateLimits } from '../../../db/schema.ts';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export const LOGIN_PER_ACCOUNT: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000 };
export const LOGIN_PER_IP: RateLimitRule = { limit: 30, windowMs: 15 * 60 * 1000 };

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Reads the current state without counting. */
export async function checkRateLimit(db: Db, key: string, rule: RateLimitRule, now = Date.now()): Promise<RateLimitResult> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || now - row.windowStart >= rule.windowMs || row.count < rule.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: row.windowStart + rule.windowMs - now };
}

/** Counts one event (a failed login) against the key. */
export async function recordRateLimitHit(db: Db, key: string, rule: RateLimitRule, now = Date.now()): Promise<void> {
  const windowStartsBefore = now - rule.windowMs;
  await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStartsBefore} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartsBefore} then ${now} else ${rateLimits.windowStart} end`,
      },
    });
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function pruneRateLimits(db: Db, olderThan: number): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
}
