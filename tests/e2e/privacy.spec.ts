import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { demo, e2eQuery, giz, inviteNewUser, login, tokensFor } from './helpers.ts';

test('a professional downloads their data and deletes their account', async ({ browser }) => {
  const { page, email, password, context } = await inviteNewUser(browser);
  const q = giz.questions.find((x) => x.type === 'single')!;
  if (q.type !== 'single') return;
  await page.request.post('/api/antwoorden', {
    headers: { origin: new URL(page.url()).origin },
    data: {
      moduleId: 'giz',
      questionId: q.id,
      idempotencyKey: `privacy-${Date.now()}-abcdefgh`,
      answer: { type: 'single', choice: (await tokensFor(email))(q.id, q.options[0].id) },
    },
  });
  await page.getByRole('link', { name: 'Mijn gegevens' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click();
  const download = await downloadPromise;
  const data = JSON.parse((await (await download.createReadStream()).toArray()).join(''));
  expect(data.account.email).toBe(email);
  expect(data.antwoorden).toHaveLength(1);
  expect(JSON.stringify(data)).not.toContain('argon2');

  // A wrong confirmation deletes nothing.
  await page.getByLabel('Typ je e-mailadres ter bevestiging').fill('iemand-anders@gemeente.nl');
  await page.getByLabel('Je wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
  await expect(page.getByRole('alert')).toContainText('Je account is niet verwijderd');

  await page.getByLabel('Typ je e-mailadres ter bevestiging').fill(email);
  await page.getByLabel('Je wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
  await expect(page.getByText('Het account en alle bijbehorende gegevens zijn verwijderd.')).toBeVisible();
  expect((await e2eQuery('select count(*) as n from users where email = ?', [email]))[0].n).toBe(0);
  const log = await e2eQuery("select actor_id from audit_log where action = 'account-verwijderd' order by id desc limit 1");
  expect(log[0].actor_id).toBeNull();

  await page.goto('/inloggen');
  await page.getByLabel('Werk-e-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('horen niet bij elkaar');
  await context.close();
});

test('privacy, accessibility and data pages have no accessibility violations', async ({ page }) => {
  for (const path of ['/privacy', '/toegankelijkheid']) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      results.violations.map((v) => v.id),
      path,
    ).toEqual([]);
  }
  await login(page, demo('admin').email, demo('admin').password);
  const [{ id }] = (await e2eQuery('select id from users where email = ?', [demo('learner').email])) as unknown as { id: string }[];
  for (const path of ['/account/gegevens', `/team/beheer/${id}`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      results.violations.map((v) => v.id),
      path,
    ).toEqual([]);
  }
});
