// An admin's page of open invitations (/team/beheer/uitnodigingen): its form (renew one: a new link
// for a new week, e-mailed when SMTP is set and always shown once; or revoke it) and what the
// page says after each. The rules are in pending-invitations.ts; the page only renders.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import type { FormRefusal } from '../http/post-form.ts';
import { formatDateTime, t } from '../i18n/nl.ts';
import { sendInvitationMail, type MailResult } from '../mail/invitation-mail.ts';
import { renewInvitation, revokeInvitation } from '../admin/pending-invitations.ts';

export const invitationActionForm = z.object({ action: z.enum(['vernieuwen', 'intrekken']), uitnodiging: z.string().max(100) });

export type InvitationAction = z.infer<typeof invitationActionForm>;

/** What the page shows after a renewal or revocation it did. */
export interface InvitationActionDone {
  revoked?: string;
  renewed?: { email: string; link: string; until: string; mail?: MailResult };
}

export async function applyInvitationAction(
  db: Db,
  actorId: string,
  form: InvitationAction,
  { site, smtp }: { site: URL; smtp?: { url: string; from: string } },
): Promise<InvitationActionDone | FormRefusal> {
  const gone: FormRefusal = { status: 409, message: t.invitationsAdmin.gone };
  if (form.action === 'intrekken') {
    const result = await revokeInvitation(db, { actorId, invitationId: form.uitnodiging });
    return result.ok ? { revoked: result.email } : gone;
  }
  const result = await renewInvitation(db, { actorId, invitationId: form.uitnodiging });
  if (!result.ok) return gone;
  const link = new URL(`/uitnodiging/${result.token}`, site).href;
  const mail = smtp
    ? await sendInvitationMail(smtp.url, smtp.from, {
        to: result.email,
        name: result.name ?? '',
        link,
        teamName: result.teamName ?? undefined,
        expiresAt: result.expiresAt,
        forExistingAccount: result.forExistingAccount,
      })
    : undefined;
  return { renewed: { email: result.email, link, until: formatDateTime(result.expiresAt), mail } };
}
