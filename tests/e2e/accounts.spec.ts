// A way back in after a forgotten password (issue 16, part 1), through the pages: the login page
// leads to "Wachtwoord vergeten"; a trainer makes a one-time link on the professional's page and
// hands it over; the professional sets a new password, is logged out elsewhere, and logs in. The
// e-mail path is tested in tests/system/password-reset.test.ts with a loopback SMTP server.
import { expect, test } from '@playwright/test';
import { demo, e2eQuery, inviteNewUser, login } from './helpers.ts';

test('a trainer makes a reset link; the professional sets a new password with it, once', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Herstelteam ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamId = trainer.url().split('/team/')[1];
  await trainer.getByRole('link', { name: 'Collega’s uitnodigen' }).click();
  const email = `vergeten-${stamp}@gemeente.nl`;
  await trainer.getByLabel('Lijst met collega’s').fill(`Vera Vergeet,${email}`);
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '1 uitnodiging maken' }).click();
  const invitation = await trainer.getByLabel(`Link ${email}`).inputValue();

  // The professional joins, and is signed in on this device.
  const oldContext = await browser.newContext();
  const old = await oldContext.newPage();
  await old.goto(invitation);
  await old.getByLabel('Kies een wachtwoord').fill('het-oude-wachtwoord-1');
  await old.getByLabel('Herhaal het wachtwoord').fill('het-oude-wachtwoord-1');
  await old.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(old).toHaveURL(/\/modules$/);

  // Forgotten: the login page leads to help; without e-mail it says to ask the trainer.
  const freshContext = await browser.newContext();
  const fresh = await freshContext.newPage();
  await fresh.goto('/inloggen');
  await fresh.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(fresh.getByText('Vraag je opleider of beheerder om een herstellink')).toBeVisible();

  // The trainer makes the link on the professional's page.
  const [{ id: userId }] = (await e2eQuery('select id from users where email = ?', [email])) as unknown as { id: string }[];
  await trainer.goto(`/team/${teamId}/professional/${userId}`);
  await trainer.getByRole('button', { name: 'Herstellink maken' }).click();
  await expect(trainer.getByRole('status').getByText(/Herstellink gemaakt/)).toBeVisible();
  const link = await trainer.getByRole('textbox', { name: 'Herstellink' }).inputValue();
  expect(link).toMatch(/\/wachtwoord-herstellen\/[a-z2-7]{32}$/);

  // The professional uses it: a new password, the old device is logged out, the new one works.
  await fresh.goto(link);
  await expect(fresh.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await fresh.getByLabel('Nieuw wachtwoord').fill('kort');
  await fresh.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
  await fresh.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(fresh.getByText(/Gebruik minstens 10 tekens/)).toBeVisible();
  await fresh.getByLabel('Nieuw wachtwoord').fill('het-nieuwe-wachtwoord-2');
  await fresh.getByLabel('Herhaal het nieuwe wachtwoord').fill('het-nieuwe-wachtwoord-2');
  await fresh.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(fresh).toHaveURL(/\/inloggen\?hersteld$/);
  await expect(fresh.getByText('Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.')).toBeVisible();
  await old.goto('/voortgang');
  await expect(old).toHaveURL(/\/inloggen/);
  await login(fresh, email, 'het-nieuwe-wachtwoord-2');
  // Once only.
  const again = await fresh.request.get(link);
  expect(again.status()).toBe(410);
  // Written to the audit log: made by the trainer, used by the professional.
  const audit = await e2eQuery(
    "select action, actor_id from audit_log where subject_id = ? and action in ('herstellink-gemaakt', 'wachtwoord-hersteld') order by id",
    [userId],
  );
  const [{ id: trainerId }] = (await e2eQuery('select id from users where email = ?', [demo('trainer').email])) as unknown as { id: string }[];
  expect(audit.map((r) => [r.action, r.actor_id])).toEqual([
    ['herstellink-gemaakt', trainerId],
    ['wachtwoord-hersteld', null],
  ]);
  // A learner cannot make a link for anyone (the team pages are for staff).
  const byLearner = await fresh.request.post(`/team/${teamId}/professional/${userId}`, {
    headers: { origin: new URL(fresh.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'action=herstellink',
    maxRedirects: 0,
  });
  expect(byLearner.status()).toBe(403);
  for (const context of [trainerContext, oldContext, freshContext]) await context.close();
});

test('an admin makes a reset link for any other account, also a trainer; a trainer cannot for a trainer', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  const trainerAccount = demo('trainer');
  const [{ id: trainerId }] = (await e2eQuery('select id from users where email = ?', [trainerAccount.email])) as unknown as { id: string }[];
  await admin.goto('/team/beheer');
  await admin.getByLabel('Zoek op naam of e-mailadres').fill(trainerAccount.email);
  await admin.getByRole('button', { name: 'Zoeken' }).click();
  await admin.getByRole('link', { name: trainerAccount.name, exact: true }).click();
  await admin.getByRole('link', { name: `Herstellink maken voor ${trainerAccount.name}` }).click();
  await expect(admin).toHaveURL(new RegExp(`/team/beheer/${trainerId}/herstellink$`));
  await admin.getByRole('button', { name: 'Herstellink maken' }).click();
  expect(await admin.getByRole('textbox', { name: 'Herstellink' }).inputValue()).toMatch(/\/wachtwoord-herstellen\/[a-z2-7]{32}$/);
  // Not for yourself: that is what "Wachtwoord wijzigen" is for.
  const [{ id: adminId }] = (await e2eQuery('select id from users where email = ?', [demo('admin').email])) as unknown as { id: string }[];
  const self = await admin.request.post(`/team/beheer/${adminId}/herstellink`, {
    headers: { origin: new URL(admin.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'action=herstellink',
    maxRedirects: 0,
  });
  expect(self.status()).toBe(403);
  // A trainer cannot reach the admin page at all.
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, trainerAccount.email, trainerAccount.password);
  const byTrainer = await trainer.request.post(`/team/beheer/${trainerId}/herstellink`, {
    headers: { origin: new URL(trainer.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'action=herstellink',
    maxRedirects: 0,
  });
  expect(byTrainer.status()).toBe(403);
  await adminContext.close();
  await trainerContext.close();
});

// Issue 16, part 2: account management in the browser, for the admin.
test('an admin finds an account, changes its role, blocks and unblocks it; the person feels each change at once', async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await inviteNewUser(browser);
  const [{ id: personId }] = (await e2eQuery('select id from users where email = ?', [person.email])) as unknown as { id: string }[];
  const [{ id: adminId }] = (await e2eQuery('select id from users where email = ?', [demo('admin').email])) as unknown as { id: string }[];
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);

  // Find them: the menu, a search by address and two filters.
  await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Accounts beheren');
  await admin.getByLabel('Zoek op naam of e-mailadres').fill(person.email.toUpperCase());
  await admin.getByRole('search').getByLabel('Rol').selectOption('learner');
  await admin.getByLabel('Status').selectOption('actief');
  await admin.getByRole('button', { name: 'Zoeken' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText('1 account gevonden');
  const row = admin.getByRole('row', { name: new RegExp(person.name) });
  await expect(row).toContainText('Professional');
  await expect(row).not.toContainText('nog nooit'); // they signed in when they accepted the invitation
  await row.getByRole('link', { name: person.name }).click();
  await expect(admin).toHaveURL(new RegExp(`/team/beheer/${personId}$`));

  // A role change: shown after a redirect (a reload does not repeat it) and felt on the next request.
  await admin.getByLabel('Nieuwe rol').selectOption('trainer');
  await admin.getByRole('button', { name: 'Rol opslaan' }).click();
  await expect(admin.getByRole('status')).toHaveText('Rol gewijzigd in Opleider.');
  expect((await person.page.goto('/team'))?.status()).toBe(200);

  // Blocking signs them out everywhere and keeps them out; the list finds them under "Geblokkeerd".
  await admin.getByRole('button', { name: 'Account blokkeren' }).click();
  await expect(admin.getByRole('status')).toHaveText('Account geblokkeerd en overal uitgelogd.');
  await person.page.goto('/modules');
  await expect(person.page).toHaveURL(/\/inloggen/);
  await person.page.getByLabel('Werk-e-mailadres').fill(person.email);
  await person.page.getByLabel('Wachtwoord').fill(person.password);
  await person.page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(person.page.getByRole('alert')).toContainText('horen niet bij elkaar');
  await admin.goto(`/team/beheer?zoek=${encodeURIComponent(person.email)}&status=geblokkeerd`);
  await expect(admin.getByRole('row', { name: new RegExp(person.name) })).toContainText('Geblokkeerd');

  // Unblocking lets them in with their own password.
  await admin.goto(`/team/beheer/${personId}`);
  await admin.getByRole('button', { name: 'Account deblokkeren' }).click();
  await expect(admin.getByRole('status')).toHaveText('Account gedeblokkeerd: de persoon kan weer inloggen.');
  await login(person.page, person.email, person.password);

  const audit = await e2eQuery('select action, actor_id, detail from audit_log where subject_id = ? order by id', [personId]);
  expect(audit.map((r) => [r.action, r.actor_id, r.detail])).toEqual([
    ['rol-gewijzigd', adminId, 'learner → trainer'],
    ['account-geblokkeerd', adminId, null],
    ['account-gedeblokkeerd', adminId, null],
  ]);

  // Not on your own account, not by form either; and a hand-made action is a clear 400.
  const origin = new URL(admin.url()).origin;
  const post = (path: string, data: string) =>
    admin.request.post(path, { headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, data, maxRedirects: 0 });
  await admin.goto(`/team/beheer/${adminId}`);
  await expect(admin.getByRole('button', { name: 'Account blokkeren' })).toHaveCount(0);
  const self = await post(`/team/beheer/${adminId}`, 'action=blokkeren');
  expect(self.status()).toBe(403);
  expect(await self.text()).toContain('Dit is je eigen account');
  expect((await post(`/team/beheer/${personId}`, 'action=rol&role=keizer')).status()).toBe(400);
  expect((await e2eQuery('select role, active from users where id = ?', [adminId]))[0]).toMatchObject({ role: 'admin', active: 1 });
  await adminContext.close();
  await person.context.close();
});

test('the account list pages through a long search and keeps its filters', async ({ page }) => {
  const stamp = `${Date.now()}`;
  // 120 accounts at once, straight into the database: this is about the list, not about invitations.
  await e2eQuery(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < 120)
     insert into users (id, email, name, role, password_hash) select 'pagina${stamp}' || i, 'pagina-${stamp}-' || i || '@gemeente.nl', 'Paginatest ${stamp} ' || substr('000' || i, -3), 'learner', 'x' from n`,
  );
  await login(page, demo('admin').email, demo('admin').password);
  await page.goto(`/team/beheer?zoek=${stamp}`);
  await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText('120 accounts gevonden');
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByRole('table')).toContainText(`Paginatest ${stamp} 001`);
  await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende pagina' }).click();
  await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende pagina' }).click();
  await expect(page.getByRole('navigation', { name: 'Paginering' })).toContainText('Pagina 3 van 3');
  await expect(page.locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('table')).toContainText(`Paginatest ${stamp} 120`);
  await expect(page.getByLabel('Zoek op naam of e-mailadres')).toHaveValue(stamp);
  // Junk in the address is ignored, not an error page.
  const junk = await page.goto(`/team/beheer?zoek=${stamp}&rol=keizer&status=%00&pagina=-4&team=../x`);
  expect(junk?.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toHaveText('120 accounts gevonden');
});

test('an admin renews and revokes pending invitations; an old or revoked link stops working', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const links: Record<string, string> = {};
  for (const who of ['vernieuw', 'trekin']) {
    const email = `${who}-${stamp}@gemeente.nl`;
    await admin.goto('/team/beheer');
    await admin.getByLabel('Werk-e-mailadres van de collega').fill(email);
    await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
    links[who] = await admin.getByLabel('Uitnodigingslink').inputValue();
  }
  const codeOf = async (who: string) =>
    String((await e2eQuery('select id from invitations where email = ?', [`${who}-${stamp}@gemeente.nl`]))[0].id).slice(0, 12);
  const codes = { vernieuw: await codeOf('vernieuw'), trekin: await codeOf('trekin') };
  await admin.goto('/team/beheer');
  await admin.getByRole('link', { name: 'Openstaande uitnodigingen' }).click();
  await admin.getByRole('button', { name: `Uitnodiging voor vernieuw-${stamp}@gemeente.nl vernieuwen` }).click();
  await expect(admin.getByRole('status')).toContainText(`Nieuwe uitnodiging voor vernieuw-${stamp}@gemeente.nl`);
  const renewed = await admin.getByLabel('Uitnodigingslink').inputValue();
  expect(renewed).toMatch(/\/uitnodiging\/[a-z2-7]{32}$/);
  expect(renewed).not.toBe(links.vernieuw);
  await admin.getByRole('button', { name: `Uitnodiging voor trekin-${stamp}@gemeente.nl intrekken` }).click();
  await expect(admin.getByRole('status')).toContainText(`Uitnodiging voor trekin-${stamp}@gemeente.nl ingetrokken`);
  await expect(admin.getByRole('button', { name: `Uitnodiging voor trekin-${stamp}@gemeente.nl intrekken` })).toHaveCount(0);

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  for (const dead of [links.vernieuw, links.trekin]) expect((await page.goto(dead))?.status()).toBe(404);
  await page.goto(renewed);
  await expect(page.getByLabel('Je naam')).toBeVisible();
  // The log names each invitation by a code, not by its address.
  const audit = await e2eQuery('select action, detail from audit_log where detail in (?, ?) order by id', [codes.vernieuw, codes.trekin]);
  expect(audit.map((r) => [r.action, r.detail])).toEqual([
    ['uitnodiging-vernieuwd', codes.vernieuw],
    ['uitnodiging-ingetrokken', codes.trekin],
  ]);
  // Revoking it again (a second tab, a replay) is a clear 409, not an error.
  const [{ id: renewedId }] = (await e2eQuery('select id from invitations where email = ?', [`vernieuw-${stamp}@gemeente.nl`])) as unknown as { id: string }[];
  const origin = new URL(admin.url()).origin;
  const revoke = () =>
    admin.request.post('/team/beheer/uitnodigingen', {
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      data: `action=intrekken&uitnodiging=${renewedId}`,
    });
  const [first, second] = await Promise.all([revoke(), revoke()]);
  expect([first.status(), second.status()].sort()).toEqual([200, 409]);
  await adminContext.close();
  await visitor.close();
});
