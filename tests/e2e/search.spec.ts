// Search as a professional uses it (issue 18): without JavaScript, from the menu, a word finds the
// begrippenlijst entry and the paragraph of the lesson that explains it; the link lands on that
// paragraph; a too long query gets a Dutch message and a 400; nobody signed out can search.
import { expect, test } from '@playwright/test';
import { inviteNewUser } from './helpers.ts';

test('a professional finds "afwegingskader" without JavaScript and lands on the paragraph', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser, 'learner', { javaScriptEnabled: false });
  await page.goto('/modules');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
  await page.getByLabel('Waar zoek je naar?').fill('afwegingskader');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/zoeken\?q=afwegingskader$/);
  await expect(page.getByRole('heading', { level: 2, name: /resultaten voor "afwegingskader"/ })).toBeVisible();

  // The term, with its explanation and a link to the lesson.
  const term = page.locator('.result').filter({ has: page.getByText('Afwegingskader', { exact: true }) });
  await expect(term).toContainText('De vijf vragen');
  // The lesson paragraph, with the word marked in its snippet.
  const lessonHit = page
    .locator('.result')
    .filter({ has: page.getByRole('link', { name: /Wegen en beslissen: het afwegingskader/ }) })
    .first();
  await expect(lessonHit.locator('mark').first()).toHaveText(/afwegingskader/i);
  const href = await lessonHit.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/modules\/veiligheid\/veiligheid-afwegingskader#[a-z0-9-]+$/);
  await lessonHit.getByRole('link').first().click();
  const anchor = href!.split('#')[1];
  // The anchor is a heading of the rendered lesson: the link lands on it.
  await expect(page.locator(`h2[id="${anchor}"], h3[id="${anchor}"]`)).toHaveCount(1);

  // Accents and capitals do not matter; nothing found says what to try.
  await page.goto('/zoeken?q=CLIENTONDERSTEUNER');
  await expect(page.getByRole('link', { name: /Cliëntondersteuner of vertrouwenspersoon/ }).first()).toBeVisible();
  await page.goto('/zoeken?q=xylofoonzzq');
  await expect(page.getByRole('heading', { level: 2, name: 'Niets gevonden voor "xylofoonzzq"' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alle begrippen' }).first()).toBeVisible();

  // The begrippenlijst: every term, its source, and the lesson that explains it.
  await page.goto('/begrippen');
  await expect(page.getByRole('heading', { level: 1, name: 'Begrippenlijst' })).toBeVisible();
  const waakvlam = page.locator('.glossary-entry').filter({ has: page.locator('dt', { hasText: /^Waakvlam$/ }) });
  await expect(waakvlam).toContainText('licht vangnet');
  await waakvlam.getByRole('link', { name: /^Les: / }).click();
  await expect(page).toHaveURL(/\/modules\/regie\/regie-eindigen-waakvlam$/);
  await context.close();
});

test('a too long query is refused in Dutch with 400; markup in a query stays text; signed out goes to the login', async ({ browser, request }) => {
  const { page, context } = await inviteNewUser(browser);
  const response = await page.goto(`/zoeken?q=${'a'.repeat(101)}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toHaveText('Je zoekvraag is te lang. Gebruik hoogstens 100 tekens.');
  await expect(page.getByLabel('Waar zoek je naar?')).toHaveAttribute('aria-invalid', 'true');

  await page.goto(`/zoeken?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('<img src=x onerror=alert(1)>');
  await context.close();

  const anonymous = await request.get('/zoeken?q=meldcode', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toMatch(/^\/inloggen/);
});
