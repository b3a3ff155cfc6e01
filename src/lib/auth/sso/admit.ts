// Who may enter through single sign-on, and as which account. In this order:
// a) an identity (issuer, sub) linked before: its account, found by sub and never by e-mail;
// b) otherwise the provider must vouch for the e-mail address (email_verified);
// c) an account with that e-mail: the identity is linked to it;
// d) an open invitation for that e-mail: the account is made as the invitation says;
// e) an e-mail domain in OIDC_ALLOWED_DOMAINS: a learner's account is made (just in time);
// f) anyone else stays out. A deactivated account stays out on every path.
//
// Accounts made here get a password hash that is no hash ("sso:" and random): verifyPassword
// fails on it (argon2 refuses to parse it; password.ts turns that into false), so they sign in
// through the provider only, until a reset link sets a password.
//
// Parallel first logins of one person must end with one account and one link. Every write is an
// INSERT … ON CONFLICT DO NOTHING (users.email and the identity's key are unique) or a
// conditional UPDATE, and the decision is always re-read from the identity afterwards. Making an
// account from an invitation is one batch (one transaction): claim the invitation, make the
// account only if this claim changed the row (onlyAfterChange, db/batch-guard.ts), link, join the
// team; whoever loses the claim finds the winner's link, or tries again without that invitation.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { batchInOrder, onlyAfterChange, PREVIOUS_CHANGED_ONE_ROW, type BatchStep } from '../../../../db/batch-guard.ts';
import type { Db } from '../../../../db/client.ts';
import { invitations, ssoIdentities, users, type Role } from '../../../../db/schema.ts';
import { generateSessionToken } from '../session.ts';
import { findUserByEmail, generateId, normalizeEmail } from '../user.ts';
import { changeRole } from '../manage-account.ts';
import type { SsoClaims } from './openid.ts';
import type { SsoSettings } from './sso-config.ts';

export type SsoRefusal = 'deactivated' | 'email-not-verified' | 'domain-not-allowed';
export type AdmitHow = 'known' | 'linked' | 'invited' | 'created';
export type AdmitResult = { ok: true; userId: string; how: AdmitHow } | { ok: false; reason: SsoRefusal };

export type AdmitSettings = Pick<SsoSettings, 'allowedDomains' | 'roleClaim' | 'trainerValues' | 'adminValues'>;
type AdmitClaims = Pick<SsoClaims, 'issuer' | 'subject' | 'email' | 'emailVerified' | 'name' | 'roleValues'>;

export const SSO_PASSWORD_PREFIX = 'sso:';

/** Whether an account has no password of its own (made by single sign-on, never given one). */
export function hasNoPassword(passwordHash: string): boolean {
  return passwordHash.startsWith(SSO_PASSWORD_PREFIX);
}

/** The role the provider's claim values give: admin beats trainer beats learner. */
export function mappedRole(settings: Pick<SsoSettings, 'trainerValues' | 'adminValues'>, values: readonly string[]): Role {
  if (values.some((value) => settings.adminValues.includes(value))) return 'admin';
  if (values.some((value) => settings.trainerValues.includes(value))) return 'trainer';
  return 'learner';
}

const AGAIN = Symbol('again');
/** More passes than this means something other than a lost race is going on. */
const MAX_PASSES = 5;

export async function admitSsoUser(db: Db, settings: AdmitSettings, claims: AdmitClaims, now = Date.now()): Promise<AdmitResult> {
  // A pass ends in a decision, or in AGAIN when a parallel request changed what this one had read
  // (took the invitation, deactivated the account); the next pass reads afresh.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const outcome = await admitOnce(db, settings, claims, now);
    if (outcome !== AGAIN) return outcome;
  }
  throw new Error(`SSO: no stable decision for ${claims.issuer} ${claims.subject} after ${MAX_PASSES} passes`);
}

async function admitOnce(db: Db, settings: AdmitSettings, claims: AdmitClaims, now: number): Promise<AdmitResult | typeof AGAIN> {
  const known = await settle(db, settings, claims, 'known');
  if (known) return known;

  if (claims.email === null || claims.emailVerified !== true) return { ok: false, reason: 'email-not-verified' };
  const email = normalizeEmail(claims.email);

  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (!existing.active) return { ok: false, reason: 'deactivated' };
    const linked = await db.$client.execute({
      sql: 'insert into sso_identities (issuer, subject, user_id, linked_at) select ?, ?, id, ? from users where id = ? and active = 1 on conflict do nothing',
      args: [claims.issuer, claims.subject, now, existing.id],
    });
    return (await settle(db, settings, claims, linked.rowsAffected === 1 ? 'linked' : 'known')) ?? AGAIN;
  }

  const [invitation] = await db
    .select({ id: invitations.id, role: invitations.role, name: invitations.name, teamId: invitations.teamId })
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  if (invitation) {
    const userId = generateId();
    const role = settings.roleClaim === null ? invitation.role : mappedRole(settings, claims.roleValues);
    const statements: BatchStep[] = [
      { sql: 'update invitations set used_at = ? where id = ? and used_at is null and expires_at > ?', args: [now, invitation.id, now] },
      onlyAfterChange({
        sql: `insert into users (id, email, name, role, password_hash, created_at) select ?, ?, ?, ?, ?, ? where ${PREVIOUS_CHANGED_ONE_ROW} on conflict (email) do nothing`,
        args: [userId, email, accountName(claims.name ?? invitation.name, email), role, unusablePasswordHash(), now],
      }),
      {
        sql: 'insert into sso_identities (issuer, subject, user_id, linked_at) select ?, ?, id, ? from users where id = ? on conflict do nothing',
        args: [claims.issuer, claims.subject, now, userId],
      },
    ];
    if (invitation.teamId) {
      statements.push({
        sql: 'insert into team_members (team_id, user_id, role, joined_at) select id, ?, ?, ? from teams where id = ? and exists (select 1 from users where id = ?) on conflict do nothing',
        args: [userId, invitation.role === 'trainer' ? 'trainer' : 'member', now, invitation.teamId, userId],
      });
    }
    const [, created] = await db.$client.batch(batchInOrder(statements), 'write');
    return (await settle(db, settings, claims, created.rowsAffected === 1 ? 'invited' : 'known')) ?? AGAIN;
  }

  if (settings.allowedDomains.includes(email.slice(email.lastIndexOf('@') + 1))) {
    const role = settings.roleClaim === null ? 'learner' : mappedRole(settings, claims.roleValues);
    const [created, linked] = await db.$client.batch(
      [
        {
          sql: 'insert into users (id, email, name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?) on conflict (email) do nothing',
          args: [generateId(), email, accountName(claims.name, email), role, unusablePasswordHash(), now],
        },
        {
          sql: 'insert into sso_identities (issuer, subject, user_id, linked_at) select ?, ?, id, ? from users where email = ? and active = 1 on conflict do nothing',
          args: [claims.issuer, claims.subject, now, email],
        },
      ],
      'write',
    );
    return (await settle(db, settings, claims, created.rowsAffected === 1 ? 'created' : linked.rowsAffected === 1 ? 'linked' : 'known')) ?? AGAIN;
  }

  return { ok: false, reason: 'domain-not-allowed' };
}

/**
 * The decision as the identity's link now stands: its account if active, with the role the
 * claims give when a role claim is configured. Null when the identity is linked to nothing.
 */
async function settle(db: Db, settings: AdmitSettings, claims: AdmitClaims, how: AdmitHow): Promise<AdmitResult | null> {
  const [account] = await db
    .select({ id: users.id, active: users.active, role: users.role })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(and(eq(ssoIdentities.issuer, claims.issuer), eq(ssoIdentities.subject, claims.subject)));
  if (!account) return null;
  if (!account.active) return { ok: false, reason: 'deactivated' };
  if (settings.roleClaim !== null) {
    // Through the same rule as an admin's change: audited, and never taking away the last active
    // admin (then the role stays as it is until someone else is admin).
    const role = mappedRole(settings, claims.roleValues);
    if (role !== account.role) await changeRole(db, { actorId: null, userId: account.id, role });
  }
  return { ok: true, userId: account.id, how };
}

function unusablePasswordHash(): string {
  return `${SSO_PASSWORD_PREFIX}${generateSessionToken()}`;
}

/** The provider's name for the person (as the account forms allow: 2 to 100 characters), else the e-mail's local part. */
function accountName(name: string | null, email: string): string {
  const given = (name ?? '').trim().slice(0, 100).trim();
  if (given.length >= 2) return given;
  return email.slice(0, email.lastIndexOf('@')).slice(0, 100) || email;
}
