// A learner's day (issue 18), through the pages as a learner uses them: the welcome with "Begin
// hier" on a first visit and "Ga verder" after, the side column "In deze les" on desktop and
// folded on a phone (without JavaScript), the completion screen after the toets that completes a
// module, "Jouw keuze" and "Juist antwoord" marked in words and icons in feedback, ISO dates in the
// data download, and axe on the new pages at desktop and phone width.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { nextModule } from '../../src/lib/progress/next-module.ts';
import { recommendedStarts } from '../../src/lib/progress/start-here.ts';
import { answerWrongly, completeLessons, course, giz, inviteNewUser, takeToets } from './helpers.ts';

// Each test runs two axe scans; a scan takes seconds on a quiet machine and a minute or more on a
// busy one, so the tests get room for that (a hang still fails).
test.describe.configure({ timeout: 400_000 });

const learnerCourse = course.filter((m) => !m.meta.draft);
const advice = recommendedStarts(learnerCourse.map((m) => ({ id: m.meta.id, order: m.meta.order, audience: m.meta.audience })));
const titleOf = (id: string) => learnerCourse.find((m) => m.meta.id === id)!.meta.title;
const PHONE = { width: 390, height: 844 };

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client);
}

test('a first visit gets a welcome with "Begin hier"; once started, "Ga verder" takes its place', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser);
  expect(advice.newStaff).not.toBeNull();
  expect(advice.experienced).not.toBeNull();
  const welcome = page.getByRole('region', { name: 'Welkom bij de Leergang Toegang' });
  await expect(welcome).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ga verder' })).toHaveCount(0);
  await expectNoViolations(page, '/modules (welkom, desktop)');
  await page.setViewportSize(PHONE);
  await expectNoViolations(page, '/modules (welkom, 390 px)');
  await expectNoSidewaysScroll(page, '/modules (welkom)');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Experienced staff: to the check-in of the first module meant for them.
  await expect(welcome.getByText(titleOf(advice.experienced!), { exact: false })).toBeVisible();
  await welcome.getByRole('link', { name: 'Naar de instaptoets' }).click();
  await expect(page.getByRole('heading', { name: `Instaptoets: ${titleOf(advice.experienced!)}`, level: 1 })).toBeVisible();

  // New staff: "Begin hier" opens the first module for new colleagues.
  await page.goto('/modules');
  await welcome.getByRole('link', { name: 'Begin hier' }).click();
  await expect(page).toHaveURL(new RegExp(`/modules/${advice.newStaff}$`));
  await expect(page.getByRole('heading', { name: titleOf(advice.newStaff!), level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Beginnen' }).click();
  const firstLesson = learnerCourse.find((m) => m.meta.id === advice.newStaff)!.lessons[0];
  await expect(page.getByRole('heading', { name: firstLesson.title, level: 1 })).toBeVisible();

  // Started: no welcome, "Ga verder" back to that lesson, and honest counts.
  await page.goto('/modules');
  await expect(page.getByRole('region', { name: 'Welkom bij de Leergang Toegang' })).toHaveCount(0);
  const going = page.getByRole('region', { name: 'Ga verder' });
  await expect(going).toContainText(`Je was bezig met ${titleOf(advice.newStaff!)}.`);
  await expect(going.getByRole('link', { name: `Ga verder: ${titleOf(advice.newStaff!)}` })).toHaveAttribute(
    'href',
    `/modules/${advice.newStaff}/${firstLesson.id}`,
  );
  await expect(going).toContainText(`0 van ${learnerCourse.length} modules afgerond`);
  await expect(going).toContainText('1 dag op rij geleerd');
  await expect(going).toContainText('0 vragen herhaald in de afgelopen 7 dagen');
  await context.close();
});

test('a lesson has a side column "In deze les" on desktop, folded above the text at 390 px, without JavaScript', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser, 'learner', { javaScriptEnabled: false });
  const lesson = giz.lessons[0];
  const lessonQuestions = giz.questions.filter((q) => q.lesson === lesson.id);
  await page.goto(`/modules/giz/${lesson.id}`);
  const aside = page.getByRole('complementary', { name: 'In deze les' });
  await expect(aside).toBeVisible();
  // The lesson's sections as links to its headings, in order.
  const headingTexts = (await page.locator('article.lesson-body > h2').allInnerTexts()).map((s) => s.trim());
  expect(headingTexts.length).toBeGreaterThan(2);
  const links = aside.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link');
  expect((await links.allInnerTexts()).map((s) => s.trim())).toEqual(headingTexts);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    await expect(page.locator(`article.lesson-body > h2${href}`)).toHaveCount(1);
  }
  await expect(aside).toContainText(`Vragen bij deze les beantwoord: 0 van ${lessonQuestions.length}`);
  const moduleMinutes = giz.lessons.reduce((sum, l) => sum + l.minutes, 0);
  await expect(aside).toContainText(`Nog ongeveer ${moduleMinutes} minuten lezen in deze module`);
  // Beside the text, which keeps a readable measure.
  const text = (await page.locator('article.lesson-body').boundingBox())!;
  const side = (await aside.boundingBox())!;
  expect(side.x).toBeGreaterThanOrEqual(text.x + text.width);
  expect(text.width).toBeLessThanOrEqual(720);
  await expect(page.locator('details.lesson-aside-compact')).toBeHidden();

  // A phone: the side column folds into a <details> above the text; no sideways scrolling.
  await page.setViewportSize(PHONE);
  await expect(aside).toBeHidden();
  const folded = page.locator('details.lesson-aside-compact');
  await expect(folded).toBeVisible();
  await expect(folded).not.toHaveAttribute('open');
  const foldedBox = (await folded.boundingBox())!;
  expect(foldedBox.y).toBeLessThan((await page.locator('article.lesson-body').boundingBox())!.y);
  await expectNoSidewaysScroll(page, 'the lesson at 390 px');
  await folded.locator('summary').click();
  await expect(folded.getByRole('link', { name: headingTexts[1] })).toBeVisible();
  await folded.getByRole('link', { name: headingTexts[1] }).click();
  await expect(page).toHaveURL(/#.+/);
  await expectNoSidewaysScroll(page, 'the lesson at 390 px, side column open');

  // axe runs its script in the page, so the scans use a second window of the same person with JavaScript on.
  const scanContext = await browser.newContext({ storageState: await context.storageState() });
  const scan = await scanContext.newPage();
  await scan.goto(`/modules/giz/${lesson.id}`);
  await expectNoViolations(scan, `/modules/giz/${lesson.id} (desktop)`);
  await scan.setViewportSize(PHONE);
  await scan.locator('details.lesson-aside-compact summary').click();
  await expectNoViolations(scan, `/modules/giz/${lesson.id} (390 px, side column open)`);
  await scanContext.close();
  await context.close();
});

test('the toets that completes a module leads to a completion screen with what was achieved and what is next', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser);
  await page.goto('/modules/giz');
  await completeLessons(page, giz);
  expect(await takeToets(page, giz, 'goed')).toEqual({ passed: true, score: 100 });
  await expect(page).toHaveURL(/\/modules\/giz\/afgerond\?poging=\d+$/);
  await expect(page.getByRole('heading', { name: `Module afgerond: ${giz.meta.title}`, level: 1 })).toBeVisible();
  await expect(page.getByText('Je hebt de module afgerond.')).toBeVisible();

  const achieved = page.getByRole('region', { name: 'Wat je hebt bereikt' });
  for (const goal of giz.meta.goals) await expect(achieved.getByText(goal, { exact: true })).toBeVisible();
  await expect(achieved.getByRole('definition').first()).toHaveText('100%');
  await expect(achieved).toContainText('Gemeten studietijd');

  const next = nextModule(
    learnerCourse.map((m) => ({ id: m.meta.id, completed: m.meta.id === 'giz' })),
    [],
  )!;
  const whatNext = page.getByRole('region', { name: 'Wat nu?' });
  await expect(whatNext.getByRole('link', { name: `Begin aan ${titleOf(next.moduleId)}` })).toHaveAttribute('href', new RegExp(`^/modules/${next.moduleId}/`));
  await expect(whatNext.getByRole('link', { name: 'Naar Herhalen' })).toHaveAttribute('href', '/herhalen');
  await expect(whatNext.getByRole('link', { name: 'Bekijk je certificaat' })).toHaveAttribute('href', '/voortgang/certificaat/giz');

  const counts = page.getByRole('region', { name: 'Zo ver ben je' });
  await expect(counts).toContainText(`1 van ${learnerCourse.length} modules afgerond`);
  await expect(counts).toContainText('1 dag op rij geleerd');
  await expectNoViolations(page, '/modules/giz/afgerond (desktop)');
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page, '/modules/giz/afgerond');
  await expectNoViolations(page, '/modules/giz/afgerond (390 px)');
  await page.setViewportSize({ width: 1280, height: 720 });

  // The feedback on the toets is one link away, and the module page links back here.
  await page.getByRole('link', { name: 'Bekijk de feedback op je toets' }).click();
  await expect(page.locator('#uitslag')).toContainText('Gehaald');
  await page.goto('/modules/giz');
  await page.getByRole('link', { name: 'Wat je hebt bereikt' }).click();
  await expect(page.getByRole('heading', { name: `Module afgerond: ${giz.meta.title}`, level: 1 })).toBeVisible();
  await context.close();
});

test('feedback marks "Jouw keuze" and "Juist antwoord" with a word and an icon, in every question type', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser);
  const marksOf = async (item: ReturnType<Page['locator']>) =>
    (await item.locator('.mark').allInnerTexts()).map((s) =>
      s
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^([✓✗➜])\s*/, '$1 '),
    );

  for (const type of ['single', 'multiple'] as const) {
    const q = giz.questions.find((x) => x.type === type)!;
    if (q.type !== 'single' && q.type !== 'multiple') throw new Error(type);
    await page.goto(`/modules/giz/vragen/${q.id}`);
    await answerWrongly(page, q);
    const card = page.locator(`#vraag-${q.id} .feedback`);
    const wrong = q.options.find((o) => !o.correct)!;
    const chosenItem = card.locator('.feedback-item', { hasText: wrong.text });
    expect(await marksOf(chosenItem)).toEqual(['✗ Jouw keuze']);
    for (const right of q.options.filter((o) => o.correct)) {
      expect(await marksOf(card.locator('.feedback-item', { hasText: right.text }))).toEqual(['✓ Juist antwoord']);
    }
  }

  const order = giz.questions.find((x) => x.type === 'order')!;
  await page.goto(`/modules/giz/vragen/${order.id}`);
  await answerWrongly(page, order);
  const orderFeedback = page.locator(`#vraag-${order.id} .feedback`);
  await expect(orderFeedback.locator('.mark-choice').first()).toHaveText(/Jouw keuze/);
  await expect(orderFeedback.locator('.marks .mark-right')).toHaveText(/✓\s*Juist antwoord/);
  await expect(orderFeedback.locator('.mark-wrong', { hasText: /hoort op plek \d/ }).first()).toBeVisible();

  const branching = giz.questions.find((x) => x.type === 'branching')!;
  if (branching.type !== 'branching') throw new Error('branching');
  await page.goto(`/modules/giz/vragen/${branching.id}`);
  await answerWrongly(page, branching);
  const step = page.locator(`#vraag-${branching.id} .feedback .branch-step`).first();
  const start = branching.nodes.find((n) => n.id === branching.start)!;
  await expect(step.locator('.mark-choice')).toHaveText(/Jouw keuze/);
  await expect(step.locator('p', { has: page.locator('.mark-right') })).toContainText(start.choices.find((c) => c.quality === 'goed')!.text);
  await context.close();
});

test('the data download writes dates as ISO date-times in Dutch time, not epoch milliseconds', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser);
  await page.goto(`/modules/giz/${giz.lessons[0].id}`);
  const response = await page.request.get('/account/gegevens.json');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toMatch(/":\s*\d{13}\b/);
  const data = JSON.parse(text);
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;
  expect(data.account.createdAt).toMatch(iso);
  expect(data.gemaaktOp).toMatch(iso);
  expect(data.lesgebeurtenissen[0].at).toMatch(iso);
  await context.close();
});
