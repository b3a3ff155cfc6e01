// Shared steps for the browser tests: they act as users do, through the pages.
import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { loadCourse } from '../../src/lib/content/load-course.ts';
import type { BranchingQuestion, Question } from '../../src/lib/content/schemas.ts';

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
  await admin.goto('/team');
  await admin.getByLabel('Werk-e-mailadres van de collega').fill(email);
  await admin.getByLabel('Rol').selectOption(role);
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
    await card().getByLabel(q.options.find((o) => !o.correct)!.text, { exact: true }).check();
    await card().getByRole('button', { name: 'Antwoord controleren' }).click();
  } else if (q.type === 'order') {
    const reversed = [...q.items].reverse();
    for (const [index, item] of reversed.entries()) {
      await card().getByRole('combobox', { name: `Positie van: ${item.text}` }).selectOption(String(index + 1));
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
