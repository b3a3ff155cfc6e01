// A way back in after a forgotten password (issue 16, part 1), through the pages: the login page
// leads to "Wachtwoord vergeten"; a trainer makes a one-time link on the professional's page and
// hands it over; the professional sets a new password, is logged out elsewhere, and logs in. The
// e-mail path is tested in tests/system/password-reset.test.ts with a loopback SMTP server.
import { expect, test } from '@playwright/test';
import { demo, e2eQuery, login } from './helpers.ts';

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
  const audit = await e2eQuery("select action, actor_id from audit_log where subject_id = ? and action in ('herstellink-gemaakt', 'wachtwoord-hersteld') order by id", [userId]);
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
  await admin.goto('/team');
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
