// Single sign-on in a real browser against a real OpenID provider on loopback (oidc-provider,
// started next to the app by playwright.config.ts: tests/e2e/oidc-server.ts). Each test signs in
// at the provider's own login form as a person it makes up (the id typed there is the person, see
// oidc-server.ts), so the tests share nothing and can run in any order.
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SSO_MESSAGES } from '../../src/lib/auth/sso/sso-messages.ts';
import { demo, e2eQuery, inviteNewUser, login } from './helpers.ts';
import { SSO_ALLOWED_DOMAIN, SSO_TRAINER_GROUP } from './oidc-settings.ts';

const CALLBACK = /\/inloggen\/organisatie\/terug/;
let n = 0;
const stamp = () => `${Date.now()}-${++n}-${Math.floor(Math.random() * 1e6)}`;

/** From the login page to the provider's form, signed in there as `id`, and consent given. */
async function signInAtProvider(page: Page, id: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Inloggen met je organisatie-account' }).click();
  await page.locator('input[name="login"]').fill(id);
  await page.locator('input[name="password"]').fill('wordt-niet-gecontroleerd');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** A whole SSO login in a fresh browser; returns the page and the status of the app's callback. */
async function ssoLogin(browser: Browser, id: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let callbackStatus = 0;
  page.on('response', (response) => {
    if (CALLBACK.test(response.url())) callbackStatus = response.status();
  });
  await signInAtProvider(page, id);
  await page.waitForLoadState();
  return { context, page, callbackStatus: () => callbackStatus };
}

const userByEmail = async (email: string) => (await e2eQuery('select id, name, role, active from users where email = ?', [email.toLowerCase()]))[0];

test('a new person from an allowed domain gets a learner account and the platform’s own session', async ({ browser }) => {
  const email = `nieuw-${stamp()}@${SSO_ALLOWED_DOMAIN}`;
  const { context, page } = await ssoLogin(browser, email);
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  const user = await userByEmail(email);
  expect(user).toMatchObject({ role: 'learner', active: 1 });
  expect((await context.cookies()).map((c) => c.name)).toContain('lt_sessie');
  expect((await e2eQuery('select count(*) as n from sso_identities where user_id = ?', [String(user.id)]))[0].n).toBe(1);
  expect(
    (await e2eQuery("select detail from audit_log where subject_id = ? and action = 'sso-account-gemaakt'", [String(user.id)])).map((r) => r.detail),
  ).toEqual(['created']);
  // A group from the provider makes a trainer, on every login.
  const trainerEmail = `opleider-${stamp()}@${SSO_ALLOWED_DOMAIN}`;
  const trainer = await ssoLogin(browser, `${trainerEmail};groepen=${SSO_TRAINER_GROUP}`);
  await expect(trainer.page).toHaveURL(/\/modules$/);
  expect((await trainer.page.goto('/team'))?.status()).toBe(200);
  await context.close();
  await trainer.context.close();
});

test('the first login links an existing account with the same verified e-mail; an unverified one is not linked', async ({ browser }) => {
  const existing = await inviteNewUser(browser); // an address outside the allowed domain
  await existing.context.close();
  const unverified = await ssoLogin(browser, `${existing.email};onbevestigd`);
  expect(unverified.callbackStatus()).toBe(403);
  await expect(unverified.page.getByRole('alert')).toHaveText(SSO_MESSAGES['email-not-verified']);
  await unverified.context.close();

  const { context, page } = await ssoLogin(browser, existing.email);
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.locator('.user-name')).toContainText(existing.name); // their own account, not a new one
  const user = await userByEmail(existing.email);
  expect((await e2eQuery('select subject from sso_identities where user_id = ?', [String(user.id)])).map((r) => r.subject)).toEqual([existing.email]);
  expect((await e2eQuery("select count(*) as n from audit_log where subject_id = ? and action = 'sso-gekoppeld'", [String(user.id)]))[0].n).toBe(1);
  expect((await e2eQuery('select count(*) as n from users where email = ?', [existing.email]))[0].n).toBe(1);

  // Password login off for linked accounts: the linked person is sent to the organisation button,
  // an account without a link keeps its password. Back on afterwards: other tests log in too.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  await admin.goto('/team/beheer');
  await admin.getByLabel('Alleen organisatie-account (wachtwoord uit)').check();
  await admin.getByRole('button', { name: 'Instelling opslaan' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
  try {
    const other = await browser.newContext();
    const attempt = await other.newPage();
    await attempt.goto('/inloggen');
    await attempt.getByLabel('Werk-e-mailadres').fill(existing.email);
    await attempt.getByLabel('Wachtwoord').fill(existing.password);
    await attempt.getByRole('button', { name: 'Inloggen' }).click();
    await expect(attempt.getByRole('alert')).toContainText('Dit account logt in met het organisatie-account');
    await login(attempt, demo('learner').email, demo('learner').password);
    await other.close();
  } finally {
    await admin.goto('/team/beheer');
    await admin.getByLabel('Wachtwoord mag ook (nu aan)').check();
    await admin.getByRole('button', { name: 'Instelling opslaan' }).click();
  }
  expect((await e2eQuery("select detail from audit_log where action = 'instelling-gewijzigd' order by id desc limit 2")).map((r) => r.detail)).toEqual([
    'wachtwoord-voor-sso-accounts: aan',
    'wachtwoord-voor-sso-accounts: uit',
  ]);
  await adminContext.close();
  await context.close();
});

test('a person from a domain without access is refused with a Dutch message, and no account is made', async ({ browser }) => {
  const email = `iemand-${stamp()}@elders.example`;
  const { context, page, callbackStatus } = await ssoLogin(browser, email);
  expect(callbackStatus()).toBe(403);
  await expect(page.getByRole('alert')).toHaveText(SSO_MESSAGES['domain-not-allowed']);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  expect(await userByEmail(email)).toBeUndefined();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    axe.violations.map((v) => v.id),
    'the refusal page',
  ).toEqual([]);
  await context.close();
});

test('a tampered state, a callback from another browser and a tampered nonce are refused', async ({ browser }) => {
  const email = `vervalst-${stamp()}@${SSO_ALLOWED_DOMAIN}`;
  // The state: the provider's answer is caught on its way back and opened with another state.
  const context = await browser.newContext();
  const page = await context.newPage();
  let callback = '';
  // Playwright does not route the target of a redirect, so the consent form's post (a navigation
  // of its own) is sent here and its two redirects are asked for without following them: the last
  // Location is the provider's answer, which the browser never opens.
  await page.route(
    (url) => url.port === process.env.OIDC_PORT && url.pathname.startsWith('/interaction/'),
    async (route) => {
      if (route.request().method() !== 'POST' || !(route.request().postData() ?? '').includes('prompt=consent')) return route.continue();
      const consented = await route.fetch({ maxRedirects: 0 });
      const toAuth = new URL(consented.headers()['location'], route.request().url());
      const answered = await page.request.get(toAuth.href, { maxRedirects: 0 });
      callback = new URL(answered.headers()['location'] ?? '', toAuth).href;
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'onderschept' });
    },
  );
  await signInAtProvider(page, email);
  await expect(page.getByText('onderschept')).toBeVisible();
  await page.unrouteAll();
  expect(callback).toMatch(/[?&]state=/);
  const tampered = new URL(callback);
  tampered.searchParams.set('state', 'ander-willekeurig-state-van-de-aanvaller');
  // The same answer opened in a browser that did not start this login (a link sent to a victim).
  const victim = await browser.newContext();
  const victimPage = await victim.newPage();
  const elsewhere = await victimPage.goto(callback);
  expect(elsewhere?.status()).toBe(400);
  await expect(victimPage.getByRole('alert')).toHaveText(SSO_MESSAGES.expired);
  await victim.close();
  const response = await page.goto(tampered.href);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toHaveText(SSO_MESSAGES.invalid);
  // Used up: the real answer does not work after that either.
  expect((await page.goto(callback))?.status()).toBe(400);
  expect(await userByEmail(email)).toBeUndefined();

  await context.close();

  // The nonce: the login's kept nonce is changed on the server while the person is at the provider,
  // so the ID token's nonce no longer matches. A fresh browser: the provider would remember this one.
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  await nonceTampered(page2, email);
  await context2.close();
});

async function nonceTampered(page: Page, email: string): Promise<void> {
  const context = page.context();
  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Inloggen met je organisatie-account' }).click();
  const state = (await context.cookies()).find((c) => c.name === 'lt_sso')?.value;
  expect(state).toBeTruthy();
  const id = createHash('sha256').update(state!).digest('hex');
  await e2eQuery("update sso_logins set nonce = 'niet-de-nonce-van-deze-inlog' where id = ?", [id]);
  let status = 0;
  page.on('response', (r) => {
    if (CALLBACK.test(r.url())) status = r.status();
  });
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('x');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  if (await consent.isVisible()) await consent.click();
  await expect(page.getByRole('alert')).toHaveText(SSO_MESSAGES.invalid);
  expect(status).toBe(400);
  expect(await userByEmail(email)).toBeUndefined();
}

test('a deactivated account cannot enter by SSO; cancelling at the provider signs nobody in', async ({ browser }) => {
  const email = `geblokkeerd-${stamp()}@${SSO_ALLOWED_DOMAIN}`;
  const first = await ssoLogin(browser, email);
  await expect(first.page).toHaveURL(/\/modules$/);
  await first.context.close();
  await e2eQuery('update users set active = 0 where email = ?', [email]);
  const again = await ssoLogin(browser, email);
  expect(again.callbackStatus()).toBe(403);
  await expect(again.page.getByRole('alert')).toHaveText(SSO_MESSAGES.deactivated);
  expect((await again.context.cookies()).map((c) => c.name)).not.toContain('lt_sessie');
  await again.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByRole('link', { name: 'Inloggen met je organisatie-account' }).click();
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page.getByRole('alert')).toHaveText('Inloggen met je organisatie-account is afgebroken. Je bent niet ingelogd.');
  await context.close();
});

test('an account made by SSO has no password to change, and is deleted after a fresh login at the provider', async ({ browser }) => {
  const email = `zonder-wachtwoord-${stamp()}@${SSO_ALLOWED_DOMAIN}`;
  const { context, page } = await ssoLogin(browser, email);
  await expect(page).toHaveURL(/\/modules$/);
  await page.goto('/account/wachtwoord');
  await expect(page.getByText('Je logt in met je organisatie-account en hebt hier geen eigen wachtwoord.')).toBeVisible();
  await expect(page.getByLabel('Huidig wachtwoord')).toBeHidden();

  // A session from twenty minutes ago is not proof enough to delete the account.
  const user = await userByEmail(email);
  await e2eQuery('update sessions set created_at = created_at - 20 * 60 * 1000 where user_id = ?', [String(user.id)]);
  await page.goto('/account/gegevens');
  await expect(page.getByLabel('Je wachtwoord')).toHaveCount(0);
  await page.getByLabel('Typ je e-mailadres ter bevestiging').fill(email);
  await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
  await expect(page.getByRole('alert')).toContainText('Log eerst opnieuw in met je organisatie-account');
  expect(await userByEmail(email)).toBeDefined();

  // The provider asks for the login again (prompt=login), and then the deletion goes through.
  await page.getByRole('link', { name: 'Opnieuw inloggen met je organisatie-account' }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('x');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  if (await consent.isVisible()) await consent.click();
  await expect(page).toHaveURL(/\/account\/gegevens/);
  await page.getByLabel('Typ je e-mailadres ter bevestiging').fill(email);
  await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
  await expect(page.getByText('Het account en alle bijbehorende gegevens zijn verwijderd.')).toBeVisible();
  expect(await userByEmail(email)).toBeUndefined();
  expect((await e2eQuery('select count(*) as n from sso_identities where user_id = ?', [String(user.id)]))[0].n).toBe(0);
  await context.close();
});
