// Sending invitation links by e-mail, when an SMTP server is configured (SMTP_URL). Without one,
// trainers copy the links from the page; with one, the links are shown and also sent.
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
  const until = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(mail.expiresAt);
  return {
    subject: 'Uitnodiging voor de Leergang Toegang',
    text: [
      `Beste ${mail.name || 'collega'},`,
      '',
      `Je bent uitgenodigd voor de Leergang Toegang${mail.teamName ? `, in het team ${mail.teamName}` : ''}.`,
      mail.forExistingAccount
        ? 'Je hebt al een account. Open deze link, log in en kies of je het team in wilt. Zonder jouw ja word je niet toegevoegd:'
        : 'Open deze link, kies je naam en een wachtwoord, en je kunt beginnen:',
      '',
      mail.link,
      '',
      `De link werkt één keer en is geldig tot ${until}.`,
      'Verwachtte je deze e-mail niet? Dan kun je hem negeren.',
    ].join('\n'),
  };
}

export async function sendInvitationMail(smtpUrl: string, from: string, mail: InvitationMail): Promise<MailResult> {
  return sendMail(smtpUrl, from, { to: mail.to, ...invitationText(mail) });
}
