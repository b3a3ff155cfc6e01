// Sending invitation links by e-mail, when an SMTP server is configured (SMTP_URL). Without one,
// trainers copy the links from the page; with one, the links are shown and also sent.
import { formatDateTime, t } from '../i18n/nl.ts';
import { sendMail, type MailResult } from './send-mail.ts';

export type { MailResult };

export interface InvitationMail {
  to: string;
  name: string;
  link: string;
  teamName?: string;
  expiresAt: number;
  /** The address already has an account: the link asks to log in and accept the team. */
  forExistingAccount?: boolean;
}

export function invitationText(mail: InvitationMail): { subject: string; text: string } {
  return {
    subject: t.mail.invitationSubject,
    text: [
      t.mail.greeting(mail.name),
      '',
      t.mail.invited(mail.teamName),
      mail.forExistingAccount ? t.mail.invitedExisting : t.mail.invitedNew,
      '',
      mail.link,
      '',
      t.mail.invitationValid(formatDateTime(mail.expiresAt)),
      t.mail.invitationUnexpected,
    ].join('\n'),
  };
}

export async function sendInvitationMail(smtpUrl: string, from: string, mail: InvitationMail): Promise<MailResult> {
  return sendMail(smtpUrl, from, { to: mail.to, ...invitationText(mail) });
}
