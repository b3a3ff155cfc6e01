// The e-mail with a password reset link (only when SMTP_URL is set).
import { formatDateTime, t } from '../i18n/nl.ts';
import { sendMail, type MailResult } from './send-mail.ts';

export function passwordResetText(mail: { name: string; link: string; expiresAt: number }): { subject: string; text: string } {
  return {
    subject: t.mail.resetSubject,
    text: [
      t.mail.greeting(mail.name),
      '',
      t.mail.resetIntro,
      '',
      mail.link,
      '',
      t.mail.resetValid(formatDateTime(mail.expiresAt)),
      t.mail.resetUnexpected,
    ].join('\n'),
  };
}

export function sendPasswordResetMail(smtpUrl: string, from: string, mail: { to: string; name: string; link: string; expiresAt: number }): Promise<MailResult> {
  return sendMail(smtpUrl, from, { to: mail.to, ...passwordResetText(mail) });
}
