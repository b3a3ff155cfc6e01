// Shared steps for the browser tests: they act as users do, through the pages.
import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { loadCourse } from '../../src/lib/content/load-course.ts';
import type { BranchingQuestion, Question } from '../../src/lib/content/schemas.ts';
import type { Tokenizer } from '../../src/lib/quiz/option-tokens.ts';
import { tokensOf } from '../helpers/wire.ts';

export const demo = (role: 'admin' | 'trainer' | 'learner') => DEMO_ACCOUNTS.find((a) => a.role === role)!;

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('Werk-e-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}

let counter = 0;

/** An admin invites a new colleague through /team; the colleague accepts in a fresh browser. */
export async function inviteNewUser(browser: Browser, role: 'learner' | 'trainer' = 'learner', options: { javaScriptEnabled?: boolean } = {}) {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  const email = `nieuw-${Date.now()}-${++counter}-${Math.floor(Math.random() * 1e6)}@gemeente.nl`;
  await admin.goto('/team/beheer');
  await admin.getByLabel('Werk-e-mailadres van de collega').fill(email);
  await admin.locator('#veld-role').selectOption(role); // the invitation's role; the filter above has a 'Rol' too
  await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const link = await admin.getByLabel('Uitnodigingslink').inputValue();
  await adminContext.close();

  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const name = `Sam Testpersoon ${counter}`;
  const password = 'een-goed-wachtwoord-2026';
  await page.goto(link);
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('Kies een wachtwoord').fill(password);
  await page.getByLabel('Herhaal het wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page).toHaveURL(/\/modules$/);
  return { context, page, email, name, password, link };
}

export const course = loadCourse('content').modules;
export const giz = course.find((m) => m.meta.id === 'giz')!;

/** The best path through a branching case: every choice "goed". */
export function bestPath(q: BranchingQuestion): string[] {
  const path: string[] = [];
  let node = q.nodes.find((n) => n.id === q.start)!;
  for (;;) {
    const choice = node.choices.find((c) => c.quality === 'goed')!;
    path.push(choice.id);
    if (!choice.next) return path;
    node = q.nodes.find((n) => n.id === choice.next)!;
  }
}

export function optionText(q: Question, id: string): string {
  if (q.type === 'single' || q.type === 'multiple') return q.options.find((o) => o.id === id)!.text;
  throw new Error('not a choice question');
}

/** Answers a question correctly in the browser, whatever its type. */
export async function answerCorrectly(page: Page, q: Question): Promise<void> {
  const card = page.locator(`#vraag-${q.id}`);
  if (q.type === 'single' || q.type === 'multiple') {
    for (const o of q.options.filter((o) => o.correct)) await card.getByLabel(o.text, { exact: true }).check();
    await card.getByRole('button', { name: 'Antwoord controleren' }).click();
  } else if (q.type === 'order') {
    for (const [index, item] of q.items.entries()) {
      await card.getByRole('combobox', { name: `Positie van: ${item.text}` }).selectOption(String(index + 1));
    }
    await card.getByRole('button', { name: 'Antwoord controleren' }).click();
  } else {
    let node = q.nodes.find((n) => n.id === q.start)!;
    for (const choiceId of bestPath(q)) {
      const choice = node.choices.find((c) => c.id === choiceId)!;
      await page.locator(`#vraag-${q.id}`).getByLabel(choice.text, { exact: true }).check();
      await page.locator(`#vraag-${q.id}`).getByRole('button', { name: 'Antwoord controleren' }).click();
      if (choice.next) node = q.nodes.find((n) => n.id === choice.next)!;
      else break;
      await expect(page.locator(`#vraag-${q.id}`).getByText(choice.consequence)).toBeVisible();
    }
  }
  await expect(page.locator(`#vraag-${q.id} .verdict`)).toContainText('Goed');
}

/** Answers a question wrongly in the browser, whatever its type. */
export async function answerWrongly(page: Page, q: Question): Promise<void> {
  const card = () => page.locator(`#vraag-${q.id}`);
  if (q.type === 'single' || q.type === 'multiple') {
    await card()
      .getByLabel(q.options.find((o) => !o.correct)!.text, { exact: true })
      .check();
    await card().getByRole('button', { name: 'Antwoord controleren' }).click();
  } else if (q.type === 'order') {
    const reversed = [...q.items].reverse();
    for (const [index, item] of reversed.entries()) {
      await card()
        .getByRole('combobox', { name: `Positie van: ${item.text}` })
        .selectOption(String(index + 1));
    }
    await card().getByRole('button', { name: 'Antwoord controleren' }).click();
  } else {
    let node = q.nodes.find((n) => n.id === q.start)!;
    for (;;) {
      const choice = node.choices.find((c) => c.quality !== 'goed')!;
      await card().getByLabel(choice.text, { exact: true }).check();
      await card().getByRole('button', { name: 'Antwoord controleren' }).click();
      if (!choice.next || choice.redLine) break;
      node = q.nodes.find((n) => n.id === choice.next)!;
    }
  }
  await expect(card().locator('.verdict')).not.toContainText(/^Goed/);
}

/** The e2e server's database: its URL is chosen per run in playwright.config.ts. */
function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL ontbreekt: start de browsertests met npm run test:e2e');
  return url;
}

/** The e2e server's database, for tests that move time forward ("three days later"). */
export async function shiftReviewsBack(email: string, days: number): Promise<void> {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: e2eDatabaseUrl() });
  const ms = days * 24 * 60 * 60 * 1000;
  await client.execute({
    sql: 'update review_items set due_at = due_at - ?, updated_at = updated_at - ? where user_id = (select id from users where email = ?)',
    args: [ms, ms, email],
  });
  client.close();
}

/** Direct read access to the e2e server's database, for checks a page cannot show. */
export async function e2eQuery(sql: string, args: (string | number)[] = []) {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: e2eDatabaseUrl(), timeout: 5000 });
  try {
    return (await client.execute({ sql, args })).rows;
  } finally {
    client.close();
  }
}

/**
 * A person's option tokens, as their pages carry them: for tests that post to /api/antwoorden
 * directly, as a client script would after reading the page.
 */
export async function tokensFor(email: string): Promise<Tokenizer> {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: e2eDatabaseUrl(), timeout: 5000 });
  try {
    return await tokensOf(client, email);
  } finally {
    client.close();
  }
}

/** Completes every lesson of a module as its last button does (a form post per lesson). */
export async function completeLessons(page: Page, mod: { meta: { id: string }; lessons: { id: string }[] }): Promise<void> {
  const origin = new URL(page.url()).origin;
  for (const lesson of mod.lessons) {
    const response = await page.request.post(`/modules/${mod.meta.id}/${lesson.id}`, {
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      data: 'action=afronden',
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
  }
}

/**
 * How a learner picks: 'goed' knows the material; the robots only see the page: always the
 * first option shown, always the longest, or at random (seeded). An order question is left in
 * the order shown by 'eerste' and 'langste', and shuffled by 'random'.
 */
export type Strategy = 'goed' | 'eerste' | 'langste' | { random: () => number };

/** A seeded pseudo-random generator, so a robot's run can be repeated. */
export { seeded } from '../helpers/seeded-random.ts';

/** Which of the shown option texts a strategy picks (index into `texts`). */
function pick(strategy: Exclude<Strategy, 'goed'>, texts: string[]): number {
  if (strategy === 'eerste') return 0;
  if (strategy === 'langste') return texts.reduce((best, text, i) => (text.length > texts[best].length ? i : best), 0);
  return Math.floor(strategy.random() * texts.length);
}

/**
 * Answers one question card of the afsluitende toets by a strategy, as a learner does in the
 * browser, until the page says the answer was saved.
 */
export async function answerInToets(page: Page, q: Question, strategy: Strategy): Promise<void> {
  const card = () => page.locator(`#vraag-${q.id}`);
  const submit = () => card().getByRole('button', { name: 'Antwoord controleren' }).click();
  const shownTexts = async () => (await card().locator('.choice label').allInnerTexts()).map((t) => t.trim());
  if (q.type === 'single' || q.type === 'multiple') {
    const texts = await shownTexts();
    const chosen = strategy === 'goed' ? q.options.filter((o) => o.correct).map((o) => o.text) : [texts[pick(strategy, texts)]];
    for (const text of chosen) await card().getByLabel(text, { exact: true }).check();
    await submit();
  } else if (q.type === 'order') {
    if (strategy === 'goed') {
      for (const [index, item] of q.items.entries())
        await card()
          .getByRole('combobox', { name: `Positie van: ${item.text}` })
          .selectOption(String(index + 1));
    } else if (typeof strategy === 'object') {
      const positions = q.items.map((_, i) => i + 1);
      for (let i = positions.length - 1; i > 0; i--) {
        const j = Math.floor(strategy.random() * (i + 1));
        [positions[i], positions[j]] = [positions[j], positions[i]];
      }
      const labels = (await card().locator('.order-row label').allInnerTexts()).map((t) => t.trim());
      for (const [index, text] of labels.entries())
        await card()
          .getByRole('combobox', { name: `Positie van: ${text}` })
          .selectOption(String(positions[index]));
    }
    await submit();
  } else {
    let node = q.nodes.find((n) => n.id === q.start);
    for (let step = 0; step < 20 && (await card().locator('input[name="choice"]').count()) > 0; step++) {
      const texts = await shownTexts();
      const text = strategy === 'goed' ? node!.choices.find((c) => c.quality === 'goed')!.text : texts[pick(strategy, texts)];
      const choice = node?.choices.find((c) => c.text === text);
      const situation = await card().locator('fieldset legend').innerText();
      await card().getByLabel(text, { exact: true }).check();
      await submit();
      // The next decision (or the saved notice) replaces this one, with or without JavaScript.
      await expect(card().locator('.toets-saved, fieldset legend').first()).not.toHaveText(situation);
      node = choice?.next ? q.nodes.find((n) => n.id === choice.next) : undefined;
    }
  }
  await expect(card().locator('.toets-saved')).toBeVisible();
}

/** Starts the module's toets, answers every drawn question by the strategy and hands it in. Returns the score in %. */
export async function takeToets(
  page: Page,
  mod: { meta: { id: string }; questions: Question[] },
  strategy: Strategy,
): Promise<{ score: number; passed: boolean }> {
  await page.goto(`/modules/${mod.meta.id}/toets`);
  await page.getByRole('button', { name: /^Start (de|een nieuwe) toets$/ }).click();
  // evaluateAll does not wait: read the questions only once the started toets has loaded (a robot
  // once read the page before it, found none and failed).
  await expect(page.locator('#toets-vragen section.question').first()).toBeVisible();
  const ids = await page.locator('#toets-vragen section.question').evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset.question!));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids)
    await answerInToets(
      page,
      mod.questions.find((q) => q.id === id)!,
      strategy,
    );
  await page.getByRole('button', { name: 'Toets inleveren' }).click();
  const verdict = await page.locator('#uitslag [role="status"]').first().innerText();
  const match = /(Gehaald|Niet gehaald): je score is (\d+)%/.exec(verdict);
  expect(match, verdict).not.toBeNull();
  const score = Number(match![2]);
  if (strategy === 'goed' && score < 100) {
    // A learner who knows every answer scored less once in a full run and never again: say which
    // question and what the page showed, so the next occurrence explains itself.
    // A hand-in that completes the module leads to the completion screen; its link opens the feedback.
    const feedbackLink = page.locator(`a[href^="/modules/${mod.meta.id}/toets?poging="]`);
    if ((await page.locator('#uitslag section.question').count()) === 0 && (await feedbackLink.count()) > 0) await feedbackLink.first().click();
    const missed = await page
      .locator('#uitslag section.question')
      .evaluateAll((sections) =>
        sections.filter((s) => !s.querySelector('.verdict-correct')).map((s) => (s as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 600)),
      );
    expect(missed, `all answers right, yet ${score}%`).toEqual([]);
  }
  return { passed: match![1] === 'Gehaald', score };
}

/**
 * A new colleague whom the admin makes teamleider of the named teams, the way an admin does it:
 * on the account page, the role first, then the teams ticked. The colleague's session stays open.
 */
export async function inviteTeamleader(browser: Browser, teamNames: string[]) {
  const person = await inviteNewUser(browser);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  await admin.goto(`/team/beheer?zoek=${encodeURIComponent(person.email)}`);
  await admin.getByRole('link', { name: person.name }).click();
  await admin.getByLabel('Nieuwe rol').selectOption('teamleader');
  await admin.getByRole('button', { name: 'Rol opslaan' }).click();
  for (const name of teamNames) await admin.getByRole('checkbox', { name, exact: true }).check();
  await admin.getByRole('button', { name: 'Teams opslaan' }).click();
  await expect(admin.getByRole('heading', { name: 'Teams van deze teamleider' })).toBeVisible();
  await expect(admin.getByText(/Opgeslagen: teamleider van/)).toBeVisible();
  const userId = new URL(admin.url()).pathname.split('/').pop()!;
  await adminContext.close();
  return { ...person, userId };
}
