import { expect, test } from '@playwright/test';
import { demo, inviteNewUser, login } from './helpers.ts';

test('a new colleague accepts an invitation, sees the shell and logs out', async ({ browser }) => {
  const { page, name, email, password, link, context } = await inviteNewUser(browser);
  await expect(page.getByText(name)).toBeVisible();
  await expect(page.locator('.role-badge')).toHaveText('Professional');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Modules' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mijn voortgang' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
  await page.goto('/modules');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmodules/);

  // The link worked once; now it says so.
  await page.goto(link);
  await expect(page.getByText('Deze uitnodiging is al gebruikt.')).toBeVisible();

  await login(page, email, password);
  await expect(page).toHaveURL(/\/modules$/);
  await context.close();
});

test('a wrong password shows a Dutch message that does not reveal whether the account exists', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('Werk-e-mailadres').fill(demo('learner').email);
  await page.getByLabel('Wachtwoord').fill('helemaal-fout');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const message = page.getByRole('alert');
  await expect(message).toHaveText('Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.');

  await page.getByLabel('Werk-e-mailadres').fill('bestaat-niet@gemeente.nl');
  await page.getByLabel('Wachtwoord').fill('helemaal-fout');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.');
});

test('an empty login form gets field errors and a 400', async ({ page }) => {
  await page.goto('/inloggen');
  const responsePromise = page.waitForResponse((r) => r.url().endsWith('/inloggen') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  expect((await responsePromise).status()).toBe(400);
  await expect(page.getByText('Vul dit veld in.').first()).toBeVisible();
  await expect(page.getByLabel('Werk-e-mailadres')).toHaveAttribute('aria-invalid', 'true');
});

test('a learner is refused the trainer page; a trainer sees it', async ({ page, browser }) => {
  await login(page, demo('learner').email, demo('learner').password);
  const response = await page.goto('/team');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();

  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
  await expect(trainer.getByRole('heading', { name: 'Teams', level: 1 })).toBeVisible();
  await trainerContext.close();
});

test('changing the password ends the other sessions', async ({ browser }) => {
  const { page, email, password, context } = await inviteNewUser(browser);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, email, password);

  await page.goto('/account/wachtwoord');
  await page.getByLabel('Huidig wachtwoord').fill(password);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een-nieuw-wachtwoord-2026');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een-nieuw-wachtwoord-2026');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('Je wachtwoord is gewijzigd.')).toBeVisible();

  await other.goto('/modules');
  await expect(other).toHaveURL(/\/inloggen/);
  await page.goto('/modules');
  await expect(page).toHaveURL(/\/modules$/);
  await otherContext.close();
  await context.close();
});

test('session cookie flags and security headers', async ({ page }) => {
  await login(page, demo('learner').email, demo('learner').password);
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'lt_sessie');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  const response = await page.goto('/modules');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
});

test('posts from another site are refused', async ({ request }) => {
  const form = await request.post('/inloggen', {
    headers: { origin: 'https://kwaadaardig.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.nl&password=x',
  });
  expect(form.status()).toBe(403);
  const json = await request.post('/api/antwoorden', {
    headers: { origin: 'https://kwaadaardig.example', 'content-type': 'application/json' },
    data: '{}',
  });
  expect(json.status()).toBe(403);
});
