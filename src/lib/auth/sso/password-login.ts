// Whether people who have an organisation account may still log in with a password. An admin
// turns it off so that leaving the organisation (the provider blocks them) also closes the door
// here; people without a linked organisation account keep their password either way. Kept in the
// database, not the environment, so that every instance agrees and an admin can change it.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { appSettings, auditLog, ssoIdentities } from '../../../../db/schema.ts';

const SETTING = 'wachtwoord-voor-sso-accounts';

/** True unless an admin turned password login off for accounts with an organisation account. */
export async function passwordLoginForSsoAccounts(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.name, SETTING));
  return row?.value !== 'uit';
}

export async function setPasswordLoginForSsoAccounts(db: Db, input: { actorId: string | null; allowed: boolean }, now = Date.now()): Promise<void> {
  const value = input.allowed ? 'aan' : 'uit';
  await db.batch([
    db
      .insert(appSettings)
      .values({ name: SETTING, value, updatedAt: now })
      .onConflictDoUpdate({ target: appSettings.name, set: { value, updatedAt: now } }),
    db.insert(auditLog).values({ at: now, actorId: input.actorId, action: 'instelling-gewijzigd', subjectId: null, detail: `${SETTING}: ${value}` }),
  ]);
}

export async function hasOrganisationAccount(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: ssoIdentities.userId }).from(ssoIdentities).where(eq(ssoIdentities.userId, userId)).limit(1);
  return row !== undefined;
}

/**
 * Whether this account may log in with a password now: one read on every password login, true
 * unless the setting is off AND the account has an organisation account linked.
 */
export async function mayUsePassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.all<{ refused: number }>(sql`select
    coalesce((select value from app_settings where name = ${SETTING}), 'aan') = 'uit'
    and exists (select 1 from sso_identities where user_id = ${userId}) as refused`);
  return row?.refused !== 1;
}
