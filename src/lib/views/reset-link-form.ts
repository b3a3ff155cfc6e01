// "Herstellink maken" on a person's page (an admin's /team/beheer/[user]/herstellink, a trainer's
// page of a professional): the form, and the link made with it, shown once to hand over in person.
// Who may make one is decided by the page with mayCreateResetFor (password-reset.ts).
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import type { FormRefusal } from '../http/post-form.ts';
import { formatDateTime, t } from '../i18n/nl.ts';
import { createPasswordReset } from '../auth/password-reset.ts';

export const resetLinkForm = z.object({ action: z.literal('herstellink') });

export interface MadeResetLink {
  link: string;
  /** Until when it works, for the page. */
  until: string;
}

export async function makeResetLink(db: Db, input: { userId: string; createdBy: string; mayReset: boolean; site: URL }): Promise<MadeResetLink | FormRefusal> {
  if (!input.mayReset) return { status: 403, message: t.reset.notAllowed };
  const made = await createPasswordReset(db, { userId: input.userId, createdBy: input.createdBy });
  return { link: new URL(`/wachtwoord-herstellen/${made.token}`, input.site).href, until: formatDateTime(made.expiresAt) };
}
