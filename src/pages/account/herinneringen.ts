// Turning e-mail reminders on or off. GET is where every reminder mail links: it opens the account
// page at the checkbox (after logging in, the login brings the person back here). POST saves the
// checkbox (src/lib/views/reminder-preference.ts).
import type { APIRoute } from 'astro';
import { getDb } from '../../lib/db.ts';
import { requireUser } from '../../lib/http/require-user.ts';
import { seeOther } from '../../lib/http/responses.ts';
import { REMINDER_SECTION, saveReminderPreference } from '../../lib/views/reminder-preference.ts';

export const GET: APIRoute = ({ locals }) => {
  requireUser(locals);
  return seeOther(REMINDER_SECTION);
};

export const POST: APIRoute = async ({ locals, request }) => saveReminderPreference(await getDb(), requireUser(locals).id, request);
