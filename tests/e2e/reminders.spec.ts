// E-mail reminders in the browser (issue 18): the link every reminder mail carries
// (/account/herinneringen) leads, after logging in if needed, to the account page's checkbox; a
// learner turns reminders off there without JavaScript, by keyboard, and the choice sticks (also
// in the database). The page passes axe on desktop and at 320 px. The mails themselves are tested
// in tests/unit/reminders/ with a loopback SMTP server.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eQuery, inviteNewUser } from './helpers.ts';

test.describe.configure({ timeout: 150_000 });

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const optedOut = async (email: string) =>
  (await e2eQuery('select count(*) as n from reminder_opt_outs where user_id = (select id from users where email = ?)', [email]))[0].n;

test('a learner turns reminders off on the account page without JavaScript, by keyboard, and the setting sticks', async ({ browser }) => {
  const { context, page, email, password } = await inviteNewUser(browser, 'learner', { javaScriptEnabled: false });
  // The mail's link opens the account page at the setting.
  await page.goto('/account/herinneringen');
  await expect(page).toHaveURL(/\/account\/gegevens#herinneringen$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Herinneringen per e-mail' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: 'Stuur mij herinneringen per e-mail' });
  await expect(box).toBeChecked();

  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Opslaan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account\/gegevens\?herinneringen=uit#herinneringen$/);
  await expect(page.getByRole('status')).toHaveText('Opgeslagen: je krijgt geen herinneringen meer per e-mail.');
  expect(await optedOut(email)).toBe(1);

  await page.goto('/account/gegevens');
  await expect(box).not.toBeChecked();
  await expect(page.getByRole('status')).toHaveCount(0);

  // Signed out, the mail's link goes through the login and lands on the setting, still off.
  const fresh = await browser.newContext({ javaScriptEnabled: false });
  const other = await fresh.newPage();
  await other.goto('/account/herinneringen');
  await expect(other).toHaveURL(/\/inloggen\?terug=%2Faccount%2Fherinneringen$/);
  await other.getByLabel('Werk-e-mailadres').fill(email);
  await other.getByLabel('Wachtwoord').fill(password);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other).toHaveURL(/\/account\/gegevens#herinneringen$/);
  await expect(other.getByRole('checkbox', { name: 'Stuur mij herinneringen per e-mail' })).not.toBeChecked();
  await fresh.close();

  // And on again.
  await box.check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Opgeslagen: je krijgt herinneringen per e-mail.');
  await expect(box).toBeChecked();
  expect(await optedOut(email)).toBe(0);

  // A form that is not this one: a Dutch 400, not a stack trace, and nothing changes.
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post('/account/herinneringen', { form: { herinneringen: 'misschien' }, headers: { origin } });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toMatch(/formulier/i);
  expect(await optedOut(email)).toBe(0);
  await context.close();
});

test('the account page with its reminder setting has no accessibility violations, on desktop and at 320 px', async ({ browser }) => {
  const { context, page } = await inviteNewUser(browser);
  await page.goto('/account/gegevens');
  await page.getByRole('checkbox', { name: 'Stuur mij herinneringen per e-mail' }).uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expectNoViolations(page, '/account/gegevens (desktop, after saving)');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  await expectNoViolations(page, '/account/gegevens (320 px)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 320 px').toBeLessThanOrEqual(320);
  await context.close();
});
