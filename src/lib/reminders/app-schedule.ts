// The app's reminder job: the schedule (schedule.ts) over the app's database, settings and course.
// Called from the middleware on every request (not awaited); separate from schedule.ts because it
// reads the course through astro:content, which only exists inside the built server.
import { isDatabaseBusy } from '../../../db/database-busy.ts';
import { getCourseFor } from '../content/course.ts';
import { getDb, resetDatabaseConnections } from '../db.ts';
import { getSettings } from '../env.ts';
import { siteAddress } from '../settings/site-address.ts';
import { runReminders } from './run-reminders.ts';
import { createReminderSchedule } from './schedule.ts';

let schedule: ReturnType<typeof createReminderSchedule> | undefined;

/** Starts the job on the first request (and its timer); afterwards at most every REMINDER_INTERVAL_MINUTES. Nothing without SMTP_URL. */
export function remindWhenDue(): void {
  const settings = getSettings();
  if (!settings.SMTP_URL) return;
  if (!schedule) {
    schedule = createReminderSchedule(async (now) => {
      try {
        const course = await getCourseFor('learner');
        const titles = new Map(course.map((m) => [m.meta.id, m.meta.title]));
        return await runReminders({
          db: await getDb(),
          now,
          smtpUrl: settings.SMTP_URL,
          from: settings.MAIL_FROM,
          site: siteAddress({ PUBLIC_URL: settings.PUBLIC_URL, HOST: process.env.HOST, PORT: process.env.PORT }),
          daysBefore: settings.REMINDER_DAYS_BEFORE,
          moduleTitle: (id) => titles.get(id),
          reviewQuestionIds: course.flatMap((m) => m.questions.map((q) => q.id)),
          log: console.error,
        });
      } catch (error) {
        // As the middleware does after a request met a lock (see resetDatabaseConnections).
        if (isDatabaseBusy(error)) await resetDatabaseConnections();
        throw error;
      }
    }, settings.REMINDER_INTERVAL_MINUTES * 60_000);
    schedule.startTimer();
  }
  void schedule.whenDue();
}
