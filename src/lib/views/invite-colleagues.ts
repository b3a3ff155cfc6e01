// The invite page of a team (/team/[team]/uitnodigen): a pasted list or CSV is first checked and
// shown as a preview; only the confirmed preview makes invitations (and mails them when SMTP is
// set). This keeps the steps and what the page shows after each; the page only renders it.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import type { FormRefusal } from '../http/post-form.ts';
import { t } from '../i18n/nl.ts';
import { checkImportRows, MAX_IMPORT_ROWS, parseImportSources, type CheckedRow } from '../teams/invitation-import.ts';
import { inviteRows, mailInvitations, mayInviteRole } from '../teams/invite-team.ts';
import { listManagedTeams, type Actor } from '../teams/teams.ts';

/** A text field as posted; anything else (missing, sent twice) counts as empty. */
const text = z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string());

export const inviteForm = z.object({
  action: text,
  lijst: text,
  bestand: text,
  rol: z.preprocess((value) => (value === 'trainer' ? 'trainer' : 'learner'), z.enum(['learner', 'trainer'])),
});

export type InviteForm = z.infer<typeof inviteForm>;

export interface InviteView {
  listText: string;
  fileText: string;
  role: 'learner' | 'trainer';
  /** The checked rows, before anything is written. */
  preview?: { rows: CheckedRow[]; valid: number; invalid: number };
  /** The invitations made: each link, and with SMTP whether its mail went out. */
  made?: { rows: { name: string; email: string; link: string; mail?: string }[]; mailed: boolean };
}

export const NOTHING_POSTED: InviteView = { listText: '', fileText: '', role: 'learner' };

export interface InviteSetting {
  site: URL;
  smtp?: { url: string; from: string };
}

export async function submitInvitations(
  db: Db,
  me: Actor,
  team: { id: string; name: string },
  form: InviteForm,
  { site, smtp }: InviteSetting,
): Promise<{ view: InviteView; refusal?: FormRefusal }> {
  const view: InviteView = { listText: form.lijst, fileText: form.bestand, role: form.rol };
  const { rows, tooMany } = parseImportSources([form.lijst, form.bestand]);
  if (!mayInviteRole(me, form.rol)) return { view: { ...view, role: 'learner' }, refusal: { status: 403, message: t.invite.trainerRoleAdminOnly } };
  if (rows.length === 0) return { view, refusal: { status: 400, message: t.invite.empty } };
  if (tooMany) return { view, refusal: { status: 413, message: t.invite.tooMany(MAX_IMPORT_ROWS) } };
  const checked = checkImportRows(rows, { defaultTeamId: team.id, managedTeams: await listManagedTeams(db, me) });
  const made = form.action === 'confirm' ? await inviteRows(db, checked, { role: form.rol, actor: me }) : undefined;
  if (!made?.ok) {
    const invalid = checked.filter((row) => !row.ok).length;
    return { view: { ...view, preview: { rows: checked, valid: checked.length - invalid, invalid } } };
  }
  const mailed = smtp ? await mailInvitations(made.outcomes, { smtpUrl: smtp.url, from: smtp.from, baseUrl: site.origin, teamName: team.name }) : undefined;
  const madeRows = made.outcomes.map((o) => {
    const result = mailed?.get(o.email);
    const mail = mailed && (!result ? '—' : result.sent ? t.invite.mailSent : t.invite.mailFailed(result.reason));
    return { name: o.name, email: o.email, link: new URL(`/uitnodiging/${o.token}`, site).href, mail: mail || undefined };
  });
  return { view: { ...view, made: { rows: madeRows, mailed: mailed !== undefined } } };
}
