// Issue 13, items 1 and 12, over HTTP against the built server: a trainer cannot pull an existing
// account into their team (and so cannot read its progress), the invite form answers the same for
// new and existing addresses, the person accepts on their next visit, and a trainer cannot make
// trainers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const learner = account('learner');
const admin = account('admin');
const trainer = account('trainer');

describe('team invitations over HTTP', () => {
  let dir: string;
  let url: string;
  let server: RunningServer;
  let trainerCookie: string;
  let teamPath: string;
  let learnerId: string;

  const request = (path: string, cookie: string | undefined, form?: Record<string, string>) =>
    fetch(`${server.origin}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(form ? { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
  const query = async (sql: string, args: string[] = []) => {
    const client = createClient({ url });
    try {
      return (await client.execute({ sql, args })).rows;
    } finally {
      client.close();
    }
  };
  /** The preview's rows without name and address: what the page says about each row. */
  const previewVerdicts = (html: string) =>
    [...html.matchAll(/<tr>\s*<th scope="row">\d+<\/th>\s*<td>[^<]*<\/td>\s*<td>[^<]*<\/td>\s*<td>([\s\S]*?)<\/td>\s*<\/tr>/g)].map((m) => m[1].trim());

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-team-invitations-'));
    url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    server = await startServer(url);
    trainerCookie = await logIn(server.origin, trainer.email, trainer.password);
    const made = await request('/team', trainerCookie, { action: 'team', name: 'Wijkteam Oost' });
    assert.equal(made.status, 303);
    teamPath = made.headers.get('location') ?? '';
    assert.match(teamPath, /^\/team\/[A-Za-z0-9_-]{8,}$/);
    learnerId = String((await query('select id from users where email = ?', [learner.email]))[0].id);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the preview and the result are the same for new and existing addresses', async () => {
    const list = `Milan,${learner.email}\nDemi,${admin.email}\nNieuw Persoon,nieuw-oost@gemeente.nl`;
    const preview = await request(`${teamPath}/uitnodigen`, trainerCookie, { action: 'preview', rol: 'learner', lijst: list });
    assert.equal(preview.status, 200);
    const verdicts = previewVerdicts(await preview.text());
    assert.deepEqual(verdicts, ['In orde', 'In orde', 'In orde']);

    const confirmed = await request(`${teamPath}/uitnodigen`, trainerCookie, { action: 'confirm', rol: 'learner', lijst: list });
    assert.equal(confirmed.status, 200);
    const html = await confirmed.text();
    const links = [...html.matchAll(/value="(http[^"]+\/uitnodiging\/[a-z2-7]{32})" aria-label="Link ([^"]+)"/g)].map((m) => m[2]);
    assert.deepEqual(links, [learner.email, admin.email, 'nieuw-oost@gemeente.nl'], 'every row, existing or new, got a link of the same kind');
    assert.doesNotMatch(html, /toegevoegd|al een account/i);
  });

  test('an existing account is not in the team, and its progress stays out of sight, until it accepts', async () => {
    assert.equal((await request(`${teamPath}/professional/${learnerId}`, trainerCookie)).status, 404);
    const dashboard = await (await request(teamPath, trainerCookie)).text();
    assert.ok(!dashboard.includes(learner.name) && !dashboard.includes(admin.name), 'nobody was added to the dashboard');
    const csv = await (await request(`${teamPath}/export.csv`, trainerCookie)).text();
    assert.ok(!csv.includes(learner.email) && !csv.includes(admin.email), 'nobody is in the export');

    // The learner's next visit shows the invitation; they accept it.
    const learnerCookie = await logIn(server.origin, learner.email, learner.password);
    const modules = await (await request('/modules', learnerCookie)).text();
    assert.match(modules, /uitnodiging voor een team voor je klaar/);
    const pending = await (await request('/uitnodigingen', learnerCookie)).text();
    assert.match(pending, /Team: Wijkteam Oost/);
    const id = /name="uitnodiging" value="([0-9a-f]{64})"/.exec(pending)?.[1];
    assert.ok(id);
    // Another person cannot answer it, even with its id.
    const adminCookie = await logIn(server.origin, admin.email, admin.password);
    const stolen = await request('/uitnodigingen', adminCookie, { uitnodiging: id!, action: 'accepteren' });
    assert.equal(stolen.status, 404);
    assert.equal((await request(`${teamPath}/professional/${learnerId}`, trainerCookie)).status, 404);

    const accepted = await request('/uitnodigingen', learnerCookie, { uitnodiging: id!, action: 'accepteren' });
    assert.equal(accepted.status, 200);
    assert.match(await accepted.text(), /Je zit nu in het team Wijkteam Oost/);
    assert.equal((await request(`${teamPath}/professional/${learnerId}`, trainerCookie)).status, 200);
  });

  test('the link says nothing to whoever is signed in as someone else; an anonymous visitor of an existing account is asked to log in', async () => {
    const made = await request(`${teamPath}/uitnodigen`, trainerCookie, {
      action: 'confirm',
      rol: 'learner',
      lijst: `${admin.email}\nnog-een-nieuwe@gemeente.nl`,
    });
    const html = await made.text();
    const [existingLink, newLink] = [...html.matchAll(/value="http[^"]+(\/uitnodiging\/[a-z2-7]{32})"/g)].map((m) => m[1]);
    const [forExisting, forNew] = await Promise.all([request(existingLink, trainerCookie), request(newLink, trainerCookie)]);
    assert.equal(forExisting.status, forNew.status);
    const strip = (page: string) => page.replace(/[a-z2-7]{32}/g, '');
    assert.equal(strip(await forExisting.text()), strip(await forNew.text()), 'the trainer sees the same page for both links');
    const anonymous = await (await request(existingLink, undefined)).text();
    assert.match(anonymous, /Log in met dat account/);
  });

  test('a trainer cannot invite with the trainer role; the form does not offer it', async () => {
    const form = await (await request(`${teamPath}/uitnodigen`, trainerCookie)).text();
    assert.doesNotMatch(form, /<option value="trainer"/);
    const refused = await request(`${teamPath}/uitnodigen`, trainerCookie, {
      action: 'confirm',
      rol: 'trainer',
      lijst: 'Nep Opleider,nep-opleider@gemeente.nl',
    });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Alleen een beheerder kan iemand de rol opleider geven/);
    assert.equal((await query('select count(*) as n from invitations where email = ?', ['nep-opleider@gemeente.nl']))[0].n, 0);
  });
});
