// "Herstellink maken" on a person's page (an admin's /team/beheer/[user]/herstellink, a trainer's
// page of a professional): the form, and the link made with it, shown once to hand over in person.
// Both pages run the same form step (postResetLinkForm); who may make a link is decided by the
// page with mayCreateResetFor (password-reset.ts).
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { postForm, type FormPage, type FormRefusal, type FormState } from '../http/post-form.ts';
import { formatDateTime, t } from '../i18n/nl.ts';
import { createPasswordReset } from '../auth/password-reset.ts';

export const resetLinkForm = z.object({ action: z.literal('herstellink') });

export interface MadeResetLink {
  link: string;
  /** Until when it works, for the page. */
  until: string;
}

export interface ResetLinkInput {
  userId: string;
  createdBy: string;
  mayReset: boolean;
}

async function makeResetLink(db: Db, input: ResetLinkInput & { site: URL }): Promise<MadeResetLink | FormRefusal> {
  if (!input.mayReset) return { status: 403, message: t.reset.notAllowed };
  const made = await createPasswordReset(db, { userId: input.userId, createdBy: input.createdBy });
  return { link: new URL(`/wachtwoord-herstellen/${made.token}`, input.site).href, until: formatDateTime(made.expiresAt) };
}

/**
 * The form step of both pages: a post makes the link (the page shows it, no redirect: it is shown
 * once), a refusal comes back as the form's message. Any post that is not this form gets the
 * generic "could not be read", not a list of field errors: the form has no fields to correct.
 */
export async function postResetLinkForm(
  page: FormPage & { url: URL },
  db: Db,
  input: ResetLinkInput,
): Promise<Response | (FormState & { reset?: MadeResetLink })> {
  let reset: MadeResetLink | undefined;
  const form = await postForm(
    page,
    resetLinkForm,
    async () => {
      const made = await makeResetLink(db, { ...input, site: page.url });
      if ('status' in made) return made;
      reset = made;
    },
    { invalid: () => t.errors.badForm },
  );
  return form instanceof Response ? form : { ...form, reset };
}
