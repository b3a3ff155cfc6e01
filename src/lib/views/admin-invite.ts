// The quick invitation of one account on the admin's page (/team/beheer): the form and what it
// does. It used to sit at the bottom of /team, below the module analyses; administration now has
// its own page. The link is shown once on the page (no redirect), at the top (#resultaat).
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { createInvitation } from '../auth/invitation.ts';
import { invitationFormSchema } from '../forms/auth-forms.ts';
import type { FormRefusal } from '../http/post-form.ts';
import { t } from '../i18n/nl.ts';
import type { Actor } from '../teams/teams.ts';

export const adminInviteForm = invitationFormSchema.extend({ action: z.literal('invite') });
export type AdminInvite = z.infer<typeof adminInviteForm>;

/** Makes the invitation (admins only: fail closed for anyone else) and gives its link to copy. */
export async function submitAdminInvite(db: Db, me: Actor, form: AdminInvite, site: URL): Promise<FormRefusal | { invited: { email: string; link: string } }> {
  if (me.role !== 'admin') return { status: 403, message: t.errors.forbiddenBody };
  const result = await createInvitation(db, { email: form.email, role: form.role, createdBy: me.id });
  if (!result.ok) return { status: 409, message: t.team.inviteExists };
  return { invited: { email: form.email, link: new URL(`/uitnodiging/${result.token}`, site).href } };
}
