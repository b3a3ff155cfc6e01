// One e-mail over SMTP (SMTP_URL). nodemailer: the well-kept standard for SMTP in Node. A failure is
// reported, not thrown: the page says what happened and offers the link another way.
import nodemailer from 'nodemailer';

export type MailResult = { sent: true } | { sent: false; reason: string };

/** A mail: plain text always; a simple HTML part and extra headers (e.g. List-Unsubscribe) when given. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export async function sendMail(smtpUrl: string, from: string, mail: OutgoingMail): Promise<MailResult> {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({ from, ...mail });
    return { sent: true };
  } catch (error) {
    return { sent: false, reason: (error as Error).message.split('\n')[0] };
  } finally {
    transport.close();
  }
}
