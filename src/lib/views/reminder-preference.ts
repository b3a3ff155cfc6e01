// The account page's reminder setting (/account/gegevens#herinneringen, posted to
// /account/herinneringen): a checkbox form that works without JavaScript. Post, redirect, get: the
// page then says what was saved. A form that is not this one is a 400 with a Dutch message.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { readForm, formProblem } from '../http/read-form.ts';
import { seeOther, text } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';
import { setRemindersOn } from '../reminders/preferences.ts';

/** The page section the mails link to (through OPT_OUT_PATH, which redirects here). */
export const REMINDER_SECTION = '/account/gegevens#herinneringen';

const preferenceForm = z.strictObject({ formulier: z.literal('herinneringen'), herinneringen: z.literal('aan').optional() });

export async function saveReminderPreference(db: Db, userId: string, request: Request, now = Date.now()): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return text(formProblem(form.status), form.status);
  const parsed = preferenceForm.safeParse(form.data);
  if (!parsed.success) return text(t.errors.badForm, 400);
  const on = parsed.data.herinneringen === 'aan';
  await setRemindersOn(db, userId, on, now);
  return seeOther(`/account/gegevens?herinneringen=${on ? 'aan' : 'uit'}#herinneringen`);
}

/** What the section says after the redirect; nothing for anything else. */
export function savedMessage(saved: string | null): string | undefined {
  if (saved === 'aan') return t.reminders.savedOn;
  if (saved === 'uit') return t.reminders.savedOff;
  return undefined;
}
