import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { invitationText, sendInvitationMail } from '../../../src/lib/mail/invitation-mail.ts';
import { mailInvitations } from '../../../src/lib/teams/invite-team.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';

describe('invitation e-mail through a real SMTP server on loopback', () => {
  let smtp: SmtpCapture;
  before(async () => {
    smtp = await startSmtpCapture();
  });
  after(() => smtp.close());

  test('every invitation is mailed with its link; an existing account is asked to log in and accept', async () => {
    const results = await mailInvitations(
      [
        {
          email: 'nina@gemeente.nl',
          name: 'Nina',
          kind: 'invited',
          token: 'abcdefghijklmnopqrstuvwxyz234567',
          expiresAt: Date.parse('2026-11-29T12:00:00Z'),
          forExistingAccount: false,
        },
        {
          email: 'bestaat@gemeente.nl',
          name: 'Bestaat',
          kind: 'invited',
          token: 'bcdefghijklmnopqrstuvwxyz2345672',
          expiresAt: Date.parse('2026-11-29T12:00:00Z'),
          forExistingAccount: true,
        },
      ],
      { smtpUrl: smtp.url, from: 'Leergang <no-reply@leergang.invalid>', baseUrl: 'https://leergang.example.nl', teamName: 'Wijkteam Noord' },
    );
    assert.deepEqual(
      [...results],
      [
        ['nina@gemeente.nl', { sent: true }],
        ['bestaat@gemeente.nl', { sent: true }],
      ],
    );
    assert.equal(smtp.received.length, 2);
    const [nina, existing] = [smtp.received.find((m) => m.to.includes('nina@gemeente.nl'))!, smtp.received.find((m) => m.to.includes('bestaat@gemeente.nl'))!];
    assert.match(nina.body, /https:\/\/leergang\.example\.nl\/uitnodiging\/abcdefghijklmnopqrstuvwxyz234567/);
    assert.match(nina.body, /Wijkteam Noord/);
    assert.match(nina.body, /kies je naam en een wachtwoord/);
    assert.match(existing.body, /Je hebt al een account/);
    assert.match(existing.body, /Zonder jouw ja word je niet toegevoegd/);
  });

  test('a server that is down gives a clear reason, not an exception', async () => {
    const result = await sendInvitationMail('smtp://127.0.0.1:1', 'x@y.nl', {
      to: 'a@b.nl',
      name: 'A',
      link: 'https://x/uitnodiging/y',
      expiresAt: Date.now(),
    });
    assert.equal(result.sent, false);
    assert.ok(!result.sent && result.reason.length > 0);
  });

  test('the text is Dutch and says how long the link works', () => {
    const { subject, text } = invitationText({ to: 'a@b.nl', name: '', link: 'https://x/u', expiresAt: Date.parse('2026-11-29T12:00:00Z') });
    assert.equal(subject, 'Uitnodiging voor de Leergang Toegang');
    assert.match(text, /Beste collega/);
    assert.match(text, /geldig tot 29 november 2026/);
  });
});
