// Issue 18, "Accessibility findings from independent checkers" and the phone items of "Learners":
// every page reflows at 320 px (WCAG 1.4.10) and has one h1, a meta description and a short
// <title>; the footer is a nav with a list; a team page with its "Toon als tabel" tables opened
// passes axe on desktop and phone, its scrolling tables are keyboard-reachable and its chart
// labels are readable; the accessibility statement shows the configured organisation, date and
// contact; the header stays small on a phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { shortTitleOf } from '../../src/lib/content/short-title.ts';
import { routePatternsOnDisk } from '../helpers/routes.ts';
import { STATEMENT_DATE_SHOWN, STATEMENT_ENV } from './statement-settings.ts';
import { answerCorrectly, answerWrongly, completeLessons, course, demo, e2eQuery, giz, login, shiftReviewsBack, takeToets } from './helpers.ts';

// Like a11y.spec.ts: room for a busy machine, a hang still fails.
test.describe.configure({ timeout: 150_000 });

/** The longest <title> a page may have (what a browser tab, a bookmark and a screen reader announce first). */
const MAX_TITLE = 65;
/** The header's height at 390 × 844 (measured for a learner: 246 px before issue 18, 98 px after). */
const MAX_HEADER_PX = 120;
const PHONE = { width: 320, height: 640 };
const { ORGANISATION_NAME: ORGANISATION, ACCESSIBILITY_CONTACT: CONTACT } = STATEMENT_ENV;

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
type Who = 'anoniem' | 'professional' | 'opleider' | 'beheerder';

/**
 * Every route on disk with who opens it and the sample paths to load; null for routes that are
 * not pages (POST handlers, downloads, redirects). A page added without a line here fails.
 */
function routeTable(s: { teamId: string; userId: string; invitation: string }): Record<string, { who: Who; paths: string[] } | null> {
  const learner = (...paths: string[]) => ({ who: 'professional' as const, paths });
  const trainer = (...paths: string[]) => ({ who: 'opleider' as const, paths });
  const admin = (...paths: string[]) => ({ who: 'beheerder' as const, paths });
  const anonymous = (...paths: string[]) => ({ who: 'anoniem' as const, paths });
  const team = `/team/${s.teamId}`;
  return {
    '/': anonymous('/'),
    '/404': anonymous('/404'),
    '/500': null, // only shown for a real error
    '/inloggen': anonymous('/inloggen'),
    '/inloggen/organisatie': null, // a redirect to the OpenID provider
    '/inloggen/organisatie/terug': anonymous('/inloggen/organisatie/terug'),
    '/geen-toegang': anonymous('/geen-toegang'),
    '/privacy': anonymous('/privacy'),
    '/toegankelijkheid': anonymous('/toegankelijkheid'),
    '/certificaat/controleren': anonymous('/certificaat/controleren'),
    '/certificaat/controleren/[code]': anonymous('/certificaat/controleren/ABCD-EFGH-JKMN-PQRS-TVWX'), // unknown: the 404 with the form
    '/uitnodiging/[token]': anonymous(s.invitation, '/uitnodiging/bestaat-niet'),
    '/wachtwoord-vergeten': anonymous('/wachtwoord-vergeten'),
    '/wachtwoord-herstellen/[token]': anonymous('/wachtwoord-herstellen/bestaat-niet'),
    '/uitloggen': null,
    '/modules': learner('/modules'),
    '/modules/[module]': learner(...course.filter((m) => !m.meta.draft).map((m) => `/modules/${m.meta.id}`)),
    '/modules/[module]/[lesson]': learner(...giz.lessons.map((l) => `/modules/giz/${l.id}`)),
    '/modules/[module]/instaptoets': learner('/modules/giz/instaptoets'),
    '/modules/[module]/toets': learner('/modules/giz/toets'),
    '/modules/[module]/afgerond': learner('/modules/giz/afgerond'),
    '/modules/[module]/vragen': learner('/modules/giz/vragen'),
    '/modules/[module]/vragen/[question]': learner(...giz.questions.map((q) => `/modules/giz/vragen/${q.id}`)),
    '/antwoord': null,
    '/reflectie': null,
    '/api/antwoorden': null,
    '/herhalen': learner('/herhalen'),
    '/zoeken': learner('/zoeken', '/zoeken?q=afwegingskader'),
    '/begrippen': learner('/begrippen'),
    '/voortgang': learner('/voortgang'),
    '/voortgang/certificaat/[module]': learner('/voortgang/certificaat/giz'),
    '/account/gegevens': learner('/account/gegevens'),
    '/account/gegevens.json': null,
    '/account/herinneringen': null, // a redirect to the reminder setting on /account/gegevens
    '/account/wachtwoord': learner('/account/wachtwoord'),
    '/uitnodigingen': learner('/uitnodigingen'),
    '/team': trainer('/team'),
    '/team/[team]': trainer(team, `${team}?status=bezig`),
    '/team/[team]/export.csv': null,
    '/team/[team]/leerpaden': trainer(`${team}/leerpaden`),
    '/team/[team]/uitnodigen': trainer(`${team}/uitnodigen`),
    '/team/[team]/professional/[user]': trainer(`${team}/professional/${s.userId}`),
    '/team/analyse/[module]': trainer(...course.map((m) => `/team/analyse/${m.meta.id}`)),
    '/team/voorbeeld/[module]': trainer('/team/voorbeeld/giz'),
    '/team/beheer': admin('/team/beheer'),
    '/team/beheer/uitnodigingen': admin('/team/beheer/uitnodigingen'),
    '/team/beheer/[user]': admin(`/team/beheer/${s.userId}`),
    '/team/beheer/[user]/gegevens.json': null,
    '/team/beheer/[user]/verwijderen': null,
    '/team/beheer/[user]/herstellink': admin(`/team/beheer/${s.userId}/herstellink`),
  };
}

/** What is wrong with the page in view at the current width, one line per finding. */
async function findings(page: Page, path: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const description = document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim() ?? '';
    const footerNav = document.querySelector('footer nav[aria-label]');
    return {
      overflow: root.scrollWidth - root.clientWidth,
      h1: document.querySelectorAll('h1').length,
      description,
      title: document.title,
      footerList: footerNav !== null && footerNav.querySelectorAll('ul > li > a').length >= 2,
    };
  });
  const problems: string[] = [];
  if (found.overflow > 0) problems.push(`${path}: scrolls sideways by ${found.overflow} px`);
  if (found.h1 !== 1) problems.push(`${path}: ${found.h1} h1 elements`);
  if (found.description.length < 20) problems.push(`${path}: no meta description`);
  if (found.title.length > MAX_TITLE) problems.push(`${path}: <title> of ${found.title.length} characters: ${found.title}`);
  if (!found.footerList) problems.push(`${path}: footer links are not a labelled nav with a list`);
  return problems;
}

test.describe('every page at 320 px: no sideways scrolling, one h1, a description, a short title', () => {
  const states: Partial<Record<Who, State>> = {};
  let table: ReturnType<typeof routeTable>;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    const { teamId, memberState, memberId, invitation } = await teamWithProgress(browser);
    table = routeTable({ teamId, userId: memberId, invitation });
    states.professional = memberState;
    for (const [who, role] of [
      ['opleider', 'trainer'],
      ['beheerder', 'admin'],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await login(page, demo(role).email, demo(role).password);
      states[who] = await context.storageState();
      await context.close();
    }
  });

  test('every route on disk is in this test', () => {
    expect(Object.keys(table).sort(), 'every route on disk has a line in routeTable').toEqual(routePatternsOnDisk());
  });

  for (const who of ['anoniem', 'professional', 'opleider', 'beheerder'] as const) {
    test(`pages for ${who}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: PHONE, storageState: states[who] });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const entry of Object.values(table)) {
        if (entry?.who !== who) continue;
        for (const path of entry.paths) {
          await page.goto(path);
          problems.push(...(await findings(page, path)));
        }
      }
      // A trainer's dashboard also with its chart tables opened.
      if (who === 'opleider') {
        const team = table['/team/[team]']!.paths[0];
        await page.goto(team);
        for (const summary of await page.getByText('Toon als tabel').all()) await summary.click();
        problems.push(...(await findings(page, `${team} (tabellen open)`)));
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

test('on a phone a wide table shows that it scrolls: a shadow at the edge with more columns', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await login(page, demo('learner').email, demo('learner').password);
  await page.goto('/voortgang');
  const region = page.getByRole('region', { name: 'Mijn voortgang' });
  await expect(region).toHaveAttribute('tabindex', '0');
  const cue = await region.evaluate((e) => ({ scrolls: e.scrollWidth > e.clientWidth, background: getComputedStyle(e).backgroundImage }));
  expect(cue.scrolls, 'the progress table is wider than a 320 px screen').toBe(true);
  expect(cue.background, 'a shadow shows the hidden columns').toMatch(/gradient/);
  await context.close();
});

/**
 * A trainer's team with one member who finished GIZ with its toets and forgot a question in review
 * (so "Vaakst vergeten vragen" has a row), and an unused invitation link.
 */
async function teamWithProgress(browser: Browser) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Reflowteam ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamId = new URL(trainer.url()).pathname.split('/')[2];
  await trainer.goto(`/team/${teamId}/uitnodigen`);
  const email = `reflow-${stamp}@gemeente.nl`;
  const waiting = `reflow-wacht-${stamp}@gemeente.nl`;
  await trainer.getByLabel('Lijst met collega’s').fill(`Maximiliaan Verhoeven-Schoonderwoerd;${email}\nNog Niet Begonnen;${waiting}`);
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '2 uitnodigingen maken' }).click();
  const link = await trainer.getByLabel(`Link ${email}`).inputValue();
  const invitation = new URL(await trainer.getByLabel(`Link ${waiting}`).inputValue()).pathname;
  await trainerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page).toHaveURL(/\/modules$/);
  await completeLessons(page, giz);
  expect((await takeToets(page, giz, 'goed')).passed).toBe(true);
  // Right in practice, wrong once it is due again: a forgotten question.
  const q = giz.questions.find((x) => x.type === 'single')!;
  await page.goto(`/modules/giz/vragen/${q.id}?opnieuw=${q.id}`);
  await answerCorrectly(page, q);
  await shiftReviewsBack(email, 4);
  await page.goto(`/modules/giz/vragen/${q.id}?opnieuw=${q.id}`);
  await answerWrongly(page, q);
  const [{ id: memberId }] = (await e2eQuery('select id from users where email = ?', [email])) as unknown as { id: string }[];
  const memberState = await context.storageState();
  await context.close();
  return { teamId, memberId: String(memberId), memberState, invitation };
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a team page with its tables opened passes axe on desktop and at 320 px; its tables and charts work there', async ({ browser }) => {
  test.setTimeout(240_000);
  const { teamId } = await teamWithProgress(browser);
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // An admin: /team shows the forgotten questions of everyone to an admin only.
    await login(page, demo('admin').email, demo('admin').password);
    for (const path of [`/team/${teamId}`, '/team']) {
      await page.goto(path);
      const label = `${path} at ${viewport.width} px`;
      // The forgotten questions have a row (this member forgot one).
      await expect(page.getByRole('region', { name: 'Vaakst vergeten vragen' }), label).toBeVisible();
      for (const summary of await page.getByText('Toon als tabel').all()) await summary.click();
      expect(await axeViolations(page), `axe on ${label}`).toEqual([]);
      // Every sideways-scrolling box is a named region a keyboard reaches.
      const boxes = await page.locator('main *').evaluateAll((elements) =>
        elements
          .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
          .map((e) => ({
            name: e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby') ?? '',
            tabindex: e.getAttribute('tabindex'),
            role: e.getAttribute('role'),
          })),
      );
      for (const box of boxes) expect(box, `a scrolling box on ${label}`).toMatchObject({ tabindex: '0', role: 'region', name: expect.stringMatching(/\S/) });
      expect(
        await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth),
        `${label} scrolls sideways`,
      ).toBeLessThanOrEqual(0);
    }
    // The dashboard's tables, the charts' data tables among them, are regions named after their table.
    await page.goto(`/team/${teamId}`);
    for (const summary of await page.getByText('Toon als tabel').all()) await summary.click();
    for (const name of ['Afgerond per module', 'Afgeronde modules in de afgelopen 12 weken (percentage van alles)', 'Voortgang per professional'])
      await expect(page.getByRole('region', { name }).first()).toBeVisible();
    // Chart labels: at least 12 px high on screen, never cut off with an ellipsis.
    const labels = await page
      .locator('.chart [data-chart-label]')
      .evaluateAll((elements) =>
        elements.map((e) => ({ text: e.textContent?.trim() ?? '', height: e.getBoundingClientRect().height, clipped: e.scrollWidth > e.clientWidth + 1 })),
      );
    expect(labels.length, `chart labels at ${viewport.width} px`).toBeGreaterThan(0);
    for (const l of labels) {
      expect(l.height, `"${l.text}" at ${viewport.width} px`).toBeGreaterThanOrEqual(12);
      expect(l.text, `"${l.text}" is whole`).not.toMatch(/…$/);
      expect(l.clipped, `"${l.text}" is not cut off`).toBe(false);
    }
    const moduleTitles = await page.locator('.chart [data-chart-label]').allTextContents();
    // The chart names each module by its short label (shortTitle); the full title is in its table.
    for (const m of course.filter((x) => !x.meta.draft)) expect(moduleTitles.map((x) => x.trim())).toContain(shortTitleOf(m.meta));
    await context.close();
  }
});

test('a question page has exactly one h1: the question', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, demo('learner').email, demo('learner').password);
  const q = giz.questions[0];
  await page.goto(`/modules/giz/vragen/${q.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q.title);
  await expect(page.locator('h1')).toHaveCount(1);
  // The footer: a labelled navigation with its links in a list.
  const footer = page.getByRole('contentinfo').getByRole('navigation');
  await expect(footer.getByRole('listitem')).toHaveCount(3);
  await expect(footer.getByRole('link', { name: 'Toegankelijkheid' })).toBeVisible();
  await context.close();
});

test('the accessibility statement names the organisation, its date and a direct contact', async ({ page }) => {
  await page.goto('/toegankelijkheid');
  const main = page.getByRole('main');
  await expect(main).toContainText(ORGANISATION);
  await expect(main).toContainText(STATEMENT_DATE_SHOWN);
  await expect(main.getByRole('link', { name: CONTACT })).toHaveAttribute('href', `mailto:${CONTACT}`);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize(PHONE);
  expect(
    await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth),
    '/toegankelijkheid at 320 px',
  ).toBeLessThanOrEqual(0);
});

test('on a 390 × 844 phone the header stays small, its menus work without JavaScript and pass axe', async ({ browser }) => {
  for (const role of ['learner', 'admin'] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, demo(role).email, demo(role).password);
    await page.goto('/modules');
    const height = (await page.locator('.site-header').boundingBox())!.height;
    console.log(`header height at 390×844 for ${role}: ${Math.round(height)} px`);
    expect(height, `header height for ${role}`).toBeLessThanOrEqual(MAX_HEADER_PX);
    // Every menu item is there and reachable; the account menu opens without JavaScript.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Mijn voortgang' })).toBeAttached();
    await page.getByText('Account', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Wachtwoord wijzigen' })).toBeVisible();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByRole('link', { name: 'Inloggen' }).first()).toBeVisible();
    await context.close();
  }
  // axe runs as a script in the page: with JavaScript on, the account menu opened.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, demo('admin').email, demo('admin').password);
  await page.getByText('Account', { exact: true }).click();
  expect(await axeViolations(page), 'axe on /modules at 390 px with the account menu open').toEqual([]);
  await context.close();
});
