import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { answerCorrectly, demo, giz, inviteNewUser, login } from './helpers.ts';

// An axe scan takes one to two seconds on a quiet machine and ten or more on a busy one (a CI
// run beside other work timed out at 60 s): these tests get room for that, a hang still fails.
test.describe.configure({ timeout: 150_000 });

async function expectNoViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

test('public pages have no accessibility violations', async ({ page }) => {
  for (const path of ['/', '/inloggen', '/uitnodiging/bestaat-niet', '/geen-toegang', '/pagina-die-niet-bestaat']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  // The login form with errors shown.
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expectNoViolations(page, '/inloggen (met fouten)');
});

test.describe('learner pages have no accessibility violations, before and after answering', () => {
  // One new learner for the whole group, each page its own test: a scan per test keeps every
  // test far from its time limit (16 scans in one test timed out on slow runs).
  let learnerState: Awaited<ReturnType<BrowserContext['storageState']>>;
  let invitationPath: string;
  test.beforeAll(async ({ browser }) => {
    const { context, link } = await inviteNewUser(browser);
    learnerState = await context.storageState();
    invitationPath = link.replace(/^https?:\/\/[^/]+/, '');
    await context.close();
  });
  async function asLearner(browser: Browser, use: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ storageState: learnerState });
    try {
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  const firstQuestion = giz.questions[0];
  const branching = giz.questions.find((q) => q.type === 'branching')!;
  const order = giz.questions.find((q) => q.type === 'order')!;
  const paths = [
    '/modules',
    '/modules/giz',
    ...giz.lessons.map((l) => `/modules/giz/${l.id}`),
    '/modules/giz/vragen',
    `/modules/giz/vragen/${firstQuestion.id}`,
    `/modules/giz/vragen/${order.id}`,
    `/modules/giz/vragen/${branching.id}`,
    '/voortgang',
    '/account/wachtwoord',
    '/zoeken?q=afwegingskader',
    '/begrippen',
  ];
  for (const path of paths) {
    test(path, async ({ browser }) => {
      await asLearner(browser, async (page) => {
        await page.goto(path);
        await expectNoViolations(page, path);
      });
    });
  }
  test('the used invitation link', async ({ browser }) => {
    await asLearner(browser, async (page) => {
      await page.goto(invitationPath);
      await expectNoViolations(page, invitationPath);
    });
  });
  for (const q of [firstQuestion, order, branching]) {
    test(`/modules/giz/vragen/${q.id} (feedback, ${q.type})`, async ({ browser }) => {
      await asLearner(browser, async (page) => {
        await page.goto(`/modules/giz/vragen/${q.id}`);
        await answerCorrectly(page, q);
        await expectNoViolations(page, `/modules/giz/vragen/${q.id} (feedback)`);
      });
    });
  }
});

test('trainer and certificate pages have no accessibility violations', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  await page.goto('/team');
  await expectNoViolations(page, '/team');
  await page.getByRole('button', { name: 'Team aanmaken' }).click();
  await expectNoViolations(page, '/team (formulier met fouten)');
  await page.goto('/voortgang/certificaat/giz');
  await expectNoViolations(page, '/voortgang/certificaat/giz (nog niet afgerond)');
});

test('admin account pages have no accessibility violations, also on a phone', async ({ browser }) => {
  const { context: learnerContext, email } = await inviteNewUser(browser);
  await learnerContext.close();
  for (const viewport of [undefined, { width: 375, height: 740 }]) {
    const context = await browser.newContext(viewport ? { viewport } : {});
    const page = await context.newPage();
    await login(page, demo('admin').email, demo('admin').password);
    await page.goto(`/team/beheer?zoek=${encodeURIComponent(email)}`);
    const accountPath = (await page.getByRole('row').nth(1).getByRole('link').getAttribute('href'))!;
    for (const path of ['/team/beheer', '/team/beheer/uitnodigingen', accountPath]) {
      await page.goto(path);
      if (viewport) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
      } else await expectNoViolations(page, path);
    }
    await context.close();
  }
});

test('the layout works on a phone-sized screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await login(page, demo('learner').email, demo('learner').password);
  for (const path of ['/modules', `/modules/giz/${giz.lessons[0].id}`, `/modules/giz/vragen/${giz.questions[0].id}`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('search and the glossary have no accessibility violations on a phone', async ({ browser }) => {
  // The phone header folds the menu into a strip and the search form stacks: scanned at 320 px.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await login(page, demo('learner').email, demo('learner').password);
  for (const path of ['/zoeken?q=afwegingskader', '/zoeken?q=xylofoonzzq', '/begrippen']) {
    await page.goto(path);
    await expectNoViolations(page, `${path} (320 px)`);
  }
  await context.close();
});

test('trainer team pages have no accessibility violations', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  await page.goto('/team');
  await page.getByLabel('Naam van het team').fill(`A11y-team ${Date.now()}`);
  await page.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamUrl = new URL(page.url()).pathname;
  await page.goto(`${teamUrl}/uitnodigen`);
  await page.getByLabel('Lijst met collega’s').fill(`Goed Adres,a11y-${Date.now()}@gemeente.nl\nFout,fout`);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expectNoViolations(page, `${teamUrl}/uitnodigen (voorbeeld)`);
  for (const path of [teamUrl, `${teamUrl}/leerpaden`, '/team/analyse/giz', '/team/voorbeeld/giz']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

test('refresh pages have no accessibility violations', async ({ browser }) => {
  const { page: learner, context } = await inviteNewUser(browser);
  for (const path of ['/herhalen', '/modules/giz/instaptoets']) {
    await learner.goto(path);
    await expectNoViolations(learner, path);
  }
  await learner.getByRole('button', { name: 'Start de instaptoets' }).click();
  await expectNoViolations(learner, '/modules/giz/instaptoets (gestart)');
  await context.close();
});
