// The "sent" record of each reminder, written BEFORE its mail goes out (docs/decisions/0009).
// A claim is one statement that only one caller can win, on every instance and connection alike:
// an insert, or taking over a claim that was never marked sent and is older than the lease (the
// run that made it crashed between claim and send). After the send, the run marks the row sent;
// after a failed send, it deletes its claim, so the next run tries again.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';

/**
 * How long a claim without a sent mark holds before another run may take it over. Longer than
 * any send can take (nodemailer gives up on a silent server after 10 minutes), so a slow send is
 * never taken over while it may still succeed.
 */
export const CLAIM_LEASE_MS = 60 * 60 * 1000;

/** Claims one reminder for this run; true when this run may send it. */
export async function claimReminder(db: Db, input: { key: string; userId: string; claim: string }, now: number): Promise<boolean> {
  // No RETURNING (see src/lib/progress/record-attempt.ts): rowsAffected is 1 for an insert or a
  // take-over, 0 when the row exists and is sent or freshly claimed by someone else.
  const result = await db.run(sql`
    INSERT INTO reminders_sent (key, user_id, claim, claimed_at, sent_at)
    VALUES (${input.key}, ${input.userId}, ${input.claim}, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET claim = excluded.claim, claimed_at = excluded.claimed_at
    WHERE reminders_sent.sent_at IS NULL AND reminders_sent.claimed_at <= ${now - CLAIM_LEASE_MS}`);
  return result.rowsAffected === 1;
}

/** The mail went out: the claim becomes the permanent record. */
export async function markSent(db: Db, keys: string[], claim: string, now: number): Promise<void> {
  for (const key of keys) await db.run(sql`UPDATE reminders_sent SET sent_at = ${now} WHERE key = ${key} AND claim = ${claim}`);
}

/** The mail did not go out: give the reminders back for the next run. */
export async function releaseClaims(db: Db, keys: string[], claim: string): Promise<void> {
  for (const key of keys) await db.run(sql`DELETE FROM reminders_sent WHERE key = ${key} AND claim = ${claim} AND sent_at IS NULL`);
}
