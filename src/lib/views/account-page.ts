// An admin's page for one account (/team/beheer/[user]): its form (change the role, block,
// unblock; the rules and the audit entry are in src/lib/auth/manage-account.ts), what a refusal
// answers, and the message after a change. The change redirects back (post, redirect, get), so a
// reload never repeats it; the page only renders.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { ROLES, type Role } from '../../../db/schema.ts';
import { setLeaderTeams } from '../admin/team-leaders.ts';
import { changeRole, deactivateAccount, reactivateAccount, type AccountChangeRefusal } from '../auth/manage-account.ts';
import { ID_PATTERN } from '../ids.ts';
import type { FormRefusal } from '../http/post-form.ts';
import { seeOther } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';

export const accountActionForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('rol'), role: z.enum(ROLES) }),
  z.object({ action: z.literal('blokkeren') }),
  z.object({ action: z.literal('deblokkeren') }),
  // The teams a teamleader leads: a checkbox per team (none ticked: the field is absent).
  z.object({
    action: z.literal('teams'),
    team: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string().regex(ID_PATTERN)).max(500)),
  }),
]);

export type AccountAction = z.infer<typeof accountActionForm>;

const REFUSAL_STATUS: Record<AccountChangeRefusal, number> = { unknown: 404, self: 403, 'last-admin': 409, unchanged: 409 };

export async function applyAccountAction(db: Db, actorId: string, userId: string, action: AccountAction): Promise<Response | FormRefusal> {
  const change = { actorId, userId };
  if (action.action === 'teams') {
    const set = await setLeaderTeams(db, { ...change, teamIds: action.team });
    if (set.ok) return seeOther(`/team/beheer/${userId}?gewijzigd=teams&aantal=${set.teams}#melding`);
    if (set.reason === 'unknown') return { status: 404, message: t.accounts.refused.unknown };
    return { status: 409, message: t.accounts.leaderRefused[set.reason] };
  }
  const result =
    action.action === 'rol'
      ? await changeRole(db, { ...change, role: action.role })
      : action.action === 'blokkeren'
        ? await deactivateAccount(db, change)
        : await reactivateAccount(db, change);
  if (result.ok) return seeOther(`/team/beheer/${userId}?gewijzigd=${action.action}#melding`);
  return { status: REFUSAL_STATUS[result.reason], message: t.accounts.refused[result.reason] };
}

/** What the page says after the redirect (`?gewijzigd=<action>`); nothing for anything else. */
export function changedMessage(changed: string | null, person: { role: Role }, count?: string | null): string | undefined {
  if (changed === 'rol') return t.accounts.roleChanged(t.roles[person.role]);
  if (changed === 'teams') return t.accounts.leaderTeamsSaved(Math.max(0, Number.parseInt(count ?? '0', 10) || 0));
  if (changed === 'blokkeren') return t.accounts.blocked;
  if (changed === 'deblokkeren') return t.accounts.unblocked;
  return undefined;
}
