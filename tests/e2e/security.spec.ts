// Security over HTTP against the built server: access per role, IDOR, sessions, XSS, CSRF,
// hostile and malformed input, and concurrent submissions.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { routePatternsOnDisk } from '../helpers/routes.ts';
import { demo, e2eQuery, giz, inviteNewUser, inviteTeamleader, login, tokensFor } from './helpers.ts';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT}`;
const formHeaders = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };

async function sessionFor(browser: Browser, role: 'learner' | 'trainer' | 'admin') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, demo(role).email, demo(role).password);
  return { context, page, request: page.request };
}

test('every route answers each role as expected', async ({ browser, playwright }) => {
  test.setTimeout(240_000); // five sessions, one of them a teamleader made through the admin's pages
  const anonymous = await playwright.request.newContext({ baseURL: ORIGIN });
  const learner = await sessionFor(browser, 'learner');
  const trainer = await sessionFor(browser, 'trainer');
  const admin = await sessionFor(browser, 'admin');
  const [{ id: learnerId }] = (await e2eQuery('select id from users where email = ?', [demo('learner').email])) as unknown as { id: string }[];
  const teamName = `Routeteam-${Date.now()}`;
  const created = await trainer.request.post('/team', { headers: formHeaders, data: `action=team&name=${teamName}`, maxRedirects: 0 });
  expect(created.status(), 'the trainer made a team').toBe(303);
  const teamId = /^\/team\/([^/?#]+)$/.exec(created.headers()['location'] ?? '')?.[1];
  expect(teamId, `team made: ${created.headers()['location']}`).toMatch(/^[A-Za-z0-9_-]{8,}$/);
  // A teamleider of that team (read only: its dashboard, export and people).
  const teamleader = await inviteTeamleader(browser, [teamName]);
  // Every route on disk, with a sample URL and what a GET answers to
  // [anonymous, learner, trainer, admin, teamleader]. A page added without a line here fails this test.
  const params: Record<string, string> = {
    module: 'giz',
    lesson: giz.lessons[0].id,
    question: giz.questions[0].id,
    team: teamId!,
    user: learnerId,
    token: 'bestaat-niet',
    code: 'bestaat-niet',
  };
  const expected: Record<string, number[]> = {
    '/': [200, 302, 302, 302, 302], // signed in: straight on to the modules
    '/404': [404, 404, 404, 404, 404],
    '/500': [404, 404, 404, 404, 404], // only shown for a real error; asked for directly it is not a page
    '/inloggen': [200, 302, 302, 302, 302],
    '/inloggen/organisatie': [303, 302, 302, 302, 302], // to the OpenID provider; signed in: straight on
    '/inloggen/organisatie/terug': [400, 400, 400, 400, 400], // no login started in this browser
    '/geen-toegang': [200, 200, 200, 200, 200], // opened directly; the guard answers 403 with its text
    '/privacy': [200, 200, 200, 200, 200],
    '/toegankelijkheid': [200, 200, 200, 200, 200],
    '/certificaat/controleren': [200, 200, 200, 200, 200],
    '/certificaat/controleren/[code]': [404, 404, 404, 404, 404], // no such code
    '/uitnodiging/[token]': [404, 404, 404, 404, 404],
    '/wachtwoord-vergeten': [200, 200, 200, 200, 200],
    '/wachtwoord-herstellen/[token]': [404, 404, 404, 404, 404],
    '/uitloggen': [302, 404, 404, 404, 404], // POST only
    '/modules': [302, 200, 200, 200, 200],
    '/modules/[module]': [302, 200, 200, 200, 200],
    '/modules/[module]/[lesson]': [302, 200, 200, 200, 200],
    '/modules/[module]/instaptoets': [302, 200, 200, 200, 200],
    '/modules/[module]/toets': [302, 200, 200, 200, 200],
    '/modules/[module]/afgerond': [302, 404, 404, 404, 404], // nobody here completed GIZ
    '/modules/[module]/vragen': [302, 200, 200, 200, 200],
    '/modules/[module]/vragen/[question]': [302, 200, 200, 200, 200],
    '/antwoord': [302, 302, 302, 302, 302], // POST only: a GET goes back to the modules
    '/reflectie': [302, 302, 302, 302, 302],
    '/api/antwoorden': [401, 404, 404, 404, 404], // POST only; the POST is tested below
    '/herhalen': [302, 200, 200, 200, 200],
    '/zoeken': [302, 200, 200, 200, 200],
    '/begrippen': [302, 200, 200, 200, 200],
    '/voortgang': [302, 200, 200, 200, 200],
    '/voortgang/certificaat/[module]': [302, 404, 404, 404, 404], // nobody here completed GIZ
    '/account/gegevens': [302, 200, 200, 200, 200],
    '/account/gegevens.json': [302, 200, 200, 200, 200],
    '/account/herinneringen': [302, 303, 303, 303, 303], // the link in every reminder mail: on to the setting on /account/gegevens
    '/account/wachtwoord': [302, 200, 200, 200, 200],
    '/uitnodigingen': [302, 200, 200, 200, 200],
    '/team': [302, 403, 200, 200, 200],
    '/team/[team]': [302, 403, 200, 200, 200],
    '/team/[team]/export.csv': [302, 403, 200, 200, 200],
    '/team/[team]/leerpaden': [302, 403, 200, 200, 403],
    '/team/[team]/uitnodigen': [302, 403, 200, 200, 403],
    '/team/[team]/professional/[user]': [302, 403, 404, 404, 404], // the learner is not in this team
    '/team/analyse/[module]': [302, 403, 200, 200, 403],
    '/team/voorbeeld/[module]': [302, 403, 200, 200, 403],
    '/team/beheer': [302, 403, 403, 200, 403],
    '/team/beheer/uitnodigingen': [302, 403, 403, 200, 403],
    '/team/beheer/[user]': [302, 403, 403, 200, 403],
    '/team/beheer/[user]/gegevens.json': [302, 403, 403, 200, 403],
    '/team/beheer/[user]/verwijderen': [302, 403, 403, 404, 403], // POST only; tested below
    '/team/beheer/[user]/herstellink': [302, 403, 403, 200, 403],
  };
  expect(Object.keys(expected).sort(), 'every route on disk has a line in this test').toEqual(routePatternsOnDisk());
  let checked = 0;
  const actual: Record<string, number[]> = {};
  for (const route of Object.keys(expected)) {
    const path = route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]));
    actual[route] = [];
    for (const client of [anonymous, learner.request, trainer.request, admin.request, teamleader.page.request]) {
      actual[route].push((await client.get(path, { maxRedirects: 0 })).status());
      checked++;
    }
  }
  // One comparison of the whole table: a failure shows every route that differs at once.
  expect(actual).toEqual(expected);
  // Anonymous POSTs: a JSON endpoint says 401, form routes send to the login page.
  expect((await anonymous.post('/api/antwoorden', { headers: { origin: ORIGIN }, data: {} })).status()).toBe(401);
  expect((await anonymous.post('/antwoord', { headers: formHeaders, data: 'a=b', maxRedirects: 0 })).status()).toBe(302);
  expect((await learner.request.post(`/team/beheer/${learnerId}/verwijderen`, { headers: formHeaders, data: '', maxRedirects: 0 })).status()).toBe(403);
  expect((await trainer.request.post(`/team/beheer/${learnerId}/verwijderen`, { headers: formHeaders, data: '', maxRedirects: 0 })).status()).toBe(403);
  // The admin's account actions refuse everyone else, by form as surely as by page.
  for (const client of [learner.request, trainer.request, teamleader.page.request]) {
    expect((await client.post(`/team/beheer/${learnerId}`, { headers: formHeaders, data: 'action=rol&role=admin', maxRedirects: 0 })).status()).toBe(403);
    expect((await client.post(`/team/beheer/${learnerId}`, { headers: formHeaders, data: 'action=blokkeren', maxRedirects: 0 })).status()).toBe(403);
    expect(
      (
        await client.post('/team/beheer/uitnodigingen', { headers: formHeaders, data: `action=intrekken&uitnodiging=${'0'.repeat(64)}`, maxRedirects: 0 })
      ).status(),
    ).toBe(403);
  }
  expect((await e2eQuery('select role, active from users where id = ?', [learnerId]))[0]).toMatchObject({ role: 'learner', active: 1 });
  console.log(`roles × routes checked: ${checked + 4}`);
  for (const c of [learner, trainer, admin, teamleader]) await c.context.close();
  await anonymous.dispose();
});

test('a learner cannot write or read another professional’s progress by changing ids', async ({ browser }) => {
  const a = await inviteNewUser(browser);
  const b = await inviteNewUser(browser);
  const [{ id: bId }] = (await e2eQuery('select id from users where email = ?', [b.email])) as unknown as { id: string }[];
  const q = giz.questions.find((x) => x.type === 'single')!;
  if (q.type !== 'single') return;
  const response = await a.page.request.post('/api/antwoorden', {
    headers: { origin: ORIGIN },
    data: {
      userId: bId,
      moduleId: 'giz',
      questionId: q.id,
      idempotencyKey: `idor-${Date.now()}-xxxxxxxx`,
      answer: { type: 'single', choice: (await tokensFor(a.email))(q.id, q.options[0].id) },
    },
  });
  expect(response.status()).toBe(201);
  const rows = await e2eQuery('select count(*) as n from attempts where user_id = ?', [bId]);
  expect(rows[0].n).toBe(0);
  // A's data export holds only A.
  const exported = await (await a.page.request.get('/account/gegevens.json')).json();
  expect(exported.account.email).toBe(a.email);
  expect(JSON.stringify(exported)).not.toContain(bId);
  // Reflections are per session user too.
  const reflection = await a.page.request.post('/reflectie', {
    headers: formHeaders,
    data: new URLSearchParams({ moduleId: 'giz', reflectionId: giz.lessons[0].reflectionIds[0], body: 'van A', userId: bId, returnTo: '/modules' }).toString(),
    maxRedirects: 0,
  });
  expect(reflection.status()).toBe(303);
  expect((await e2eQuery('select count(*) as n from reflections where user_id = ?', [bId]))[0].n).toBe(0);
  await a.context.close();
  await b.context.close();
});

test('sessions: a new id on login, logout ends it, forged and expired tokens are refused', async ({ browser, playwright }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, demo('learner').email, demo('learner').password);
  const first = (await context.cookies()).find((c) => c.name === 'lt_sessie')!.value;
  await page.goto('/inloggen?terug=/modules');
  // Logging in again while logged in: the page redirects; post the form directly.
  await page.request.post('/inloggen', {
    headers: formHeaders,
    data: `email=${encodeURIComponent(demo('learner').email)}&password=${demo('learner').password}`,
    maxRedirects: 0,
  });
  const second = (await context.cookies()).find((c) => c.name === 'lt_sessie')!.value;
  expect(second).not.toBe(first);
  const stale = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { cookie: `lt_sessie=${first}` } });
  expect((await stale.get('/modules', { maxRedirects: 0 })).status()).toBe(302);

  await page.goto('/modules');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  const replay = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { cookie: `lt_sessie=${second}` } });
  expect((await replay.get('/modules', { maxRedirects: 0 })).status()).toBe(302);

  for (const forged of ['a'.repeat(32), 'bestaat-niet', '../../etc/passwd', '"><script>', '2'.repeat(5000)]) {
    const client = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { cookie: `lt_sessie=${encodeURIComponent(forged)}` } });
    expect((await client.get('/modules', { maxRedirects: 0 })).status()).toBe(302);
    await client.dispose();
  }
  // Expired: move a live session's expiry into the past.
  const live = await browser.newContext();
  const livePage = await live.newPage();
  await login(livePage, demo('trainer').email, demo('trainer').password);
  const token = (await live.cookies()).find((c) => c.name === 'lt_sessie')!.value;
  const { createHash } = await import('node:crypto');
  await e2eQuery('update sessions set expires_at = ? where id = ?', [Date.now() - 1000, createHash('sha256').update(token).digest('hex')]);
  expect((await livePage.request.get('/modules', { maxRedirects: 0 })).status()).toBe(302);
  await stale.dispose();
  await replay.dispose();
  await live.close();
  await context.close();
});

test('markup in names, team names and reflections is shown as text; exports cannot run formulas', async ({ browser }) => {
  const evil = `<img src=x onerror=alert(1)><script>alert("x")</script>`;
  // A trainer makes a team with markup in its name and invites someone whose name is markup.
  const trainer = await sessionFor(browser, 'trainer');
  const created = await trainer.request.post('/team', {
    headers: formHeaders,
    data: new URLSearchParams({ action: 'team', name: `Team ${evil}` }).toString(),
    maxRedirects: 0,
  });
  expect(created.status()).toBe(303);
  const teamPath = created.headers()['location'];
  const invite = await trainer.request.post(`${teamPath}/uitnodigen`, {
    headers: formHeaders,
    data: new URLSearchParams({ action: 'confirm', rol: 'learner', lijst: `"=HYPERLINK(""http://x"")${evil}",xss-${Date.now()}@gemeente.nl` }).toString(),
  });
  const inviteHtml = await invite.text();
  expect(inviteHtml).not.toContain('<script>alert');
  expect(inviteHtml).toContain('&lt;script&gt;');
  const link = /value="(http[^"]+\/uitnodiging\/[a-z2-7]+)"/.exec(inviteHtml)![1];
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(link);
  await page.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.locator('.user-name')).toContainText('<script>alert("x")</script>');
  // A reflection with markup.
  await page.goto(`/modules/giz/${giz.lessons[0].id}`);
  await page.locator('textarea').first().fill(evil);
  await page.getByRole('button', { name: 'Bewaren' }).first().click();
  await expect(page.locator('textarea').first()).toHaveValue(evil);
  expect(dialogs, "no script ran in the learner's own pages").toBe(0);
  // The trainer's pages, rendered in the trainer's browser (who may see them), show the markup
  // as text and run none of it.
  let trainerDialogs = 0;
  trainer.page.on('dialog', (d) => {
    trainerDialogs++;
    void d.dismiss();
  });
  const dashboardResponse = await trainer.page.goto(teamPath);
  expect(dashboardResponse?.status(), 'the trainer sees the team page').toBe(200);
  await expect(trainer.page.getByRole('heading', { level: 1 })).toContainText('<script>alert("x")</script>');
  const row = trainer.page.getByRole('row', { name: /<script>alert\("x"\)<\/script>/ });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await expect(trainer.page).toHaveURL(/\/professional\//);
  await expect(trainer.page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=alert(1)>');
  const injected = await trainer.page.evaluate(
    () => document.querySelectorAll('img[src="x"]').length + [...document.scripts].filter((el) => el.textContent?.includes('alert("x")')).length,
  );
  expect(injected, 'no element was made from the markup').toBe(0);
  expect(trainerDialogs, "no script ran in the trainer's pages").toBe(0);
  const dashboard = await (await trainer.request.get(teamPath)).text();
  expect(dashboard).not.toContain('<script>alert');
  expect(dashboard).not.toContain('<img src=x');
  const csv = await (await trainer.request.get(`${teamPath}/export.csv`)).text();
  expect(csv).toContain(`"'=HYPERLINK`);
  expect(csv).not.toMatch(/(^|;)"=/m);
  await context.close();
  await trainer.context.close();
});

test('fuzz: over a thousand malformed requests to every endpoint, no 5xx and no data changed', async ({ browser, playwright }) => {
  test.setTimeout(240_000);
  const learner = await inviteNewUser(browser);
  const trainer = await sessionFor(browser, 'trainer');
  const admin = await sessionFor(browser, 'admin');
  const created = await trainer.request.post('/team', { headers: formHeaders, data: 'action=team&name=Fuzzteam', maxRedirects: 0 });
  const teamPath = created.headers()['location'];
  const teamId = teamPath.split('/').pop()!;
  const [{ id: userId }] = (await e2eQuery('select id from users where email = ?', [learner.email])) as unknown as { id: string }[];
  const snapshot = async () =>
    JSON.stringify([
      await e2eQuery('select count(*) as n from attempts where user_id = ?', [userId]),
      await e2eQuery('select count(*) as n from reflections where user_id = ?', [userId]),
      await e2eQuery('select count(*) as n from lesson_progress where user_id = ? and completed_at is not null', [userId]),
      await e2eQuery('select count(*) as n from checkins where user_id = ?', [userId]),
      await e2eQuery('select password_hash from users where id = ?', [userId]),
      await e2eQuery('select count(*) as n from invitations where team_id = ?', [teamId]),
      await e2eQuery('select count(*) as n from team_members where team_id = ?', [teamId]),
      await e2eQuery('select count(*) as n from path_assignments where team_id = ?', [teamId]),
      await e2eQuery('select count(*) as n from password_resets where user_id = ?', [userId]),
      await e2eQuery('select role, active from users where id = ?', [userId]),
      await e2eQuery(
        "select count(*) as n from audit_log where subject_id = ? and action in ('rol-gewijzigd', 'account-geblokkeerd', 'account-gedeblokkeerd')",
        [userId],
      ),
    ]);
  const before = await snapshot();

  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const junkValues = [
    '',
    ' ',
    '-1',
    '0',
    '1e308',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '\u0000',
    '\uFFFF',
    '%00',
    '"><svg onload=alert(1)>',
    "' or 1=1 --",
    'x'.repeat(5000),
    '../../etc/passwd',
    '😀'.repeat(50),
    'giz',
    'vragen',
    '-'.repeat(80),
  ];
  const fieldNames = [
    'moduleId',
    'questionId',
    'type',
    'key',
    'choice',
    'choices',
    'path',
    'pos-a',
    'returnTo',
    'reflectionId',
    'body',
    'email',
    'password',
    'action',
    'lesson',
    'name',
    'role',
    'lijst',
    'rol',
    'pathId',
    'to',
    'dueDate',
    'current',
    'passwordRepeat',
    'userId',
    'context',
    'toets',
    'uitnodiging',
    'zoek',
    'pagina',
  ];
  const endpoints: { path: string; client: APIRequestContext; json?: boolean }[] = [
    { path: '/antwoord', client: learner.page.request },
    { path: '/api/antwoorden', client: learner.page.request, json: true },
    { path: '/reflectie', client: learner.page.request },
    { path: `/modules/giz/${giz.lessons[0].id}`, client: learner.page.request },
    { path: '/modules/giz/instaptoets', client: learner.page.request },
    { path: '/modules/giz/toets', client: learner.page.request },
    { path: '/modules/giz/bestaat-niet', client: learner.page.request },
    { path: '/account/wachtwoord', client: learner.page.request },
    { path: '/account/gegevens', client: learner.page.request },
    { path: '/herhalen', client: learner.page.request },
    { path: '/team', client: trainer.request },
    { path: `${teamPath}/uitnodigen`, client: trainer.request },
    { path: `${teamPath}/leerpaden`, client: trainer.request },
    { path: '/uitnodiging/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', client: learner.page.request },
    { path: '/wachtwoord-vergeten', client: learner.page.request },
    { path: '/wachtwoord-herstellen/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', client: learner.page.request },
    { path: `${teamPath}/professional/${userId}`, client: trainer.request },
    { path: '/inloggen', client: learner.page.request },
    { path: `/team/beheer/${userId}`, client: admin.request },
    { path: '/team/beheer/uitnodigingen', client: admin.request },
    { path: '/team/beheer', client: admin.request },
  ];
  // Malformed bodies: wrong content types, broken UTF-8, junk fields, JSON where a form is
  // expected, huge bodies. Login only gets bodies that fail validation, so the shared
  // per-IP login throttle is not spent.
  const bodies = (endpointPath: string): { headers: Record<string, string>; data: string | Buffer } => {
    const kind = Math.floor(random() * 7);
    if (kind === 0)
      return {
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        data: pick([
          '{',
          '[]',
          'null',
          '{"answer":{"type":"single","choice":-1}}',
          '{"moduleId":123}',
          JSON.stringify({ moduleId: 'giz', questionId: 'x'.repeat(500), idempotencyKey: 1, answer: [] }),
        ]),
      };
    if (kind === 1)
      return {
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        data: Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x26, 0x62, 0x3d, 0xe2, 0x82]),
      };
    if (kind === 2)
      return {
        headers: {
          origin: ORIGIN,
          'content-type': pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=utf-7']),
        },
        data: 'moduleId=giz&a=%%%',
      };
    if (kind === 3) return { headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, data: 'x='.padEnd(70 * 1024, 'a') };
    const fields = new URLSearchParams();
    for (let i = 0; i < 1 + Math.floor(random() * 6); i++) fields.append(pick(fieldNames), pick(junkValues));
    if (endpointPath === '/inloggen') fields.set('email', pick(['', 'geen-adres', '@@', 'x'.repeat(300)]));
    if (endpointPath === '/account/gegevens') fields.set('password', pick(['', 'fout']));
    if (kind === 4) return { headers: { origin: ORIGIN, 'content-type': 'application/json' }, data: JSON.stringify(Object.fromEntries(fields)) };
    return { headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, data: fields.toString() };
  };

  let sent = 0;
  const failures: string[] = [];
  for (let round = 0; round < 80; round++) {
    await Promise.all(
      endpoints.map(async (endpoint) => {
        const { headers, data } = bodies(endpoint.path);
        const response = await endpoint.client.post(endpoint.path, { headers, data, maxRedirects: 0, failOnStatusCode: false });
        sent++;
        if (response.status() >= 500) failures.push(`${endpoint.path} → ${response.status()}`);
        const text = await response.text();
        if (/at .+\.(ts|js|mjs):\d+/.test(text) || text.includes('Error:')) failures.push(`${endpoint.path} shows a stack trace`);
      }),
    );
  }
  // Control characters, backslashes and look-alikes in `terug`: a signed-in visitor is redirected
  // at once, so every one of them must become a path on this site (they were a 500, or an open
  // redirect: the browser drops a tab and reads /<tab>/evil.example as //evil.example).
  const controls = [
    '\t',
    '\n',
    '\r',
    '\r\n',
    '\u000b',
    '\u000c',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u0085',
    '\u2028',
    '\u2029',
    '\\',
    ' ',
    '\u3000',
    '%09',
    '%0d%0a',
  ];
  for (const control of controls) {
    for (const terug of [
      `/${control}/evil.example`,
      `${control}//evil.example`,
      `/modules${control}Set-Cookie: x=1`,
      `/${control}${control}evil.example`,
      `/.${control}//evil.example`,
      `https:${control}//evil.example`,
    ]) {
      for (const encoded of [encodeURIComponent(terug), encodeURIComponent(terug).replace(/%2F/g, '/')]) {
        const response = await learner.page.request.get(`/inloggen?terug=${encoded}`, { maxRedirects: 0, failOnStatusCode: false });
        sent++;
        const location = response.headers()['location'] ?? '';
        if (response.status() >= 500) failures.push(`terug=${encoded} → ${response.status()}`);
        else if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(location) || new URL(location, ORIGIN).origin !== ORIGIN)
          failures.push(`terug=${encoded} → Location ${JSON.stringify(location)}`);
      }
    }
  }
  // The way back from the OpenID provider with junk for a query, with and without a login started
  // in this client (its cookie): always a 4xx with the Dutch page, never a 5xx or a session.
  const ssoClient = await playwright.request.newContext({ baseURL: ORIGIN });
  const junkQueries = [
    '',
    '?code=x&state=y',
    '?code=&state=&iss=',
    `?code=${'a'.repeat(5000)}&state=${'b'.repeat(300)}`,
    '?error=access_denied',
    '?error=server_error&error_description=%3Cscript%3E',
    '?state=%00&code=%FF',
    '?iss=http://evil.example&code=x&state=y',
    '?code=x&code=y&state=z&state=w',
    '?response=eyJhbGciOiJub25lIn0.e30.',
  ];
  for (const withCookie of [false, true]) {
    for (const query of junkQueries) {
      if (withCookie) await ssoClient.get('/inloggen/organisatie', { maxRedirects: 0 }); // a login started: the state cookie set
      const response = await ssoClient.get(`/inloggen/organisatie/terug${query}`, { maxRedirects: 0, failOnStatusCode: false });
      sent++;
      if (response.status() !== 400) failures.push(`SSO terug${query.slice(0, 40)} → ${response.status()}`);
      if (response.headers()['set-cookie']?.includes('lt_sessie=') && !response.headers()['set-cookie']?.includes('lt_sessie=;'))
        failures.push(`SSO terug${query.slice(0, 40)} gave a session`);
    }
  }
  await ssoClient.dispose();
  // Every method on every endpoint: TRACE was a 500 on any path; the rest must be a 4xx too (only
  // GET, HEAD and POST are served), anonymous and signed in, with or without a body.
  const anonymousClient = await playwright.request.newContext({ baseURL: ORIGIN });
  for (const method of ['TRACE', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'MKCOL', 'LOCK']) {
    for (const endpoint of [...endpoints, { path: '/favicon.svg', client: learner.page.request }, { path: '/privacy', client: learner.page.request }]) {
      for (const client of [endpoint.client, anonymousClient]) {
        const { headers, data } = bodies(endpoint.path);
        const response = await client.fetch(endpoint.path, {
          method,
          headers,
          data: method === 'TRACE' ? undefined : data,
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        sent++;
        if (response.status() >= 500) failures.push(`${method} ${endpoint.path} → ${response.status()}`);
        const text = await response.text();
        if (/at .+\.(ts|js|mjs):\d+/.test(text) || text.includes('Error:') || /Internal Server Error/i.test(text))
          failures.push(`${method} ${endpoint.path} shows an English error or a stack trace`);
      }
    }
  }
  await anonymousClient.dispose();
  // Reused idempotency keys: the trainer (whose data the snapshot does not hold) answers once;
  // a parallel burst of the same key with another question or another answer is refused with a
  // 409 and never carries feedback; the identical answer is the stored result.
  const [first, second] = giz.questions.filter((q) => q.type === 'single');
  if (first.type !== 'single' || second.type !== 'single') throw new Error('two single questions expected');
  const reusedKey = `fuzz-hergebruik-${Date.now()}`;
  const trainerTokens = await tokensFor(demo('trainer').email);
  const answerWith = (questionId: string, choice: string) =>
    trainer.request.post('/api/antwoorden', {
      headers: { origin: ORIGIN },
      data: { moduleId: 'giz', questionId, idempotencyKey: reusedKey, answer: { type: 'single', choice: trainerTokens(questionId, choice) } },
    });
  const wrongChoice = first.options.find((o) => !o.correct)!.id;
  expect((await answerWith(first.id, wrongChoice)).status()).toBe(201);
  const replays = await Promise.all([
    ...second.options.map((o) => answerWith(second.id, o.id)),
    ...first.options.filter((o) => o.id !== wrongChoice).map((o) => answerWith(first.id, o.id)),
    answerWith(first.id, wrongChoice),
  ]);
  sent += replays.length + 1;
  const replayStatuses = replays.map((r) => r.status());
  expect(
    replayStatuses.slice(0, -1).every((status) => status === 409),
    `reused key: ${replayStatuses.join(', ')}`,
  ).toBe(true);
  expect(replayStatuses.at(-1)).toBe(200);
  for (const replay of replays.slice(0, -1)) expect(await replay.text()).not.toMatch(/feedback|correct/);
  // A parallel burst of wrong passwords at one account, from an address of its own (a trusted
  // proxy's X-Forwarded-For, so the loopback address of the other tests keeps its budget): no
  // 5xx, and at most three are checked before the delay refuses the rest.
  // The account does not exist: the throttle must not tell (and no real account is slowed for
  // the tests that run beside this one).
  const burstAddress = { 'x-forwarded-for': `198.51.100.${1 + (Date.now() % 250)}` };
  const burstAccount = encodeURIComponent(`burst-${Date.now()}@gemeente.nl`);
  const stranger = await playwright.request.newContext({ baseURL: ORIGIN });
  const burst = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      stranger.post('/inloggen', {
        headers: { ...formHeaders, ...burstAddress },
        data: `email=${burstAccount}&password=fout-${i}`,
        maxRedirects: 0,
        failOnStatusCode: false,
      }),
    ),
  );
  await stranger.dispose();
  sent += burst.length;
  const burstStatuses = burst.map((r) => r.status());
  expect(burstStatuses.filter((status) => status >= 500)).toEqual([]);
  expect(burstStatuses.filter((status) => status !== 429).length, `login burst: ${burstStatuses.join(', ')}`).toBeLessThanOrEqual(3);
  // Unknown ids and negative numbers through the JSON endpoint.
  for (const body of [
    { moduleId: 'giz', questionId: 'bestaat-niet', idempotencyKey: 'fuzz-aaaaaaaaaaaaaaaa', answer: { type: 'single', choice: 'a' } },
    { moduleId: 'bestaat-niet', questionId: giz.questions[0].id, idempotencyKey: 'fuzz-bbbbbbbbbbbbbbbb', answer: { type: 'single', choice: 'a' } },
    { moduleId: 'giz', questionId: giz.questions[0].id, idempotencyKey: 'fuzz-cccccccccccccccc', answer: { type: 'order', order: ['-1'] } },
  ]) {
    const response = await learner.page.request.post('/api/antwoorden', { headers: { origin: ORIGIN }, data: body });
    sent++;
    expect([400, 404]).toContain(response.status());
  }
  const big = await learner.page.request.post('/api/antwoorden', {
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    data: `{"a":"${'x'.repeat(200_000)}"}`,
  });
  expect(big.status()).toBe(413);
  console.log(`fuzzed requests: ${sent + 1}`);
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(failures).toEqual([]);
  expect(await snapshot()).toBe(before);
  await learner.context.close();
  await trainer.context.close();
  await admin.context.close();
});

test('50 parallel submissions by one professional leave exactly the expected rows', async ({ browser }) => {
  const { page, email, context } = await inviteNewUser(browser);
  const [{ id: userId }] = (await e2eQuery('select id from users where email = ?', [email])) as unknown as { id: string }[];
  const singles = giz.questions.filter((q) => q.type === 'single');
  const tokens = await tokensFor(email);
  // 50 requests: 10 distinct keys, each sent five times, across several questions.
  const requests = Array.from({ length: 50 }, (_, i) => {
    const q = singles[(i % 10) % singles.length];
    if (q.type !== 'single') throw new Error('single expected');
    return {
      moduleId: 'giz',
      questionId: q.id,
      idempotencyKey: `parallel-${i % 10}-${Date.now() % 100000}-kkkkkkkk`,
      answer: { type: 'single', choice: tokens(q.id, q.options[0].id) },
    };
  });
  const stamp = requests[0].idempotencyKey.split('-')[2];
  for (const r of requests) r.idempotencyKey = r.idempotencyKey.replace(/-\d+-kkkk/, `-${stamp}-kkkk`);
  const responses = await Promise.all(requests.map((data) => page.request.post('/api/antwoorden', { headers: { origin: ORIGIN }, data })));
  const statuses = responses.map((r) => r.status());
  expect(
    statuses.every((s) => s === 200 || s === 201),
    statuses.join(','),
  ).toBe(true);
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  const rows = await e2eQuery('select count(*) as n, count(distinct idempotency_key) as k from attempts where user_id = ?', [userId]);
  expect(rows[0].n).toBe(10);
  expect(rows[0].k).toBe(10);
  const reviews = await e2eQuery('select count(*) as n from review_items where user_id = ?', [userId]);
  expect(reviews[0].n).toBe(new Set(requests.map((r) => r.questionId)).size);
  await context.close();
});
