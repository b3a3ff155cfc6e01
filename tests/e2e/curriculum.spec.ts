// Every module of the course can be completed by a learner who reads it and knows the answers:
// lessons, then the afsluitende toets, then the certificate with the toets score and date.
import { expect, test } from '@playwright/test';
import { course, inviteNewUser, takeToets } from './helpers.ts';

test.describe.configure({ mode: 'parallel' });

for (const mod of course) {
  test(`module ${mod.meta.id} can be completed from start to certificate`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { page, context } = await inviteNewUser(browser);
    await page.goto(`/modules/${mod.meta.id}`);
    await page.getByRole('link', { name: 'Beginnen' }).click();
    for (const [index, lesson] of mod.lessons.entries()) {
      await expect(page.getByRole('heading', { name: lesson.title, level: 1 })).toBeVisible();
      await expect(page.locator('.bron').first()).toBeVisible();
      const last = index === mod.lessons.length - 1;
      await page.getByRole('button', { name: last ? 'Les afronden en naar de toets' : 'Les afronden en verder' }).click();
    }
    await expect(page).toHaveURL(new RegExp(`/modules/${mod.meta.id}/toets$`));
    const result = await takeToets(page, mod, 'goed');
    expect(result).toEqual({ passed: true, score: 100 });
    await expect(page.getByText('Je hebt de module afgerond.')).toBeVisible();
    await page.goto(`/modules/${mod.meta.id}`);
    await expect(page.getByText(/Afgerond op .* met een score van 100%/)).toBeVisible();
    await page.goto(`/voortgang/certificaat/${mod.meta.id}`);
    await expect(page.locator('.certificate')).toContainText(mod.meta.title);
    await expect(page.locator('.certificate')).toContainText('inclusief de afsluitende toets (score 100%');
    await expect(page.locator('.certificate')).toContainText('Datum van de toets');
    await context.close();
  });
}
