// Issue 19 on the development server, where the content editor (Keystatic) runs: acceptance test 4
// (a learner gets 403 on every editor path, a visitor must sign in; trainers get the editor under
// its own CSP, a refusal keeps the site's) and acceptance test 3 at the editor (a save that would
// break the course is refused with the Dutch errors, and nothing reaches content/).
import { readFileSync as readFromCheckout } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { EDITOR_CSP, SECURITY_HEADERS } from '../../src/lib/http/security-headers.ts';
import { demo, login } from '../e2e/helpers.ts';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT}`;
const KEYSTATIC = { 'no-cors': '1' };
const EDITOR_PAGES = [
  '/keystatic',
  '/keystatic/singleton/giz-module',
  '/keystatic/singleton/giz-questions',
  '/keystatic/collection/giz-lessons/item/01-waarom-giz',
];
const EDITOR_API = ['/api/keystatic/tree', '/api/keystatic/blob/0000000000000000000000000000000000000000/content/modules/giz/module.yaml'];
const BANK = 'content/modules/giz/questions.yaml';
/** A file of the project copy the dev server runs in (scripts/editor-e2e-server.sh). */
const readFileSync = (path: string, encoding: 'utf8') => readFromCheckout(join(process.env.EDITOR_PROJECT_DIR!, path), encoding);

/** A save as the editor sends it: every changed file, base64url. */
function save(request: APIRequestContext, path: string, contents: string) {
  return request.post('/api/keystatic/update', {
    headers: { ...KEYSTATIC, origin: ORIGIN, 'content-type': 'application/json' },
    data: { additions: [{ path, contents: Buffer.from(contents).toString('base64url') }], deletions: [] },
    maxRedirects: 0,
  });
}

test('a learner gets 403 on every editor path, a write included; a visitor is sent to sign in', async ({ page, playwright }) => {
  await login(page, demo('learner').email, demo('learner').password);
  for (const path of EDITOR_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(403);
    expect(response?.headers()['content-security-policy'], `${path}: the refusal keeps the site's CSP`).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  }
  for (const path of EDITOR_API) expect((await page.request.get(path, { headers: KEYSTATIC })).status(), `GET ${path}`).toBe(403);
  const before = readFileSync(BANK, 'utf8');
  expect((await save(page.request, BANK, 'questions: []\n')).status(), 'POST /api/keystatic/update').toBe(403);
  expect(readFileSync(BANK, 'utf8'), 'content/ unchanged').toBe(before);

  const visitor = await playwright.request.newContext({ baseURL: ORIGIN });
  const pageAnswer = await visitor.get('/keystatic', { maxRedirects: 0 });
  expect(pageAnswer.status()).toBe(302);
  expect(pageAnswer.headers()['location']).toContain('/inloggen');
  expect((await visitor.get('/api/keystatic/tree', { headers: KEYSTATIC, maxRedirects: 0 })).status()).toBe(401);
  expect((await save(visitor, BANK, 'questions: []\n')).status()).toBe(401);
  await visitor.dispose();
});

test('a trainer gets the editor, with its own CSP, listing every module', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  const response = await page.goto('/keystatic');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(EDITOR_CSP);
  await expect(page.getByRole('link', { name: 'giz: vragen' }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'veiligheid: lessen' }).first()).toBeVisible();
});

test('from the question analysis a trainer goes straight to the question in the editor', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  const bank = parse(readFileSync(BANK, 'utf8')) as { questions: { id: string }[] };
  const id = bank.questions[0].id;
  await page.goto('/team/analyse/giz');
  await page.locator(`a[data-editor-link="${id}"]`).click();
  await expect(page).toHaveURL(/\/keystatic\/singleton\/giz-questions$/);
  // The editor lists the questions by id: the one the trainer came for is there.
  await expect(page.getByText(id, { exact: true }).first()).toBeVisible({ timeout: 60_000 });
});

test('a save that would break the course is refused in Dutch, naming file and field, and nothing is written', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  const before = readFileSync(BANK, 'utf8');
  const bank = parse(before) as { questions: { type: string; nodes?: { choices: { next?: string }[] }[] }[] };
  const index = bank.questions.findIndex((q) => q.type === 'branching');
  bank.questions[index].nodes![0].choices[0].next = 'bestaat-niet';
  const refused = await save(page.request, BANK, stringify(bank));
  expect(refused.status()).toBe(422);
  const message = await refused.text();
  expect(message).toContain('Niet opgeslagen');
  expect(message).toContain(`${BANK} › questions.${index}.nodes.0.choices.0.next: verwijst naar beslismoment "bestaat-niet", dat niet bestaat`);
  expect(readFileSync(BANK, 'utf8'), 'content/ unchanged').toBe(before);

  // In the editor itself: a pass mark below 0.5 on the module form; the notice shows the check's text.
  const moduleFile = 'content/modules/giz/module.yaml';
  const moduleBefore = readFileSync(moduleFile, 'utf8');
  await page.goto('/keystatic/singleton/giz-module');
  const passMark = page.getByRole('textbox', { name: 'Slaaggrens (0,5 tot 1)' });
  await passMark.fill('0.3');
  await passMark.press('Tab');
  await page.getByRole('button', { name: 'Save' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Niet opgeslagen' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('content/modules/giz/module.yaml › passMark: moet minstens 0.5 zijn');
  expect(readFileSync(moduleFile, 'utf8'), 'module.yaml unchanged').toBe(moduleBefore);
});
