// A real SMTP server on loopback that keeps every mail it receives, for tests of the e-mail paths
// (invitations, password reset). No TLS and no login: it only ever listens on 127.0.0.1.
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  /** The raw message with quoted-printable undone, so links and accented text can be matched. */
  body: string;
}

export interface SmtpCapture {
  url: string;
  received: CapturedMail[];
  /** Waits until at least `count` mails have arrived (or five seconds have passed). */
  waitFor: (count: number) => Promise<void>;
  close: () => Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk) => (body += chunk));
      stream.on('end', () => {
        // Undo quoted-printable: soft line breaks and =XX escapes.
        const decoded = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decoded });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: async (count) => {
      for (let i = 0; i < 50 && received.length < count; i++) await new Promise((r) => setTimeout(r, 100));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
