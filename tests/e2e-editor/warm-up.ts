// Before the content-editor tests: one visit to the site and to the editor on the fresh dev
// server. A dev server without Vite's dependency cache (every CI run: a fresh clone) bundles the
// browser's dependencies on the first visits and then reloads every open page; a test that was
// filling in a form at that moment lost its input (seen in CI: the sign-in form sent empty). So
// the warm-up signs in, opens the editor, and waits until the page has stayed put for 5 s.
import { chromium, expect, type FullConfig } from '@playwright/test';
import { demo, login } from '../e2e/helpers.ts';

export default async function warmUp(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ baseURL });
  let lastNavigation = Date.now();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) lastNavigation = Date.now();
  });
  await expect(() => login(page, demo('trainer').email, demo('trainer').password)).toPass({ timeout: 180_000 });
  await expect(async () => {
    await page.goto('/keystatic/singleton/giz-questions');
    await expect(page.getByRole('grid', { name: 'Vragen' })).toBeVisible({ timeout: 60_000 });
  }).toPass({ timeout: 180_000 });
  await expect.poll(() => Date.now() - lastNavigation, { timeout: 120_000, intervals: [500] }).toBeGreaterThan(5_000);
  await browser.close();
}
