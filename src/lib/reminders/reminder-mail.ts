// The reminder e-mails in words: plain text, and the same as simple HTML (paragraphs, a list,
// links). Every mail ends with the way to turn reminders off (the account page's section).
import { formatCalendarDate, t } from '../i18n/nl.ts';
import type { OutgoingMail } from '../mail/send-mail.ts';
import type { Reminder } from './due-reminders.ts';

/** Where a mail's "turn reminders off" link goes: it opens the account page at the checkbox (after logging in if needed). */
export const OPT_OUT_PATH = '/account/herinneringen';

type Block = { text: string } | { list: string[] } | { lead: string; href: string };

export interface MailContext {
  /** The site's address, e.g. https://leergang.gemeente.nl (settings/site-address.ts). */
  site: string;
  /** A module's title; the id when the course no longer has it. */
  moduleTitle: (moduleId: string) => string;
}

export function reminderMail(reminder: Reminder, context: MailContext): OutgoingMail {
  const link = (path: string) => new URL(path, context.site).href;
  const title = context.moduleTitle;
  let subject: string;
  let blocks: Block[];
  if (reminder.kind === 'weekoverzicht') {
    subject = t.reminders.digestSubject;
    blocks = [{ text: t.reminders.digestIntro }];
    for (const team of reminder.teams) {
      blocks.push(
        { text: t.reminders.digestTeam(team.name) },
        {
          list: team.people.map((p) =>
            t.reminders.digestPerson(p.name, p.modules.map((m) => t.reminders.wasDueBy(title(m.moduleId), formatCalendarDate(m.dueDate))).join('; ')),
          ),
        },
        { lead: t.reminders.digestTeamLink, href: link(`/team/${team.teamId}`) },
      );
    }
  } else if (reminder.kind === 'herhalen') {
    subject = t.reminders.reviewSubject;
    blocks = [{ text: t.reminders.reviewIntro(reminder.dueNow) }, { text: t.reminders.reviewWhy }, { lead: t.reminders.reviewGo, href: link('/herhalen') }];
  } else if (reminder.kind === 'voor-deadline') {
    subject = t.reminders.dueSoonSubject;
    blocks = [
      { text: t.reminders.dueSoonIntro },
      { list: reminder.modules.map((m) => t.reminders.dueBy(title(m.moduleId), formatCalendarDate(m.dueDate))) },
      { lead: t.reminders.goOn, href: link('/voortgang') },
    ];
  } else {
    subject = t.reminders.overdueSubject;
    blocks = [
      { text: t.reminders.overdueIntro },
      { list: reminder.modules.map((m) => t.reminders.wasDueBy(title(m.moduleId), formatCalendarDate(m.dueDate))) },
      { text: t.reminders.overdueStill },
      { lead: t.reminders.goOn, href: link('/voortgang') },
    ];
  }
  const optOut = link(OPT_OUT_PATH);
  blocks.push({ lead: t.reminders.offHint, href: optOut });
  const greeting = t.mail.greeting(reminder.person.name);
  return {
    to: reminder.person.email,
    subject,
    text: [greeting, ...blocks.map(blockText)].join('\n\n'),
    html: [`<p>${escape(greeting)}</p>`, ...blocks.map(blockHtml)].join('\n'),
    headers: { 'List-Unsubscribe': `<${optOut}>` },
  };
}

function blockText(block: Block): string {
  if ('list' in block) return block.list.map((item) => `- ${item}`).join('\n');
  if ('href' in block) return `${block.lead}\n${block.href}`;
  return block.text;
}

function blockHtml(block: Block): string {
  if ('list' in block) return `<ul>${block.list.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
  if ('href' in block) return `<p>${escape(block.lead)}<br><a href="${escape(block.href)}">${escape(block.href)}</a></p>`;
  return `<p>${escape(block.text)}</p>`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
