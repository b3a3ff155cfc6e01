// Every module of the course can be completed by a learner who reads it and answers correctly.
import { expect, test } from '@playwright/test';
import { answerCorrectly, course, inviteNewUser } from './helpers.ts';

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
      await page.getByRole('button', { name: last ? 'Les afronden en naar de toetsvragen' : 'Les afronden en verder' }).click();
    }
    for (const q of mod.questions) {
      await page.goto(`/modules/${mod.meta.id}/vragen/${q.id}`);
      await answerCorrectly(page, q);
    }
    await page.goto(`/modules/${mod.meta.id}`);
    await expect(page.getByText(/Afgerond op .* met een score van 100%/)).toBeVisible();
    await page.goto(`/voortgang/certificaat/${mod.meta.id}`);
    await expect(page.locator('.certificate')).toContainText(mod.meta.title);
    await context.close();
  });
}
