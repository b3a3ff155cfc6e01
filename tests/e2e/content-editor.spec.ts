// Acceptance test 4 of issue 19: the content editor (Keystatic) is not in the production build.
// Every editor path, its page and its read/write API, answers 404 to a learner (and to everyone
// else: the build has no editor), and a write attempt leaves content/ as it was. On the development
// server the same routes are for trainers and admins only: tests/unit/auth/route-rules.test.ts.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { t } from '../../src/lib/i18n/nl.ts';
import { demo, login } from './helpers.ts';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT}`;
// Keystatic's API checks this header on every call; sent so a present API would answer, not refuse.
const KEYSTATIC = { 'no-cors': '1' };

// The editor's page (with the paths its interface opens) and its API, as @keystatic/astro injects them.
const EDITOR_PAGES = [
  '/keystatic',
  '/keystatic/',
  '/keystatic/singleton/giz-module',
  '/keystatic/singleton/giz-questions',
  '/keystatic/collection/giz-lessons',
  '/keystatic/collection/giz-lessons/item/01-waarom-giz',
  '/keystatic/branch/main',
];
const EDITOR_API_GETS = ['/api/keystatic/tree', '/api/keystatic/blob/0000000000000000000000000000000000000000/content/modules/giz/module.yaml'];

test('every content-editor path answers 404 to a learner, and a write changes nothing', async ({ page }) => {
  await login(page, demo('learner').email, demo('learner').password);
  for (const path of EDITOR_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), `${path}: our own 404 page, not an editor`).toHaveText(t.errors.notFoundTitle);
  }
  for (const path of EDITOR_API_GETS) {
    const response = await page.request.get(path, { headers: KEYSTATIC });
    expect(response.status(), `GET ${path}`).toBe(404);
  }
  const file = 'content/modules/giz/module.yaml';
  const before = readFileSync(file, 'utf8');
  const write = await page.request.post('/api/keystatic/update', {
    headers: { ...KEYSTATIC, origin: ORIGIN, 'content-type': 'application/json' },
    data: { additions: [{ path: file, contents: Buffer.from('id: giz\n').toString('base64url') }], deletions: [] },
  });
  expect(write.status(), 'POST /api/keystatic/update').toBe(404);
  expect(readFileSync(file, 'utf8'), `${file} is unchanged`).toBe(before);
});

test('the built site has no content editor for trainers and admins either', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  for (const path of [...EDITOR_PAGES, ...EDITOR_API_GETS]) {
    const response = await page.request.get(path, { headers: KEYSTATIC });
    expect(response.status(), `GET ${path} as trainer`).toBe(404);
  }
});
