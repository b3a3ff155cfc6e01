// The admin's list of accounts: search, filters and pages, so that a municipality with thousands
// of professionals gets a page of 50 rows instead of everyone at once. The database does the
// filtering, counting and paging; only the shown page's teams and completions are read after.
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { moduleCompletions, ssoIdentities, teamMembers, teams, users, ROLES, type Role } from '../../../db/schema.ts';

export const ACCOUNT_PAGE_SIZE = 50;
export const ACCOUNT_STATUSES = ['actief', 'geblokkeerd'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface AccountFilter {
  /** Part of a name or e-mail address. */
  query?: string;
  role?: Role;
  teamId?: string;
  status?: AccountStatus;
  /** 1-based. */
  page?: number;
}

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastLoginAt: number | null;
  createdAt: number;
  teams: { id: string; name: string }[];
  completed: number;
}

export interface AccountPage {
  rows: AccountRow[];
  total: number;
  page: number;
  pages: number;
}

/** LIKE's own wildcards in a search term match themselves. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(filter: AccountFilter): SQL | undefined {
  const parts: SQL[] = [];
  const term = filter.query?.trim();
  if (term) {
    // SQLite's LIKE ignores case (for A–Z), so "jansen" finds "Jansen".
    const pattern = likePattern(term);
    parts.push(or(sql`${users.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`)!);
  }
  if (filter.role && (ROLES as readonly string[]).includes(filter.role)) parts.push(eq(users.role, filter.role));
  if (filter.status) parts.push(eq(users.active, filter.status === 'actief'));
  if (filter.teamId) {
    parts.push(sql`exists (select 1 from ${teamMembers} where ${teamMembers.userId} = ${users.id} and ${teamMembers.teamId} = ${filter.teamId})`);
  }
  return parts.length > 0 ? and(...parts) : undefined;
}

export async function listAccounts(db: Db, filter: AccountFilter): Promise<AccountPage> {
  const where = conditions(filter);
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const pages = Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1) || 1), pages);
  const base = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(ACCOUNT_PAGE_SIZE)
    .offset((page - 1) * ACCOUNT_PAGE_SIZE);
  const ids = base.map((row) => row.id);
  const [memberships, completions] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectDistinct({ userId: teamMembers.userId, id: teams.id, name: teams.name })
            .from(teamMembers)
            .innerJoin(teams, eq(teams.id, teamMembers.teamId))
            .where(inArray(teamMembers.userId, ids))
            .orderBy(asc(teams.name)),
          db
            .select({ userId: moduleCompletions.userId, n: count() })
            .from(moduleCompletions)
            .where(inArray(moduleCompletions.userId, ids))
            .groupBy(moduleCompletions.userId),
        ]);
  const completedBy = new Map(completions.map((c) => [c.userId, c.n]));
  const rows = base.map((row) => ({
    ...row,
    teams: memberships.filter((m) => m.userId === row.id).map(({ id, name }) => ({ id, name })),
    completed: completedBy.get(row.id) ?? 0,
  }));
  return { rows, total, page, pages };
}

/** One account with its teams, for the admin's account page. */
export async function getAccount(db: Db, userId: string): Promise<(AccountRow & { organisationAccount: boolean }) | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  const [memberships, [{ n }], identities] = await Promise.all([
    db
      .selectDistinct({ id: teams.id, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId))
      .orderBy(asc(teams.name)),
    db.select({ n: count() }).from(moduleCompletions).where(eq(moduleCompletions.userId, userId)),
    db.select({ issuer: ssoIdentities.issuer }).from(ssoIdentities).where(eq(ssoIdentities.userId, userId)),
  ]);
  return { ...row, teams: memberships, completed: n, organisationAccount: identities.length > 0 };
}
