// How long data that outlives its use is kept, and the pruning that holds to it. Expired
// sessions, login counters and old invitations carry e-mail addresses, names and IP addresses;
// nothing else removes them (an expired session is only deleted when its cookie comes back).
// Run by retention-schedule.ts on the first request after start and then daily. The privacy page
// states the periods from RETENTION below; docs/deploy.md (Bewaartermijnen) repeats them by hand.
import { and, isNotNull, like, lte, or } from 'drizzle-orm';
import { checkpointAfterErasure, type Db } from '../../../db/client.ts';
import { invitations, passwordResets, rateLimits, sessions, ssoLogins } from '../../../db/schema.ts';
import { INVITATION_LIFETIME_MS } from '../auth/invitation.ts';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP } from '../auth/rate-limit.ts';
import { SESSION_LIFETIME_MS } from '../auth/session.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A used or expired invitation is kept this long, so that an old link still says "already used"
 * or "expired" instead of "unknown", while the person is still likely to click it.
 */
export const INVITATION_KEPT_DAYS = 30;

/**
 * A login counter is dead once no rule looks at it any more (src/lib/auth/rate-limit.ts): an
 * address's counter when its window has passed, an account's when its delay is forgotten. Any
 * other counter is kept as long as the longest of the two, so that pruning never resets a limit.
 */
const ADDRESS_COUNTER_MS = LOGIN_PER_IP.windowMs;
const ACCOUNT_COUNTER_MS = Math.max(LOGIN_PER_ACCOUNT.forgetAfterMs, LOGIN_PER_IP.windowMs);

/** The periods as the privacy page states them. Pruning runs daily, so "then within a day". */
export const RETENTION = {
  sessionDays: SESSION_LIFETIME_MS / DAY,
  invitationValidDays: INVITATION_LIFETIME_MS / DAY,
  invitationKeptDays: INVITATION_KEPT_DAYS,
  addressCounterMinutes: ADDRESS_COUNTER_MS / 60_000,
  accountCounterHours: ACCOUNT_COUNTER_MS / (60 * 60_000),
} as const;

export interface PruneResult {
  sessions: number;
  rateLimits: number;
  invitations: number;
  passwordResets: number;
  ssoLogins: number;
}

export async function pruneExpiredData(db: Db, now = Date.now()): Promise<PruneResult> {
  const invitationsBefore = now - INVITATION_KEPT_DAYS * DAY;
  // One batch: one transaction, and a single checkpoint after it.
  const [expiredSessions, passedCounters, oldInvitations, oldResets, staleSsoLogins] = await db.batch([
    db.delete(sessions).where(lte(sessions.expiresAt, now)),
    db
      .delete(rateLimits)
      .where(
        or(
          and(like(rateLimits.key, 'login:ip:%'), lte(rateLimits.windowStart, now - ADDRESS_COUNTER_MS)),
          lte(rateLimits.windowStart, now - ACCOUNT_COUNTER_MS),
        ),
      ),
    db
      .delete(invitations)
      .where(or(lte(invitations.expiresAt, invitationsBefore), and(isNotNull(invitations.usedAt), lte(invitations.usedAt, invitationsBefore)))),
    // A reset link lives an hour; a day later it is of no use to anyone, used or not.
    db.delete(passwordResets).where(lte(passwordResets.expiresAt, now - DAY)),
    // A login with an organisation account that never came back: ten minutes, then of no use.
    db.delete(ssoLogins).where(lte(ssoLogins.expiresAt, now)),
  ]);
  // Also when nothing was deleted today: it finishes an erasure whose checkpoint a backup or the
  // admin CLI held up (see checkpointAfterErasure).
  await checkpointAfterErasure(db.$client);
  return {
    sessions: expiredSessions.rowsAffected,
    rateLimits: passedCounters.rowsAffected,
    invitations: oldInvitations.rowsAffected,
    passwordResets: oldResets.rowsAffected,
    ssoLogins: staleSsoLogins.rowsAffected,
  };
}
