// The e-mail with a password reset link (only when SMTP_URL is set).
import { sendMail, type MailResult } from './send-mail.ts';

export function passwordResetText(mail: { name: string; link: string; expiresAt: number }): { subject: string; text: string } {
  const until = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(mail.expiresAt);
  return {
    subject: 'Nieuw wachtwoord voor de Leergang Toegang',
    text: [
      `Beste ${mail.name || 'collega'},`,
      '',
      'Je hebt gevraagd om een nieuw wachtwoord voor de Leergang Toegang. Open deze link en kies een nieuw wachtwoord:',
      '',
      mail.link,
      '',
      `De link werkt één keer en is geldig tot ${until}. Je voortgang en certificaten blijven bewaard.`,
      'Heb je dit niet gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.',
    ].join('\n'),
  };
}

export function sendPasswordResetMail(smtpUrl: string, from: string, mail: { to: string; name: string; link: string; expiresAt: number }): Promise<MailResult> {
  return sendMail(smtpUrl, from, { to: mail.to, ...passwordResetText(mail) });
}
