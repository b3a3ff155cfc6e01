// One run of the reminder job: read the facts, decide what is due (due-reminders.ts), and for each
// mail claim its reminders first (claims.ts), then send, then mark them sent. Safe to run on many
// instances at once and as often as wanted: a claim is won once. A mail that cannot be sent gives
// its claims back and ends the run (the SMTP server is likely down); the next run tries again.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { sendMail } from '../mail/send-mail.ts';
import { claimReminder, markSent, releaseClaims } from './claims.ts';
import { keysOf, learnerReminders, reviewReminders, trainerDigests, type Reminder } from './due-reminders.ts';
import { readReminderFacts } from './reminder-facts.ts';
import { reminderMail } from './reminder-mail.ts';

export interface ReminderRunOptions {
  db: Db;
  now: number;
  /** Without an SMTP server the job does nothing at all (nothing is claimed). */
  smtpUrl: string | undefined;
  from: string;
  /** The site's address for the links in the mails. */
  site: string;
  daysBefore: number;
  /** A module's title, or undefined when the course does not have it (then no reminder for it). */
  moduleTitle: (moduleId: string) => string | undefined;
  /** The questions of the current course, for the Herhalen reminder; none: no Herhalen reminders. */
  reviewQuestionIds?: readonly string[];
  log?: (message: string) => void;
}

export interface ReminderRunResult {
  /** Mails sent by this run. */
  sent: number;
  /** Mails due whose reminders another run had already claimed or sent. */
  alreadyClaimed: number;
  /** The SMTP server's answer when a mail could not be sent (the run stopped there). */
  failure?: string;
}

export async function runReminders(options: ReminderRunOptions): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { sent: 0, alreadyClaimed: 0 };
  const { db, now, smtpUrl } = options;
  if (!smtpUrl) return result;
  const facts = await readReminderFacts(db, now, options.reviewQuestionIds ?? []);
  facts.dues = facts.dues.filter((due) => options.moduleTitle(due.moduleId) !== undefined);
  const due: Reminder[] = [...learnerReminders(facts, now, options.daysBefore), ...trainerDigests(facts, now), ...reviewReminders(facts, now)];
  const claim = randomUUID();
  for (const reminder of due) {
    const claimed: string[] = [];
    for (const key of keysOf(reminder)) if (await claimReminder(db, { key, userId: reminder.person.userId, claim }, now)) claimed.push(key);
    if (claimed.length === 0) {
      result.alreadyClaimed++;
      continue;
    }
    // A learner's mail names only the modules this run claimed; a module claimed elsewhere is that run's to mail.
    const mine: Reminder =
      reminder.kind === 'voor-deadline' || reminder.kind === 'te-laat'
        ? { ...reminder, modules: reminder.modules.filter((m) => claimed.includes(m.key)) }
        : reminder;
    const mail = reminderMail(mine, { site: options.site, moduleTitle: (id) => options.moduleTitle(id) ?? id });
    const sent = await sendMail(smtpUrl, options.from, mail);
    if (sent.sent) {
      await markSent(db, claimed, claim, now);
      result.sent++;
    } else {
      await releaseClaims(db, claimed, claim);
      result.failure = sent.reason;
      options.log?.(`Herinneringen: e-mail versturen mislukt (${sent.reason}); de volgende ronde probeert het opnieuw.`);
      break;
    }
  }
  return result;
}
