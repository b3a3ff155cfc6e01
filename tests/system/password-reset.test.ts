// "Wachtwoord vergeten" over HTTP against the built server, with a real SMTP server on loopback:
// the same answer for a known and an unknown address, a mail only for the known one, the link sets
// a new password once, ends the old sessions, and requests are throttled. Also the admin's renewed
// invitation, which goes out by the same mail server. Needs `astro build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture.ts';

const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;

describe('password reset by e-mail over HTTP', () => {
  let smtp: SmtpCapture;
  let dir: string;
  let server: RunningServer;
  before(async () => {
    smtp = await startSmtpCapture();
    dir = mkdtempSync(join(tmpdir(), 'leergang-reset-'));
    const url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    // The test stands in for a proxy on loopback, so X-Forwarded-For names the client.
    server = await startServer(url, undefined, { SMTP_URL: smtp.url, TRUSTED_PROXIES: '127.0.0.1' });
  });
  after(async () => {
    await server?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (email: string, from = '198.51.100.1') =>
    fetch(`${server.origin}/wachtwoord-vergeten`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
      body: new URLSearchParams({ email }),
    });
  const textOf = async (response: Response) => (await response.text()).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

  test('known and unknown addresses get the same answer; only the known one gets a mail, whose link works once', async () => {
    const oldSession = await logIn(server.origin, learner.email, learner.password);
    const known = await ask(learner.email);
    const unknown = await ask('niemand-bekend@gemeente.nl');
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    const [knownText, unknownText] = [await textOf(known), await textOf(unknown)];
    assert.match(knownText, /Als dit adres bij een account hoort, hebben we een e-mail gestuurd/);
    assert.equal(knownText, unknownText, 'the page does not tell whether the address exists');
    await smtp.waitFor(1);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0].to, [learner.email]);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/wachtwoord-herstellen\/[a-z2-7]{32})/.exec(smtp.received[0].body)?.[1];
    assert.ok(link, smtp.received[0].body);

    const form = await fetch(link);
    assert.equal(form.status, 200);
    assert.match(await textOf(form), /Nieuw wachtwoord kiezen/);
    const post = (password: string) =>
      fetch(link, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ password, passwordRepeat: password }),
      });
    const done = await post('een-heel-nieuw-wachtwoord');
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/inloggen?hersteld');
    // The old session is gone; the new password works; the link does not work again.
    const withOld = await fetch(`${server.origin}/voortgang`, { redirect: 'manual', headers: { cookie: oldSession } });
    assert.equal(withOld.status, 302);
    await logIn(server.origin, learner.email, 'een-heel-nieuw-wachtwoord');
    const again = await post('nog-een-ander-wachtwoord');
    assert.equal(again.status, 410);
    assert.match(await textOf(again), /Deze link is al gebruikt/);
  });

  test('an admin renews a pending invitation: the new link is e-mailed and shown, the old one is dead', async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const cookie = await logIn(server.origin, admin.email, admin.password);
    const form = (path: string, fields: Record<string, string>) =>
      fetch(`${server.origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const invitee = 'opnieuw-uitgenodigd@gemeente.nl';
    const made = await form('/team/beheer', { action: 'invite', email: invitee, role: 'learner' });
    assert.equal(made.status, 200);
    const oldLink = /value="(http:\/\/[^"]+\/uitnodiging\/[a-z2-7]{32})"/.exec(await made.text())?.[1];
    assert.ok(oldLink);
    const list = await (await fetch(`${server.origin}/team/beheer/uitnodigingen`, { headers: { cookie } })).text();
    const id = new RegExp(`${invitee}[\\s\\S]*?name="uitnodiging" value="([0-9a-f]{64})"`).exec(list)?.[1];
    assert.ok(id, 'the invitation is listed with its form');
    const before = smtp.received.length;
    const renewed = await form('/team/beheer/uitnodigingen', { action: 'vernieuwen', uitnodiging: id });
    assert.equal(renewed.status, 200);
    const html = await renewed.text();
    const page = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    assert.match(page, /De link is ook per e-mail verstuurd/);
    await smtp.waitFor(before + 1);
    const mail = smtp.received[before];
    assert.deepEqual(mail.to, [invitee]);
    const newLink = /(http:\/\/127\.0\.0\.1:\d+\/uitnodiging\/[a-z2-7]{32})/.exec(mail.body)?.[1];
    assert.ok(newLink && newLink !== oldLink, mail.body);
    assert.ok(html.includes(`value="${newLink}"`), 'the page shows the same link as the mail');
    assert.equal((await fetch(oldLink)).status, 404);
    assert.equal((await fetch(newLink)).status, 200);
  });

  test('a tampered link is unknown (404) with a Dutch message', async () => {
    const response = await fetch(`${server.origin}/wachtwoord-herstellen/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`);
    assert.equal(response.status, 404);
    assert.match(await textOf(response), /Deze link bestaat niet/);
  });

  test('requests are throttled per e-mail address and per client address', async () => {
    const target = 'veel-verzoeken@gemeente.nl';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(target, `203.0.113.${i + 1}`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const fromOne = [];
    for (let i = 0; i < 11; i++) fromOne.push((await ask(`adres-${i}@gemeente.nl`, '192.0.2.77')).status);
    assert.deepEqual(fromOne.slice(0, 10), Array(10).fill(200));
    assert.equal(fromOne[10], 429);
  });
});
